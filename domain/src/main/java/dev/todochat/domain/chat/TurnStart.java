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
                case Claim.InProgress inProgress -> throw new ConversationBusy(
                        "a request with this Idempotency-Key is still running", Duration.ofSeconds(1));
                case Claim.Mismatch mismatch -> throw new IdempotencyKeyReused(
                        "this Idempotency-Key was already used for a different request");
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
            Instant heldUntil = unit.conversations().turnHeldUntil(user, id).orElse(now);
            throw new ConversationBusy("another message to this conversation is still being answered",
                    retryAfter(now, heldUntil));
        }
        var latest = unit.transcript().latest(user, id, limits.historyMessages());
        return new Started(id, HistoryWindow.fit(latest, limits.historyTokens()));
    }

    /** Whole seconds until the holder's lease lapses, at least one. */
    private static Duration retryAfter(Instant now, Instant until) {
        long millis = Duration.between(now, until).toMillis();
        return Duration.ofSeconds(Math.max(1, (millis + 999) / 1000));
    }
}
