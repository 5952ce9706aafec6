package dev.todochat.domain.chat;

import java.time.Duration;

/**
 * The bounds of one turn.
 *
 * @param maxRounds         model calls in one turn before it is ended with an honest answer
 * @param maxIdenticalCalls how often the same tool with the same arguments may run in one turn
 * @param historyMessages   how many stored messages the model sees at most
 * @param historyTokens     an estimate of the tokens the history may take at most
 * @param turnLease         how long a turn holds its conversation without writing; renewed by every tool round.
 *                          A turn left by a killed instance blocks its conversation this long at most
 * @param idempotencyTtl    how long an idempotency key's answer is kept for replay
 * @param turnTimeout       how long a whole turn may take; past it the turn stops between steps
 * @param storagePatience   how a turn that has called the model asks again for a busy storage
 */
public record ChatLimits(int maxRounds, int maxIdenticalCalls, int historyMessages, int historyTokens,
                         Duration turnLease, Duration idempotencyTtl, Duration turnTimeout,
                         StoragePatience storagePatience) {
    public static final Duration DEFAULT_TURN_LEASE = Duration.ofMinutes(2);
    public static final Duration DEFAULT_IDEMPOTENCY_TTL = Duration.ofHours(24);
    public static final Duration DEFAULT_TURN_TIMEOUT = Duration.ofSeconds(60);
    public static final ChatLimits DEFAULT = new ChatLimits(8, 2, 50, 12_000, DEFAULT_TURN_LEASE,
            DEFAULT_IDEMPOTENCY_TTL, DEFAULT_TURN_TIMEOUT, StoragePatience.DEFAULT);

    public ChatLimits {
        if (maxRounds < 1 || maxIdenticalCalls < 1 || historyMessages < 1 || historyTokens < 1) {
            throw new IllegalArgumentException("every chat limit must be at least 1");
        }
        if (turnLease == null || turnLease.toMillis() < 1 || idempotencyTtl == null || idempotencyTtl.toMillis() < 1) {
            throw new IllegalArgumentException("the turn lease and the idempotency key lifetime must be positive");
        }
        if (turnTimeout == null || turnTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("the turn timeout must be positive");
        }
        if (storagePatience == null) {
            throw new IllegalArgumentException("a turn needs a storage patience");
        }
    }

    /** The limits with the default turn timeout and {@link StoragePatience}. */
    public ChatLimits(int maxRounds, int maxIdenticalCalls, int historyMessages, int historyTokens,
                      Duration turnLease, Duration idempotencyTtl) {
        this(maxRounds, maxIdenticalCalls, historyMessages, historyTokens, turnLease, idempotencyTtl,
                DEFAULT_TURN_TIMEOUT, StoragePatience.DEFAULT);
    }

    public ChatLimits withTurnLease(Duration lease) {
        return new ChatLimits(maxRounds, maxIdenticalCalls, historyMessages, historyTokens, lease, idempotencyTtl,
                turnTimeout, storagePatience);
    }

    public ChatLimits withIdempotencyTtl(Duration ttl) {
        return new ChatLimits(maxRounds, maxIdenticalCalls, historyMessages, historyTokens, turnLease, ttl,
                turnTimeout, storagePatience);
    }

    public ChatLimits withTurnTimeout(Duration timeout) {
        return new ChatLimits(maxRounds, maxIdenticalCalls, historyMessages, historyTokens, turnLease, idempotencyTtl,
                timeout, storagePatience);
    }

    public ChatLimits withStoragePatience(StoragePatience patience) {
        return new ChatLimits(maxRounds, maxIdenticalCalls, historyMessages, historyTokens, turnLease, idempotencyTtl,
                turnTimeout, patience);
    }
}
