package dev.todochat.bootstrap;

import dev.todochat.persistence.PostgresDatabase;
import dev.todochat.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One embedded data folder serves one PostgreSQL process: a second todochat process (an {@code mcp-stdio} beside a
 * {@code serve}) finds the running server and says how to share it, instead of failing to start a second one.
 */
class EmbeddedPostgresInUseTest {
    @TempDir
    Path dataDir;

    @Test
    void a_running_postgres_on_the_folder_is_found_with_its_port() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.connect(TestPostgres.freshDatabaseUrl(), 1);
             Connection connection = database.dataSource().getConnection()) {
            writePidFile(backendPid(connection), 54321);

            assertThat(EmbeddedPostgresInUse.find(postgresDir()))
                    .hasValueSatisfying(running -> assertThat(running.port()).isEqualTo(OptionalInt.of(54321)));
        }
    }

    @Test
    void a_pid_file_left_behind_by_a_server_that_died_is_ignored() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        writePidFile(finished.pid(), 54321);

        assertThat(EmbeddedPostgresInUse.find(postgresDir())).isEmpty();
        assertThat(EmbeddedPostgresInUse.find(dataDir.resolve("nowhere"))).isEmpty();
    }

    @Test
    void mcp_stdio_beside_a_running_serve_explains_how_to_share_its_database() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PostgresDatabase database = PostgresDatabase.connect(TestPostgres.freshDatabaseUrl(), 1);
             Connection connection = database.dataSource().getConnection()) {
            writePidFile(backendPid(connection), 54321);

            Cli cli = new Cli(Map.of("TODOCHAT_DATA_DIR", dataDir.toString()), dataDir, InputStream.nullInputStream(),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            status = cli.run("mcp-stdio", "--user", "alice");
        }

        assertThat(status).isEqualTo(Cli.FAILED);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "the embedded PostgreSQL in " + postgresDir() + " is already running in another process",
                "DATABASE_URL=postgres://postgres@localhost:54321/postgres");
    }

    private Path postgresDir() {
        return dataDir.resolve("postgres");
    }

    /** A {@code postmaster.pid} as PostgreSQL writes it: pid, data folder, start time, port, socket folder, address. */
    private void writePidFile(long pid, int port) throws Exception {
        Files.createDirectories(postgresDir());
        Files.writeString(postgresDir().resolve("postmaster.pid"),
                pid + "\n" + postgresDir() + "\n1700000000\n" + port + "\n/tmp\nlocalhost\n");
    }

    /** A live PostgreSQL process: the server process behind this connection. */
    private static long backendPid(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return row.getLong(1);
        }
    }
}
