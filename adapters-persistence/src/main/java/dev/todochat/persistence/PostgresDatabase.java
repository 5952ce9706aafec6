package dev.todochat.persistence;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.todochat.domain.port.Storage;
import dev.todochat.persistence.internal.ConnectionPool;
import dev.todochat.persistence.internal.EmbeddedServer;
import dev.todochat.persistence.internal.JdbiStorage;
import dev.todochat.persistence.internal.Migrations;
import io.micrometer.core.instrument.MeterRegistry;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * todochat's PostgreSQL: a connection pool, the schema migrations and the {@link Storage} port on top. Either a
 * server named by a URL ({@link #connect}) or an embedded server with its data in a local folder ({@link #embedded}).
 *
 * <pre>{@code
 * try (PostgresDatabase database = PostgresDatabase.connect(System.getenv("DATABASE_URL"), 10)) {
 *     database.migrate();
 *     TodoChat chat = TodoChat.builder().storage(database.storage()).model(model).build();
 * }
 * }</pre>
 */
public final class PostgresDatabase implements AutoCloseable {
    private static final int EMBEDDED_POOL_SIZE = 10;
    private static final int REACHABLE_WITHIN_SECONDS = 2;

    private final HikariDataSource dataSource;
    private final String description;
    private final Runnable stopServer;
    private final JdbiStorage storage;

    private PostgresDatabase(HikariDataSource dataSource, String description, Runnable stopServer) {
        this.dataSource = dataSource;
        this.description = description;
        this.stopServer = stopServer;
        this.storage = new JdbiStorage(dataSource, dataSource.getMaximumPoolSize());
    }

    /**
     * A pool of at most {@code maxPoolSize} connections to the server of {@code databaseUrl}, given as
     * {@code postgres://user:pass@host:port/db} (also {@code postgresql://}, with {@code ?sslmode=...} kept) or
     * {@code jdbc:postgresql:...}. Nothing connects yet: an unreachable server shows in {@link #isReachable()} and in
     * the first query.
     *
     * @throws IllegalArgumentException when the URL cannot be used (the message never holds the password)
     */
    public static PostgresDatabase connect(String databaseUrl, int maxPoolSize) {
        DatabaseUrl url = DatabaseUrl.parse(databaseUrl);
        HikariDataSource pool = ConnectionPool.open(url.jdbcUrl(), url.user().orElse(null), url.password().orElse(null),
                maxPoolSize);
        return new PostgresDatabase(pool, url.describe(), () -> { });
    }

    /**
     * An embedded PostgreSQL whose data lives in {@code dataDir/postgres} (created if absent) and survives restarts;
     * it listens on the loopback port it used last time when that is free, and is stopped by {@link #close()}.
     *
     * @throws IllegalStateException when the server cannot start, for instance because another process uses the folder
     */
    public static PostgresDatabase embedded(Path dataDir) {
        EmbeddedServer server = EmbeddedServer.start(dataDir);
        try {
            HikariDataSource pool = ConnectionPool.open(server.jdbcUrl(), null, null, EMBEDDED_POOL_SIZE);
            return new PostgresDatabase(pool, server.describe(), server::close);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * For start-up output, never with a password: {@code PostgreSQL at host:5432/db as user} or
     * {@code embedded PostgreSQL 17 (data in /root/.todochat/postgres, port N)}.
     */
    public String describe() {
        return description;
    }

    /** Applies the Flyway migrations; idempotent. */
    public void migrate() {
        Migrations.apply(dataSource);
    }

    /** The domain's storage port on this database. */
    public Storage storage() {
        return storage;
    }

    /**
     * Registers this database's meters in {@code registry}: {@code todochat.db.statements} and
     * {@code todochat.db.transactions} run through {@link #storage()}, {@code todochat.db.connection.hold} (how long
     * each transaction holds its connection) and the line in front of the pool ({@code todochat.db.gate.waiting},
     * {@code todochat.db.gate.refused}).
     */
    public void bindTo(MeterRegistry registry) {
        storage.bindTo(registry);
    }

    /** SQL statements run through {@link #storage()} so far (BEGIN and COMMIT not counted). */
    public long statementsRun() {
        return storage.statements();
    }

    /** Transactions run through {@link #storage()} so far. */
    public long transactionsRun() {
        return storage.transactions();
    }

    /** Connections currently checked out of the pool. */
    public int activeConnections() {
        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        return pool == null ? 0 : pool.getActiveConnections();
    }

    /** Whether the database answers within about two seconds; never throws. */
    public boolean isReachable() {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Thread.ofVirtual().name("todochat-database-check").start(() -> {
            try (Connection connection = dataSource.getConnection()) {
                answer.complete(connection.isValid(REACHABLE_WITHIN_SECONDS));
            } catch (Exception e) {
                answer.complete(false);
            }
        });
        try {
            return answer.get(REACHABLE_WITHIN_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Closes the pool, then stops the embedded server if there is one. */
    @Override
    public void close() {
        dataSource.close();
        stopServer.run();
    }
}
