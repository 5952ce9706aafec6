package dev.todochat.application;

import java.time.Duration;
import java.util.Objects;

/**
 * Budgets of requests per minute, shared by every instance that asks the same store, so that a client cannot multiply
 * its budget by the number of replicas. A key names one budget (a user, a client address); the caller picks the
 * keys and the limits, the implementation keeps the count.
 */
public interface RateLimits {
    /**
     * Takes one request from the budget of {@code key}, which holds {@code perMinute} requests and refills at that
     * rate; refused when it is empty.
     *
     * @param perMinute a positive limit; a change of limit starts a fresh budget
     */
    Decision check(String key, int perMinute);

    /** Whether the request may go ahead, and when not, how long until it could. */
    record Decision(boolean allowed, Duration retryAfter) {
        private static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        public Decision {
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (retryAfter.isNegative() || allowed && !retryAfter.isZero()) {
                throw new IllegalArgumentException("an allowed request waits for nothing; a refused one waits >= 0");
            }
        }

        public static Decision allow() {
            return ALLOWED;
        }

        public static Decision refuse(Duration retryAfter) {
            return new Decision(false, retryAfter);
        }
    }
}
