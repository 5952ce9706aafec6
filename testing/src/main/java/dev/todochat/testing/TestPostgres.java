package dev.todochat.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh, empty database on a real PostgreSQL server for each test that asks, so tests never see each other's
 * rows and need no clean-up.
 *
 * <p>The server is found once per JVM: the one named by {@code TODOCHAT_TEST_DATABASE_URL}
 * ({@code postgres://user:password@host:port/postgres} or {@code jdbc:postgresql:...}, naming a database to connect
 * to for {@code CREATE DATABASE}); otherwise an embedded PostgreSQL started for this JVM; otherwise, when that cannot
 * start and Docker is reachable, a Testcontainers one. The databases created are dropped when the JVM exits.
 *
 * <pre>{@code
 * String url = TestPostgres.freshDatabaseUrl(); // jdbc:postgresql://localhost:40123/todochat_test_1f0c...?user=postgres
 * }</pre>
 */
public final class TestPostgres {
    private TestPostgres() {
    }

    /** Creates a new, empty database and returns its JDBC URL, credentials included as parameters. */
    public static String freshDatabaseUrl() {
        DatabaseServer server = SharedServer.get();
        byte[] random = new byte[8];
        ThreadLocalRandom.current().nextBytes(random);
        String database = "todochat_test_" + HexFormat.of().formatHex(random);
        try (Connection connection = DriverManager.getConnection(server.address().maintenanceUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database on " + server.description(), e);
        }
        SharedServer.created(database);
        return server.address().jdbcUrl(database);
    }
}
