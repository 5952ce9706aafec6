package dev.todochat.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todochat.domain.Task;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.UserId;
import dev.todochat.persistence.PostgresDatabase;
import dev.todochat.testing.TestPostgres;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static dev.todochat.bootstrap.McpClients.call;
import static dev.todochat.bootstrap.McpClients.error;
import static dev.todochat.bootstrap.McpClients.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code mcp-stdio --user alice} as a local client launches it: a separate JVM running {@link Main} on this test
 * classpath, the database named by {@code DATABASE_URL}, the protocol on its standard input and output.
 */
class McpOverStdioTest {
    private final String databaseUrl = TestPostgres.freshDatabaseUrl();

    @TempDir
    Path dataDir;

    @Test
    void the_sdk_client_lists_and_calls_every_tool_for_the_user_named_on_the_command_line() {
        List<String> stderr = new CopyOnWriteArrayList<>();
        StdioClientTransport transport = new StdioClientTransport(ServerParameters.builder(java())
                .args(command("alice")).env(environment()).build(), McpJsonDefaults.getMapper());
        transport.setStdErrorHandler(stderr::add);

        try (McpSyncClient client = McpClients.over(transport)) {
            McpSchema.InitializeResult init = client.initialize();
            List<McpSchema.Tool> tools = client.listTools().tools();
            long id = ok(call(client, "add_task", Map.of("title", "buy milk"))).get("task_id").asLong();
            JsonNode listed = ok(call(client, "list_tasks", Map.of()));
            JsonNode updated = ok(call(client, "update_task", Map.of("task_id", id, "description", "oat")));
            JsonNode completed = ok(call(client, "complete_task", Map.of("task_id", id)));
            String missingTitle = error(call(client, "add_task", Map.of("title", " ")));
            String badId = error(call(client, "delete_task", Map.of("task_id", "abc")));
            List<Task> before = tasksOf("alice");
            JsonNode deleted = ok(call(client, "delete_task", Map.of("task_id", id)));

            assertThat(init.serverInfo().name()).isEqualTo("todochat");
            assertThat(tools).extracting(McpSchema.Tool::name)
                    .containsExactly("add_task", "list_tasks", "complete_task", "delete_task", "update_task");
            assertThat(tools.get(1).annotations().readOnlyHint()).isTrue();
            assertThat(tools.get(3).annotations().destructiveHint()).isTrue();
            assertThat(tools.get(2).annotations().idempotentHint()).isTrue();
            assertThat(tools).allSatisfy(tool -> assertThat(tool.outputSchema()).containsKey("properties"));
            assertThat(listed.get("count").asInt()).isEqualTo(1);
            assertThat(updated.get("description").asText()).isEqualTo("oat");
            assertThat(completed.get("completed").asBoolean()).isTrue();
            assertThat(missingTitle).isEqualTo("title must not be empty");
            assertThat(badId).isEqualTo("task_id must be a whole number, such as 3");
            assertThat(before).extracting(Task::title, Task::completed).containsExactly(
                    tuple("buy milk", true));
            assertThat(deleted.get("status").asText()).isEqualTo("deleted");
            assertThat(tasksOf("alice")).isEmpty();
        }
        assertThat(String.join("\n", stderr)).contains("serving the task tools of alice");
    }

    @Test
    void standard_output_carries_only_protocol_lines_and_the_process_ends_when_the_input_closes() throws Exception {
        List<String> commandLine = new ArrayList<>(List.of(java()));
        commandLine.addAll(command("bob"));
        ProcessBuilder builder = new ProcessBuilder(commandLine).redirectError(dataDir.resolve("stderr.txt").toFile());
        builder.environment().putAll(environment());
        Process process = builder.start();

        try (OutputStream in = process.getOutputStream()) {
            in.write(("""
                    {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
                    "capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}
                    {"jsonrpc":"2.0","method":"notifications/initialized"}
                    {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"add_task",\
                    "arguments":{"title":"water the plants"}}}
                    """).getBytes(StandardCharsets.UTF_8));
        }
        boolean ended = process.waitFor(30, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(ended).as("the process ends once its input is closed").isTrue();
        assertThat(process.exitValue()).isZero();
        List<JsonNode> answers = stdout.lines().map(McpClients::parse).toList();
        assertThat(answers).allSatisfy(answer -> assertThat(answer.get("jsonrpc").asText()).isEqualTo("2.0"));
        assertThat(answers).extracting(answer -> answer.get("id").asInt()).containsExactlyInAnyOrder(1, 2);
        assertThat(tasksOf("bob")).extracting(Task::title).containsExactly("water the plants");
    }

    private Map<String, String> environment() {
        return Map.of("DATABASE_URL", databaseUrl, "TODOCHAT_DATA_DIR", dataDir.toString());
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
    }

    private static List<String> command(String user) {
        return List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "mcp-stdio", "--user", user);
    }

    private List<Task> tasksOf(String user) {
        try (PostgresDatabase database = PostgresDatabase.connect(databaseUrl, 1)) {
            return database.storage().inTransaction(unit -> unit.tasks().list(new UserId(user), TaskFilter.ALL));
        }
    }
}
