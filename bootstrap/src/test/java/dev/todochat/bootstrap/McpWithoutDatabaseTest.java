package dev.todochat.bootstrap;

import dev.todochat.domain.UserId;
import dev.todochat.http.Tokens;
import dev.todochat.llm.offline.OfflineAssistant;
import dev.todochat.persistence.PostgresDatabase;
import io.modelcontextprotocol.client.McpSyncClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static dev.todochat.bootstrap.McpClients.call;
import static dev.todochat.bootstrap.McpClients.error;
import static org.assertj.core.api.Assertions.assertThat;

/** Without its database, {@code /mcp} still initializes and lists its tools, and a call says what went wrong. */
class McpWithoutDatabaseTest {
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();
    private final Tokens tokens = new Tokens(RunningServer.SECRET, Clock.systemUTC());
    private final Server server = Server.start(PostgresDatabase.connect("postgres://postgres@127.0.0.1:1/none", 1),
            new OfflineAssistant(), tokens, Server.Options.defaults());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_tool_call_is_an_error_result_asking_to_retry_not_a_protocol_error() {
        try (McpSyncClient client = McpClients.overHttp("http://localhost:" + server.port(),
                tokens.issue(new UserId("alice"), Duration.ofMinutes(5)))) {
            client.initialize();

            assertThat(client.listTools().tools()).hasSize(5);
            String error = error(call(client, "add_task", Map.of("title", "buy milk")));

            assertThat(error).startsWith("The todo list cannot be reached right now; try again shortly (request id ");
            String requestId = error.replaceAll(".*request id ([0-9a-f-]{36}).*", "$1");
            assertThat(logs.problems()).singleElement().satisfies(logged -> {
                assertThat(logged.getFormattedMessage()).isEqualTo("MCP tool call " + requestId + " (add_task) failed");
                assertThat(logged.getThrowableProxy()).as("the cause is logged, for the operator").isNotNull();
            });
        }
    }
}
