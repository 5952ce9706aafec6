package dev.todochat.persistence.internal;

import dev.todochat.domain.port.StorageUnavailable;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;

/**
 * Tells a database that is gone from a bug. PostgreSQL reports a lost or refused connection with SQLSTATE class
 * {@code 08} and a server shutting down or starting with {@code 57P01}..{@code 57P03}; HikariCP reports a pool that
 * could not connect as a timed-out wait whose cause is the last failure to connect. HikariCP also closes a connection
 * it saw fail that way, and a library that then rolls back on it (Bucket4j does) gets HikariCP's "Connection is
 * closed" without a SQLSTATE, which hides the first failure.
 */
final class LostDatabase {
    /** About how long a restarting PostgreSQL takes to accept connections again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final Set<String> SHUTTING_DOWN = Set.of("57P01", "57P02", "57P03");
    private static final String HIKARI_CLOSED = "Connection is closed";

    private LostDatabase() {
    }

    /** {@code failure} as {@link StorageUnavailable} when the database was lost beneath it; otherwise itself. */
    static RuntimeException translate(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException timeout && timeout.getCause() != null
                    || cause instanceof SQLException sql && isConnectionLoss(sql)) {
                return new StorageUnavailable("the database cannot be reached right now; nothing more was done,"
                        + " try again shortly", RETRY_AFTER, failure);
            }
        }
        return failure;
    }

    private static boolean isConnectionLoss(SQLException failure) {
        String state = failure.getSQLState();
        if (state == null) {
            return HIKARI_CLOSED.equals(failure.getMessage());
        }
        return state.startsWith("08") || SHUTTING_DOWN.contains(state);
    }
}
