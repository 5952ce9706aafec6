package dev.todochat.bootstrap;

import dev.todochat.persistence.PostgresDatabase;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static dev.todochat.bootstrap.Env.value;

/**
 * The connection pool to a {@code DATABASE_URL}: {@code DATABASE_POOL_SIZE} connections at most (default 10) and
 * {@code DATABASE_POOL_WAIT}, how long a request waits for one before it gets 503 (default 5s). Every instance opens
 * its own pool, so instances × pool size must stay within what the server (or PgBouncer) accepts.
 *
 * @param poolSize the most connections one instance holds, 1 to 1000
 * @param poolWait how long a piece of work waits for a free connection, 250 ms to 5 minutes
 */
record DatabaseSettings(int poolSize, Duration poolWait) {
    static final int DEFAULT_POOL_SIZE = PostgresDatabase.DEFAULT_POOL_SIZE;
    static final Duration DEFAULT_POOL_WAIT = PostgresDatabase.DEFAULT_POOL_WAIT;
    private static final int MAX_POOL_SIZE = 1000;
    // HikariCP refuses a shorter wait; a longer one only holds a request thread the client has given up on
    private static final Duration MIN_POOL_WAIT = Duration.ofMillis(250);
    private static final Duration MAX_POOL_WAIT = Duration.ofMinutes(5);

    static final DatabaseSettings DEFAULT = new DatabaseSettings(DEFAULT_POOL_SIZE, DEFAULT_POOL_WAIT);

    static DatabaseSettings from(Map<String, String> env) {
        return new DatabaseSettings(Env.number(env, "DATABASE_POOL_SIZE", DEFAULT_POOL_SIZE, 1, MAX_POOL_SIZE),
                poolWait(value(env, "DATABASE_POOL_WAIT")));
    }


    private static Duration poolWait(Optional<String> text) {
        if (text.isEmpty()) {
            return DEFAULT_POOL_WAIT;
        }
        Duration wait;
        try {
            wait = Lifetimes.parse(text.get());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("DATABASE_POOL_WAIT: " + e.getMessage());
        }
        if (wait.compareTo(MIN_POOL_WAIT) < 0 || wait.compareTo(MAX_POOL_WAIT) > 0) {
            throw new ConfigException("DATABASE_POOL_WAIT must be from 250 ms (PT0.25S) to 5 minutes, not '"
                    + text.get() + "'");
        }
        return wait;
    }
}
