package dev.todochat.persistence.internal;

import dev.todochat.application.RateLimits;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link RateLimits} as token buckets in the {@code rate_limit_buckets} table, through Bucket4j's PostgreSQL backend:
 * each check locks its bucket's row ({@code SELECT ... FOR UPDATE}) in a short transaction of its own, so every
 * instance on the database takes from the same budget. A bucket holds {@code perMinute} requests and refills
 * continuously at that rate. Rows of buckets that have filled up again are deleted by a sweep that each instance runs
 * at most once a minute, off the request's thread. When every connection is in use for longer than the pool's wait,
 * the check fails with {@link dev.todochat.domain.port.StorageBusy}, as any other work on the database does.
 */
public final class BucketRateLimits implements RateLimits {
    private static final Duration PERIOD = Duration.ofMinutes(1);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    private static final int SWEEP_BATCH = 1_000;
    /** A full bucket's row is kept a while: reusing it is cheaper than creating it, and it covers clock skew. */
    private static final Duration KEEP_WHEN_FULL = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(BucketRateLimits.class);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Clock clock;
    private final AtomicReference<Instant> nextSweep;

    public BucketRateLimits(DataSource dataSource, Clock clock) {
        this.clock = clock;
        this.nextSweep = new AtomicReference<>(clock.instant().plus(SWEEP_EVERY));
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .clientClock(new ClockTime(clock))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_WHEN_FULL))
                .build();
    }

    @Override
    public Decision check(String key, int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("a rate limit must allow at least one request a minute, not "
                    + perMinute);
        }
        BucketConfiguration budget = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, PERIOD))
                .build();
        ConsumptionProbe probe;
        try {
            probe = buckets.builder().build(key + ":" + perMinute, () -> budget).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            throw LostDatabase.translate(PoolExhaustion.translate(e));
        }
        sweepWhenDue();
        return probe.isConsumed() ? Decision.allow() : Decision.refuse(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private void sweepWhenDue() {
        Instant due = nextSweep.get();
        Instant now = clock.instant();
        if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(SWEEP_EVERY))) {
            return;
        }
        Thread.ofVirtual().name("todochat-rate-limit-sweep").start(() -> {
            try {
                int removed = buckets.removeExpired(SWEEP_BATCH);
                LOG.debug("removed {} full rate-limit buckets", removed);
            } catch (RuntimeException e) {
                LOG.debug("the rate-limit sweep failed; the next one will retry", e);
            }
        });
    }

    /** Bucket4j's time, from the clock this instance was given. */
    private record ClockTime(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
