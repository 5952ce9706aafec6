package dev.todochat.persistence.internal;

import dev.todochat.domain.port.StorageUnavailable;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;

/**
 * Tells a database that is gone from a bug. PostgreSQL reports a lost or refused connection with SQLSTATE class
 * {@code 08} and a server shutting down or starting with {@code 57P01}..{@code 57P03}; HikariCP reports a pool that
 * could not connect as a timed-out wait whose cause is the last failure to connect.
 */
final class LostDatabase {
    /** About how long a restarting PostgreSQL takes to accept connections again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final Set<String> SHUTTING_DOWN = Set.of("57P01", "57P02", "57P03");

    private LostDatabase() {
    }

    /** {@code failure} as {@link StorageUnavailable} when the database was lost beneath it; otherwise itself. */
    static RuntimeException translate(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException timeout && timeout.getCause() != null
                    || cause instanceof SQLException sql && isConnectionLoss(sql.getSQLState())) {
                return new StorageUnavailable("the database cannot be reached right now; nothing more was done,"
                        + " try again shortly", RETRY_AFTER, failure);
            }
        }
        return failure;
    }

    private static boolean isConnectionLoss(String state) {
        return state != null && (state.startsWith("08") || SHUTTING_DOWN.contains(state));
    }
}
