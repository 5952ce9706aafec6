package dev.todochat.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.core.spi.FilterReply;
import dev.todochat.llm.offline.OfflineAssistant;
import dev.todochat.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A second server on a port that is taken says so in one line that names the setting, and exits with 1. */
class TakenPortTest {
    @TempDir
    Path dataDir;

    @Test
    void a_second_server_on_a_taken_port_names_port_in_one_line_without_a_stack_trace() {
        try (RunningServer first = RunningServer.with(new OfflineAssistant()); CapturedLogs logs = new CapturedLogs()) {
            int port = URI.create(first.baseUrl()).getPort();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Map<String, String> env = Map.of("TODOCHAT_DATA_DIR", dataDir.toString(), "PORT",
                    Integer.toString(port), "DATABASE_URL", TestPostgres.freshDatabaseUrl(),
                    "JWT_SECRET", "x".repeat(32));

            int status = new Cli(env, dataDir, InputStream.nullInputStream(),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).run("serve");

            assertThat(status).isEqualTo(Cli.FAILED);
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("todochat: port " + port
                    + " is already in use: stop the program that holds it, or set PORT to another port (PORT="
                    + port + " now; PORT=0 picks a free one)\n");
            assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("listening on");
            assertThat(first.get("/health").status()).isEqualTo(200);
            RethrownStartFailure console = new RethrownStartFailure();
            assertThat(logs.events()).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                    .allMatch(event -> console.decide(event) == FilterReply.DENY);
        }
    }
}
