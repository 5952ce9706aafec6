package dev.todochat.persistence.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.time.Duration;

/** The HikariCP pool every todochat database goes through, with timeouts suited to short request transactions. */
public final class ConnectionPool {
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(2);

    private ConnectionPool() {
    }

    /**
     * Opens a pool without connecting yet (a server that is down shows up in health checks and in the first query,
     * not as a failure to start).
     *
     * @param user     the login, or null for the driver's default
     * @param password the password, or null
     */
    public static HikariDataSource open(String jdbcUrl, String user, String password, int maxPoolSize) {
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection (got " + maxPoolSize + ")");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("todochat");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxPoolSize);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("ApplicationName", "todochat");
        return new HikariDataSource(config);
    }
}
