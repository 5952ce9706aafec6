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
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * todochat's PostgreSQL: a connection pool, the schema migrations and the {@link Storage} port on top. Either a
 * server named by a URL ({@link #connect}) or an embedded server with its data in a local folder ({@link #embedded}).
 *
 * <pre>{@code
 * try (PostgresDatabase database = PostgresDatabase.connect(System.getenv("DATABASE_URL"), DEFAULT_POOL_SIZE)) {
 *     database.migrate();
 *     TodoChat chat = TodoChat.builder().storage(database.storage()).model(model).build();
 * }
 * }</pre>
 */
public final class PostgresDatabase implements AutoCloseable {
    /**
     * The connections a server keeps at most unless told otherwise, and the embedded database's pool: enough for the
     * short transactions of a turn, since no connection is held while the model thinks.
     */
    public static final int DEFAULT_POOL_SIZE = 10;
    /** How long a piece of work waits for a free connection unless told otherwise, before it is refused as busy. */
    public static final Duration DEFAULT_POOL_WAIT = ConnectionPool.DEFAULT_WAIT;
    private static final int REACHABLE_WITHIN_SECONDS = 2;
    private static final String UNKNOWN = "unknown";

    private final HikariDataSource dataSource;
    private final String description;
    private final Runnable stopServer;
    private final JdbiStorage storage;
    /** A constant of the build, read from the migrations the first time the database answers. */
    private final AtomicReference<String> expectedVersion = new AtomicReference<>(UNKNOWN);

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
        return connect(databaseUrl, maxPoolSize, DEFAULT_POOL_WAIT);
    }

    /**
     * As {@link #connect(String, int)}, with {@code poolWait} the longest a piece of work waits for a free
     * connection before it fails with {@link dev.todochat.domain.port.StorageBusy} (at least 250 ms).
     */
    public static PostgresDatabase connect(String databaseUrl, int maxPoolSize, Duration poolWait) {
        DatabaseUrl url = DatabaseUrl.parse(databaseUrl);
        HikariDataSource pool = ConnectionPool.open(url.jdbcUrl(), url.user().orElse(null), url.password().orElse(null),
                maxPoolSize, poolWait);
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
            HikariDataSource pool = ConnectionPool.open(server.jdbcUrl(), null, null, DEFAULT_POOL_SIZE,
                    DEFAULT_POOL_WAIT);
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
        return withinDeadline(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return connection.isValid(REACHABLE_WITHIN_SECONDS);
            }
        }, false);
    }

    /**
     * Whether the database answers (within about two seconds) and carries every migration of this build; never
     * throws. One small query when it answers.
     */
    public SchemaState schemaState() {
        SchemaState unreachable = new SchemaState(false, Optional.empty(), expectedVersion.get());
        return withinDeadline(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (expectedVersion.get().equals(UNKNOWN)) {
                    expectedVersion.compareAndSet(UNKNOWN, Migrations.expectedVersion(dataSource));
                }
                return new SchemaState(true, Migrations.appliedVersion(connection), expectedVersion.get());
            }
        }, unreachable);
    }

    /** Runs {@code check} on its own thread and gives up after the reachability bound, answering {@code otherwise}. */
    private static <T> T withinDeadline(Callable<T> check, T otherwise) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Thread.ofVirtual().name("todochat-database-check").start(() -> {
            try {
                answer.complete(check.call());
            } catch (Exception e) {
                answer.complete(otherwise);
            }
        });
        try {
            return answer.get(REACHABLE_WITHIN_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return otherwise;
        } catch (ExecutionException | TimeoutException e) {
            return otherwise;
        }
    }

    /**
     * A new, empty database on the server {@code serverUrl} names, dropped again by {@link #close()}: for runs that
     * must never touch anyone's data, such as {@code eval}. The URL's own database is only connected to, to create
     * and drop the new one.
     *
     * @throws IllegalArgumentException when the URL cannot be used
     * @throws IllegalStateException    when the database cannot be created
     */
    public static PostgresDatabase throwaway(String serverUrl, int maxPoolSize) {
        DatabaseUrl server = DatabaseUrl.parse(serverUrl);
        String name = "todochat_throwaway_" + UUID.randomUUID().toString().replace("-", "");
        runOn(server, "CREATE DATABASE " + name);
        DatabaseUrl fresh = server.withDatabase(name);
        HikariDataSource pool = ConnectionPool.open(fresh.jdbcUrl(), fresh.user().orElse(null),
                fresh.password().orElse(null), maxPoolSize, DEFAULT_POOL_WAIT);
        return new PostgresDatabase(pool, fresh.describe() + " (throwaway)",
                () -> runOn(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    private static void runOn(DatabaseUrl server, String sql) {
        Properties credentials = new Properties();
        server.user().ifPresent(user -> credentials.setProperty("user", user));
        server.password().ifPresent(password -> credentials.setProperty("password", password));
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), credentials);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run '" + sql + "' on " + server.describe() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Closes the pool, then stops the embedded server if there is one. */
    @Override
    public void close() {
        dataSource.close();
        stopServer.run();
    }
}
