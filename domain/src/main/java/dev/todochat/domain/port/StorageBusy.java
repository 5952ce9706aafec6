package dev.todochat.domain.port;

import java.time.Duration;

/**
 * Every connection to the database stayed in use for longer than a request may wait for one: the server is
 * overloaded, not broken. The work did not start, so nothing was written by it; try again after
 * {@link #retryAfter()}.
 */
public final class StorageBusy extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    public StorageBusy(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
