package dev.todochat.domain.chat;

import dev.todochat.domain.Conversation;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.IdempotencyKey;
import dev.todochat.domain.Message;
import dev.todochat.domain.NotFound;
import dev.todochat.domain.TurnId;
import dev.todochat.domain.UserId;
import dev.todochat.domain.UserMessage;
import dev.todochat.domain.port.IdempotencyKeys.Claim;
import dev.todochat.domain.port.Ids;
import dev.todochat.domain.port.UnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The first transaction of a turn: the idempotency key (a finished request is replayed, a running one refused), the
 * conversation (the user's, or a new one), its turn lease, the user message, and the history window. Anything refused
 * here writes nothing: the transaction rolls back with the exception.
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
        ConversationId id = request.conversationId().orElse(null);
        if (id == null) {
            id = ids.newConversationId();
            unit.conversations().create(new Conversation(id, user, Conversation.titleFrom(request.message()), now, now));
        } else if (unit.conversations().find(user, id).isEmpty()) {
            throw NotFound.conversation(id);
        }
        Optional<Instant> busyUntil = unit.conversations().claimTurn(user, id, turn, now, now.plus(limits.turnLease()));
        if (busyUntil.isPresent()) {
            throw new ConversationBusy(ConversationBusy.Conflict.CONVERSATION_IN_USE,
                    "another message to this conversation is still being answered",
                    Duration.between(now, busyUntil.get()));
        }
        unit.transcript().append(user, id, List.of(new UserMessage(request.message())), now);
        var latest = unit.transcript().latest(user, id, limits.historyMessages());
        return new Started(id, HistoryWindow.fit(latest, limits.historyTokens()));
    }
}
