package dev.todochat.persistence.internal;

import dev.todochat.domain.chat.RateLimit;
import dev.todochat.domain.chat.RateLimited;
import dev.todochat.domain.port.RateLimits;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@link RateLimits} in the {@code rate_limits} table, all of a request's budgets in one statement of the turn's first
 * transaction. A budget is one number: when it will be full again ({@code full_at}, epoch microseconds). Taking a turn
 * moves that a step of a minute / limit later (from now, if it was already full); the turn is allowed when the budget
 * is then full again within a minute, which is a token bucket holding {@code limit} turns and refilling at {@code limit}
 * a minute (the generic cell rate algorithm). The statement always takes; a refusal throws, and the rollback of the
 * unit gives every budget of the statement back. Rows are locked in key order, so two turns never wait on each other
 * in a circle.
 */
final class JdbiRateLimits implements RateLimits {
    private static final long MINUTE = Duration.ofMinutes(1).toNanos() / 1_000;

    private final Handle handle;
    private final RateLimitSweep sweep;

    JdbiRateLimits(Handle handle, RateLimitSweep sweep) {
        this.handle = handle;
        this.sweep = sweep;
    }

    @Override
    public void take(List<RateLimit> limits, Instant now) {
        if (limits.isEmpty()) {
            return;
        }
        List<RateLimit> inKeyOrder = limits.stream().sorted(Comparator.comparing(RateLimit::budget)).toList();
        if (inKeyOrder.stream().map(RateLimit::budget).distinct().count() != limits.size()) {
            // one statement cannot change a row twice
            throw new IllegalArgumentException("a request takes from each budget once");
        }
        StringBuilder sql = new StringBuilder("INSERT INTO rate_limits AS budget (key, full_at) VALUES ");
        for (int i = 0; i < inKeyOrder.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:key").append(i).append(", :now + :step").append(i).append(")");
        }
        sql.append(" ON CONFLICT (key) DO UPDATE SET full_at = GREATEST(budget.full_at, :now) + (EXCLUDED.full_at - :now)")
                .append(" RETURNING key, full_at");
        long nowMicros = micros(now);
        Query statement = handle.createQuery(sql.toString()).bind("now", nowMicros);
        for (int i = 0; i < inKeyOrder.size(); i++) {
            RateLimit limit = inKeyOrder.get(i);
            statement.bind("key" + i, limit.budget()).bind("step" + i, MINUTE / limit.perMinute());
        }
        Map<String, Long> fullAt = statement.map((row, context) -> Map.entry(row.getString("key"), row.getLong("full_at")))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        sweep.whenDue(now);
        for (RateLimit limit : limits) {
            long late = fullAt.get(limit.budget()) - nowMicros - MINUTE;
            if (late > 0) {
                throw new RateLimited(limit, Duration.of(late, ChronoUnit.MICROS));
            }
        }
    }


    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
