package dev.todochat.persistence.internal;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Deletes the rows of budgets that have filled up again (a full budget and a missing row say the same), at most once
 * a minute per instance, off the request's thread. Rows are kept a minute after they are full, which covers the
 * clocks of instances that run a little behind.
 */
final class RateLimitSweep {
    private static final Duration EVERY = Duration.ofMinutes(1);
    private static final Duration KEEP_WHEN_FULL = Duration.ofMinutes(1);
    private static final int BATCH = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(RateLimitSweep.class);

    private final Jdbi jdbi;
    private final AtomicReference<Instant> next = new AtomicReference<>();

    RateLimitSweep(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Starts a sweep when the last one was at least a minute before {@code now}. */
    void whenDue(Instant now) {
        Instant due = next.get();
        if (due == null) {
            next.compareAndSet(null, now.plus(EVERY));
            return;
        }
        if (now.isBefore(due) || !next.compareAndSet(due, now.plus(EVERY))) {
            return;
        }
        long cutoff = JdbiRateLimits.micros(now.minus(KEEP_WHEN_FULL));
        Thread.ofVirtual().name("todochat-rate-limit-sweep").start(() -> {
            try {
                // the outer condition is checked again on a row that a turn changed meanwhile, so it is kept
                int removed = jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM rate_limits"
                                + " WHERE full_at < :cutoff AND key IN"
                                + " (SELECT key FROM rate_limits WHERE full_at < :cutoff LIMIT " + BATCH + ")")
                        .bind("cutoff", cutoff)
                        .execute());
                LOG.debug("removed {} full rate-limit budgets", removed);
            } catch (RuntimeException e) {
                LOG.debug("the rate-limit sweep failed; the next one will retry", e);
            }
        });
    }
}
