package dev.todochat.domain.chat;

import dev.todochat.domain.RetryHint;

import java.time.Duration;

/** A budget the request takes from ({@link RateLimit}) is spent; try again after {@link #retryAfter()}. */
public final class RateLimited extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    public RateLimited(RateLimit limit, Duration retryAfter) {
        super("too many chat turns: at most " + limit.perMinute() + " a minute " + limit.scope() + "; try again in "
                + RetryHint.wholeSeconds(retryAfter) + " s", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
