package dev.todochat.testing.storage;

import dev.todochat.domain.chat.RateLimit;
import dev.todochat.domain.chat.RateLimited;
import dev.todochat.domain.port.RateLimits;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@link RateLimits} in memory, as the table keeps them: a budget is the moment it will be full again; taking a turn
 * moves that a minute / limit later (from now, if it was already full), and the turn is allowed when the budget is
 * then full again within a minute. A refusal throws, and the transaction's rollback gives every budget back.
 */
final class MemoryRateLimits implements RateLimits {
    private static final long MINUTE = Duration.ofMinutes(1).toNanos() / 1_000;

    private final MemoryState state;

    MemoryRateLimits(MemoryState state) {
        this.state = state;
    }

    @Override
    public void take(List<RateLimit> limits, Instant now) {
        if (limits.stream().map(RateLimit::budget).distinct().count() != limits.size()) {
            throw new IllegalArgumentException("a request takes from each budget once");
        }
        long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        RateLimited refused = null;
        for (RateLimit limit : limits) {
            long fullAt = Math.max(state.budgetsFullAt.getOrDefault(limit.budget(), nowMicros), nowMicros)
                    + MINUTE / limit.perMinute();
            state.budgetsFullAt.put(limit.budget(), fullAt);
            long late = fullAt - nowMicros - MINUTE;
            if (late > 0 && refused == null) {
                refused = new RateLimited(limit, Duration.of(late, ChronoUnit.MICROS));
            }
        }
        if (refused != null) {
            throw refused;
        }
    }
}
