package dev.todochat.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one holder of mutable static state in todochat, allowed because it is test support: the PostgreSQL server
 * this JVM's tests share (found on first use) and the databases they created on it. When the JVM exits, those
 * databases are dropped (best effort, so a long-lived local server does not fill up) and the server, if it is ours,
 * is stopped.
 */
final class SharedServer {
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();
    private static final int PARALLEL_DROPS = 4;
    private static DatabaseServer server;

    private SharedServer() {
    }

    static synchronized DatabaseServer get() {
        if (server == null) {
            server = TestServers.start();
            System.err.println("[todochat tests] using " + server.description());
            Runtime.getRuntime().addShutdownHook(new Thread(SharedServer::cleanUp, "todochat-test-postgres-cleanup"));
        }
        return server;
    }

    private static void drop(String database) {
        try (Connection connection = DriverManager.getConnection(server.address().maintenanceUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("[todochat tests] could not drop the test database " + database + ": " + e.getMessage());
        }
    }

    static void created(String database) {
        CREATED.add(database);
    }

    private static synchronized void cleanUp() {
        // a few at a time: each DROP DATABASE waits for a checkpoint, and concurrent drops share one, so a run's
        // databases go in seconds rather than one checkpoint each (which outlasts surefire's wait on a busy machine)
        ExecutorService drops = Executors.newFixedThreadPool(PARALLEL_DROPS);
        try {
            drops.invokeAll(CREATED.stream().map(database -> (Callable<Void>) () -> {
                drop(database);
                return null;
            }).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            drops.shutdownNow();
        }
        try {
            server.shutdown().close();
        } catch (Exception e) {
            System.err.println("[todochat tests] could not stop " + server.description() + ": " + e);
        }
    }
}
