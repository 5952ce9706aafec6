package dev.todochat.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's PgBouncer with {@code deploy/pgbouncer/pgbouncer.ini.template}, filled for a PostgreSQL on this machine,
 * a free port and a folder of its own; one login, {@code user} with {@code password}, in its auth file. Runs as the
 * {@code postgres} user when the test is root (PgBouncer refuses root). Closing stops it by the pid in its pid file.
 */
final class PgBouncer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final Path dir;
    private final int port;

    private PgBouncer(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    static PgBouncer start(String postgresHost, int postgresPort, String user, String password) {
        Path dir = LocalPrograms.folderForPostgres("todochat-pgbouncer");
        int port = LocalPrograms.freePort();
        try {
            Path authFile = dir.resolve("userlist.txt");
            Files.writeString(authFile, "\"" + user + "\" \"" + password + "\"\n");
            Path ini = dir.resolve("pgbouncer.ini");
            Files.writeString(ini, DeployFiles.filled("pgbouncer/pgbouncer.ini.template", Map.of(
                    "POSTGRES_HOST", postgresHost,
                    "POSTGRES_PORT", Integer.toString(postgresPort),
                    "PGBOUNCER_LISTEN_ADDR", "127.0.0.1",
                    "PGBOUNCER_PORT", Integer.toString(port),
                    "PGBOUNCER_RUN_DIR", dir.toString(),
                    "PGBOUNCER_AUTH_FILE", authFile.toString())));
            LocalPrograms.giveToPostgres(authFile, ini);
            Process process = new ProcessBuilder(LocalPrograms.asPostgres(
                    List.of(LocalPrograms.program("pgbouncer", "pgbouncer"), ini.toString())))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("pgbouncer.out").toFile())
                    .start();
            PgBouncer bouncer = new PgBouncer(process, dir, port);
            bouncer.awaitListening();
            return bouncer;
        } catch (IOException e) {
            LocalPrograms.delete(dir);
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        LocalPrograms.stop(process, dir.resolve("pgbouncer.pid"));
        LocalPrograms.delete(dir);
    }

    private void awaitListening() {
        if (!LocalPrograms.awaitListening(process, port, START_TIMEOUT)) {
            String output = LocalPrograms.output(dir.resolve("pgbouncer.out"));
            close();
            throw new IllegalStateException("PgBouncer did not start listening:\n" + output);
        }
    }
}
