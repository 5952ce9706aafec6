package dev.todochat.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A PostgreSQL already running on the embedded data folder, found from the {@code postmaster.pid} it keeps there
 * (process id on the first line, port on the fourth). One folder serves one server process, so a second todochat
 * process (an {@code mcp-stdio} beside a {@code serve}) cannot start its own; it can connect to the running one.
 *
 * @param pid  the PostgreSQL server's process id
 * @param port the port it listens on, when the file says
 */
record EmbeddedPostgresInUse(long pid, OptionalInt port) {
    private static final int PORT_LINE = 3;

    /** The server running on {@code dataDirectory}, if any; a file left behind by a server that died is ignored. */
    static Optional<EmbeddedPostgresInUse> find(Path dataDirectory) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
        } catch (IOException absentOrUnreadable) {
            return Optional.empty();
        }
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d{1,18}")) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.getFirst().strip());
        boolean postgresRuns = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(process -> process.info().command().map(command -> command.contains("postgres")).orElse(true))
                .orElse(false);
        if (!postgresRuns) {
            return Optional.empty();
        }
        String port = lines.size() > PORT_LINE ? lines.get(PORT_LINE).strip() : "";
        return Optional.of(new EmbeddedPostgresInUse(pid,
                port.matches("\\d{1,5}") ? OptionalInt.of(Integer.parseInt(port)) : OptionalInt.empty()));
    }

    /** Why this process cannot start the embedded PostgreSQL, and the two ways on. */
    String explanation(Path dataDirectory) {
        String share = port.isPresent()
                ? "set DATABASE_URL=postgres://postgres@localhost:" + port.getAsInt() + "/postgres to use that"
                        + " running server (while it runs)"
                : "set DATABASE_URL to a PostgreSQL that both can use";
        return "the embedded PostgreSQL in " + dataDirectory + " is already running in another process (pid " + pid
                + "), most likely a todochat serve; one data folder serves one process. Stop that process, or " + share
                + ", or set TODOCHAT_DATA_DIR to another folder (a separate, empty database).";
    }
}
