package dev.todochat.domain.port;

import java.time.Duration;

/**
 * The database cannot be reached, or it dropped the connection in the middle of the work (a restart, a failover):
 * the work's transaction did not commit as far as the caller can tell, and the database, not the request, is at
 * fault. Try again after {@link #retryAfter()}.
 */
public final class StorageUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    public StorageUnavailable(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
