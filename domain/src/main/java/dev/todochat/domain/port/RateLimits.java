package dev.todochat.domain.port;

import dev.todochat.domain.chat.RateLimit;
import dev.todochat.domain.chat.RateLimited;

import java.time.Instant;
import java.util.List;

/**
 * The budgets of chat turns ({@link RateLimit}), kept in storage so that every instance takes from the same ones and a
 * client cannot multiply its budget by the number of replicas.
 */
public interface RateLimits {
    /**
     * Takes one turn from each of {@code limits} at {@code now}, all or none.
     *
     * @throws RateLimited for the first budget that is spent. The unit of work must fail with it: its rollback is
     *                     what gives back what the other budgets lent, so a refused request takes nothing
     */
    void take(List<RateLimit> limits, Instant now);
}
