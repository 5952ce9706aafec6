package dev.todochat.persistence.internal;

import dev.todochat.domain.port.StorageBusy;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * Tells a pool that is merely busy from a database that is gone. HikariCP reports both as a timed-out wait, but when
 * the database cannot be reached it attaches the last failure to connect as the cause; with every connection simply
 * in use there is no cause.
 */
final class PoolExhaustion {
    /** How long a client is asked to wait when every connection is busy: bursts on a pool clear in about this. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private PoolExhaustion() {
    }

    /** {@code failure} as {@link StorageBusy} when the pool was exhausted somewhere beneath it; otherwise itself. */
    static RuntimeException translate(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException timeout && timeout.getCause() == null) {
                return new StorageBusy("the server is busy: every database connection stayed in use for longer"
                        + " than a request may wait; nothing was done", RETRY_AFTER, failure);
            }
        }
        return failure;
    }
}
