package dev.todochat.domain.chat;

import dev.todochat.domain.Conversation;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.IdempotencyKey;
import dev.todochat.domain.Message;
import dev.todochat.domain.RecordedMessage;
import dev.todochat.domain.TurnId;
import dev.todochat.domain.UserId;
import dev.todochat.domain.UserMessage;
import dev.todochat.domain.port.IdempotencyKeys.Claim;
import dev.todochat.domain.port.Ids;
import dev.todochat.domain.port.TurnLease;
import dev.todochat.domain.port.UnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The first transaction of a turn: the request's rate limits, the idempotency key (a finished request is replayed, a
 * running one refused), the conversation (the user's, or a new one), its turn lease taken together with the user
 * message, and the history window. Anything refused here writes nothing: the transaction rolls back with the
 * exception. A conversation that is not the user's cannot have its turn taken, so it is told from a busy one only
 * after the take failed.
 */
final class TurnStart {
    private final Ids ids;
    private final ChatLimits limits;

    TurnStart(Ids ids, ChatLimits limits) {
        this.ids = ids;
        this.limits = limits;
    }

    /** A turn that may run, or the stored answer of the same request. */
    sealed interface Outcome {
    }

    record Started(ConversationId conversation, List<Message> history) implements Outcome {
    }

    record Replayed(TurnResult result) implements Outcome {
    }

    Outcome begin(UnitOfWork unit, UserId user, ChatRequest request, TurnId turn, Instant now) {
        if (!request.rateLimits().isEmpty()) {
            unit.rateLimits().take(request.rateLimits(), now);
        }
        Optional<IdempotencyKey> key = request.idempotencyKey();
        if (key.isPresent()) {
            Claim claim = unit.idempotencyKeys().claim(user, key.get(), request.fingerprint(), turn, now,
                    now.plus(limits.idempotencyTtl()));
            switch (claim) {
                case Claim.Replay replay -> {
                    return new Replayed(replay.result().asReplay());
                }
                case Claim.InProgress inProgress -> throw new ConversationBusy(ConversationBusy.Conflict.KEY_IN_USE,
                        "a request with this idempotency key is still running");
                case Claim.Mismatch mismatch -> throw new IdempotencyKeyReused(
                        "this idempotency key was already used for a different request");
                case Claim.Claimed claimed -> {
                }
            }
        }
        List<Message> message = List.of(new UserMessage(request.message()));
        TurnLease lease = TurnLease.take(turn, now.plus(limits.turnLease()));
        if (request.conversationId().isEmpty()) {
            ConversationId id = ids.newConversationId();
            unit.conversations().create(new Conversation(id, user, Conversation.titleFrom(request.message()), now, now));
            List<RecordedMessage> first = unit.transcript().appendInTurn(user, id, lease, message, now)
                    .orElseThrow(() -> new IllegalStateException("a new conversation's turn was taken"));
            return new Started(id, HistoryWindow.fit(first, limits.historyTokens()));
        }
        ConversationId id = request.conversationId().get();
        if (unit.transcript().appendInTurn(user, id, lease, message, now).isEmpty()) {
            String why = "another message to this conversation is still being answered";
            throw unit.conversations().turnHeldUntil(user, id)
                    .map(until -> new ConversationBusy(ConversationBusy.Conflict.CONVERSATION_IN_USE, why,
                            Duration.between(now, until)))
                    .orElseGet(() -> new ConversationBusy(ConversationBusy.Conflict.CONVERSATION_IN_USE, why));
        }
        var latest = unit.transcript().latest(user, id, limits.historyMessages());
        return new Started(id, HistoryWindow.fit(latest, limits.historyTokens()));
    }
}
