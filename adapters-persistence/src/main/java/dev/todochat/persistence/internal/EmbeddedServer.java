package dev.todochat.persistence.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL server process (zonky's binaries) whose data lives in a folder of its own and survives restarts:
 * {@code initdb} runs only while that folder holds no cluster. Its output goes to slf4j.
 */
public final class EmbeddedServer implements AutoCloseable {
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts the server on {@code home/postgres}, on the port it used last time when that port is free. */
    public static EmbeddedServer start(Path home) {
        Path dataDirectory = home.toAbsolutePath().resolve("postgres");
        try {
            Files.createDirectories(home);
            Path portFile = home.resolve("postgres.port");
            int port = RememberedPort.choose(portFile);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setLocaleConfig("locale", "C")
                    .setPGStartupWait(STARTUP_WAIT)
                    .start();
            RememberedPort.remember(portFile, port);
            return new EmbeddedServer(postgres, dataDirectory);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The embedded PostgreSQL with its data in " + dataDirectory
                    + " did not start (is another todochat using that folder?): " + e.getMessage(), e);
        }
    }

    /** The JDBC URL of its {@code postgres} database, as the {@code postgres} superuser (trust authentication). */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String describe() {
        return "embedded PostgreSQL " + majorVersion() + " (data in " + dataDirectory + ", port " + postgres.getPort() + ")";
    }

    /** Stops the server; the data stays. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
        }
    }

    private String majorVersion() {
        try {
            return Files.readString(dataDirectory.resolve("PG_VERSION")).strip();
        } catch (IOException e) {
            return "(unknown version)";
        }
    }
}
