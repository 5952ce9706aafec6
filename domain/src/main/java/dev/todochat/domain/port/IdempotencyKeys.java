package dev.todochat.domain.port;

import dev.todochat.domain.IdempotencyKey;
import dev.todochat.domain.TurnId;
import dev.todochat.domain.UserId;
import dev.todochat.domain.chat.TurnResult;

import java.time.Instant;

/**
 * What each user's idempotency keys did: running (held by a turn), or done with the answer to replay. A key is
 * claimed in the transaction that begins the turn and completed in the one that finishes it, so a retry can never
 * see a finished turn without its answer.
 */
public interface IdempotencyKeys {
    /**
     * Claims {@code key} for {@code turn}: a new key, an expired one, or one whose turn died (its lease lapsed at
     * {@code now}) is claimed; otherwise the existing state is reported.
     *
     * @param fingerprint what the request said; the same key with another fingerprint is a {@link Claim.Mismatch}
     */
    Claim claim(UserId owner, IdempotencyKey key, String fingerprint, TurnId turn, Instant now, Instant expiresAt);

    /** Records the answer of {@code turn}'s request, to be replayed until the key expires. */
    void complete(UserId owner, IdempotencyKey key, TurnId turn, TurnResult result);

    /** Forgets {@code key} if {@code turn} still holds it, so that a retry runs again. */
    void abandon(UserId owner, IdempotencyKey key, TurnId turn);

    /** What claiming a key found. */
    sealed interface Claim {
        /** The key is now the turn's: run the request. */
        record Claimed() implements Claim {
        }

        /** The request already ran: here is its answer. */
        record Replay(TurnResult result) implements Claim {
        }

        /** The request is running right now, on this or another instance. */
        record InProgress() implements Claim {
        }

        /** The key was used for a different request. */
        record Mismatch() implements Claim {
        }
    }
}
