package dev.todochat.persistence.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.time.Duration;

/** The HikariCP pool every todochat database goes through, with timeouts suited to short request transactions. */
public final class ConnectionPool {
    /** How long a piece of work waits for a free connection unless told otherwise. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);
    private static final Duration MIN_WAIT = Duration.ofMillis(250);
    private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(2);

    private ConnectionPool() {
    }

    /**
     * Opens a pool without connecting yet (a server that is down shows up in health checks and in the first query,
     * not as a failure to start).
     *
     * @param user     the login, or null for the driver's default
     * @param password the password, or null
     * @param wait     how long a piece of work waits for a free connection, at least 250 ms (HikariCP's floor)
     */
    public static HikariDataSource open(String jdbcUrl, String user, String password, int maxPoolSize, Duration wait) {
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection (got " + maxPoolSize + ")");
        }
        if (wait.compareTo(MIN_WAIT) < 0) {
            throw new IllegalArgumentException("the pool's wait must be at least 250 ms (got " + wait + ")");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("todochat");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxPoolSize);
        config.setConnectionTimeout(wait.toMillis());
        config.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("ApplicationName", "todochat");
        return new HikariDataSource(config);
    }
}
