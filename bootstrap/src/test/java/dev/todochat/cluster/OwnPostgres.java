package dev.todochat.cluster;

import java.nio.file.Path;
import java.util.List;

/**
 * A PostgreSQL server of the test's own, from the machine's PostgreSQL binaries ({@code initdb}, {@code pg_ctl}),
 * with its data in a temporary folder and a free port on loopback, so that the test may stop and restart it. Runs as
 * the {@code postgres} user when the test is root. Closing stops it at once and removes its folder.
 */
final class OwnPostgres implements AutoCloseable {
    private final Path dir;
    private final int port;

    private OwnPostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static OwnPostgres start() {
        Path dir = LocalPrograms.folderForPostgres("todochat-postgres");
        OwnPostgres postgres = new OwnPostgres(dir, LocalPrograms.freePort());
        try {
            postgres.pgCtl(List.of(LocalPrograms.postgresProgram("initdb"), "-D", postgres.data().toString(),
                    "-U", "postgres", "-A", "trust", "--no-sync"), "initdb");
            postgres.startAgain();
            return postgres;
        } catch (RuntimeException e) {
            LocalPrograms.delete(dir);
            throw e;
        }
    }

    /** {@code postgres://postgres@127.0.0.1:PORT/postgres}, with {@code parameters} appended when not empty. */
    String url(String parameters) {
        return "postgres://postgres@127.0.0.1:" + port + "/postgres" + (parameters.isEmpty() ? "" : "?" + parameters);
    }

    /** A fast restart: sessions are ended, transactions in flight rolled back, then the server starts again. */
    void restart() {
        pgCtl(List.of(LocalPrograms.postgresProgram("pg_ctl"), "-D", data().toString(), "-m", "fast", "-w",
                "restart"), "restart");
    }

    void stop() {
        pgCtl(List.of(LocalPrograms.postgresProgram("pg_ctl"), "-D", data().toString(), "-m", "fast", "-w", "stop"),
                "stop");
    }

    /** Starts it (again, after {@link #stop()}) on its port, its socket in its folder. */
    void startAgain() {
        pgCtl(List.of(LocalPrograms.postgresProgram("pg_ctl"), "-D", data().toString(), "-l",
                dir.resolve("postgres.log").toString(), "-w", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), "start");
    }

    @Override
    public void close() {
        try {
            pgCtl(List.of(LocalPrograms.postgresProgram("pg_ctl"), "-D", data().toString(), "-m", "immediate",
                    "stop"), "close");
        } catch (IllegalStateException alreadyStopped) {
            // pg_ctl says so when the test stopped it already; the folder goes either way
        } finally {
            LocalPrograms.delete(dir);
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private void pgCtl(List<String> command, String step) {
        LocalPrograms.run(LocalPrograms.asPostgres(command), dir.resolve(step + ".out"));
    }
}
