package dev.todochat.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todochat.domain.Task;
import dev.todochat.domain.tool.TaskTools;
import dev.todochat.domain.tool.ToolSpec;
import dev.todochat.llm.offline.OfflineAssistant;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.todochat.bootstrap.McpClients.call;
import static dev.todochat.bootstrap.McpClients.error;
import static dev.todochat.bootstrap.McpClients.json;
import static dev.todochat.bootstrap.McpClients.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The task tools over {@code /mcp}, through the MCP SDK's own client, on the real server and a real PostgreSQL. */
class McpOverHttpTest {
    private final RunningServer server = RunningServer.with(new OfflineAssistant());
    private final List<McpSyncClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(McpSyncClient::close);
        server.close();
    }

    @Test
    void initialize_names_the_server_and_offers_tools() {
        McpSyncClient client = McpClients.overHttp(server.baseUrl(), server.tokenFor("alice"));
        clients.add(client);

        InitializeResult init = client.initialize();

        assertThat(init.serverInfo().name()).isEqualTo("todochat");
        assertThat(init.capabilities().tools()).isNotNull();
        assertThat(init.instructions()).contains("list_tasks");
        assertThat(init.protocolVersion()).isIn("2025-03-26", "2025-06-18", "2025-11-25");
    }

    @Test
    void tools_list_shows_the_five_tools_with_the_domains_schemas_and_annotations() {
        List<McpSchema.Tool> tools = client("alice").listTools().tools();

        List<ToolSpec> specs = new TaskTools().specs();
        assertThat(tools).extracting(McpSchema.Tool::name)
                .containsExactly("add_task", "list_tasks", "complete_task", "delete_task", "update_task");
        for (int i = 0; i < specs.size(); i++) {
            ToolSpec spec = specs.get(i);
            McpSchema.Tool tool = tools.get(i);
            assertThat(tool.title()).isEqualTo(spec.title());
            assertThat(tool.description()).isEqualTo(spec.description());
            assertThat(json(tool.inputSchema())).isEqualTo(json(spec.inputSchema()));
            assertThat(json(tool.outputSchema())).isEqualTo(json(spec.output()));
        }
        assertThat(tools).extracting(McpSchema.Tool::name, tool -> tool.annotations().readOnlyHint(),
                        tool -> tool.annotations().destructiveHint(), tool -> tool.annotations().idempotentHint(),
                        tool -> tool.annotations().openWorldHint())
                .containsExactly(
                        tuple("add_task", false, false, false, false),
                        tuple("list_tasks", true, false, true, false),
                        tuple("complete_task", false, false, true, false),
                        tuple("delete_task", false, true, false, false),
                        tuple("update_task", false, false, true, false));
    }

    @Test
    void each_tool_call_succeeds_with_structured_content_and_the_same_json_as_text() {
        McpSyncClient alice = client("alice");

        JsonNode added = ok(call(alice, "add_task", Map.of("title", "buy milk", "description", "two litres")));
        long id = added.get("task_id").asLong();
        JsonNode pending = ok(call(alice, "list_tasks", Map.of("status", "pending")));
        JsonNode updated = ok(call(alice, "update_task", Map.of("task_id", id, "title", "buy oat milk")));
        JsonNode completed = ok(call(alice, "complete_task", Map.of("task_id", id)));
        JsonNode listedDone = ok(call(alice, "list_tasks", Map.of("status", "completed")));
        JsonNode deleted = ok(call(alice, "delete_task", Map.of("task_id", id)));

        assertThat(added.get("status").asText()).isEqualTo("created");
        assertThat(added.get("description").asText()).isEqualTo("two litres");
        assertThat(pending.get("count").asInt()).isEqualTo(1);
        assertThat(pending.get("tasks").get(0).get("title").asText()).isEqualTo("buy milk");
        assertThat(updated.get("title").asText()).isEqualTo("buy oat milk");
        assertThat(completed.get("completed").asBoolean()).isTrue();
        assertThat(listedDone.get("tasks").get(0).get("task_id").asLong()).isEqualTo(id);
        assertThat(deleted.get("status").asText()).isEqualTo("deleted");
        assertThat(server.tasksOf("alice")).isEmpty();
    }

    @Test
    void bad_calls_give_error_results_with_a_message_the_agent_can_act_on() {
        McpSyncClient alice = client("alice");

        assertThat(error(call(alice, "add_task", Map.of()))).isEqualTo(
                "title is missing: add_task takes {\"title\": \"...\", \"description\": optional}");
        assertThat(error(call(alice, "add_task", Map.of("title", " ")))).isEqualTo("title must not be empty");
        assertThat(error(call(alice, "complete_task", Map.of("task_id", "abc"))))
                .isEqualTo("task_id must be a whole number, such as 3");
        assertThat(error(call(alice, "delete_task", Map.of("task_id", 999))))
                .isEqualTo("There is no task with id 999. Call list_tasks to see the user's tasks and their ids.");
        assertThat(error(call(alice, "update_task", Map.of("task_id", 999, "title", "x"))))
                .startsWith("There is no task with id 999.");
        assertThat(error(call(alice, "list_tasks", Map.of("status", "someday")))).contains("status");
        assertThat(server.totalRows()).isZero();
    }

    @Test
    void another_users_task_is_not_found_exactly_like_a_missing_one() {
        McpSyncClient alice = client("alice");
        McpSyncClient bob = client("bob");
        long id = ok(call(alice, "add_task", Map.of("title", "alice's secret"))).get("task_id").asLong();

        String foreign = error(call(bob, "complete_task", Map.of("task_id", id)));
        ok(call(alice, "delete_task", Map.of("task_id", id)));
        String missing = error(call(bob, "complete_task", Map.of("task_id", id)));

        assertThat(foreign).isEqualTo(missing).contains("There is no task with id " + id);
    }

    @Test
    void a_new_users_first_task_is_task_1() {
        McpSyncClient carol = client("carol");

        assertThat(ok(call(carol, "add_task", Map.of("title", "water the plants"))).get("task_id").asLong())
                .isEqualTo(1);
        assertThat(ok(call(carol, "add_task", Map.of("title", "call the dentist"))).get("task_id").asLong())
                .isEqualTo(2);
    }

    @Test
    void each_token_sees_and_changes_only_its_own_users_tasks() {
        McpSyncClient alice = client("alice");
        McpSyncClient bob = client("bob");
        ok(call(alice, "add_task", Map.of("title", "call the dentist")));
        ok(call(bob, "add_task", Map.of("title", "water the plants")));

        JsonNode alicesList = ok(call(alice, "list_tasks", Map.of()));
        JsonNode bobsList = ok(call(bob, "list_tasks", Map.of()));

        assertThat(titles(alicesList)).containsExactly("call the dentist");
        assertThat(titles(bobsList)).containsExactly("water the plants");
        assertThat(server.tasksOf("alice")).extracting(Task::title).containsExactly("call the dentist");
    }

    @Test
    void a_task_added_over_mcp_shows_in_the_chat_and_one_added_by_chat_shows_over_mcp() {
        McpSyncClient alice = client("alice");

        ok(call(alice, "add_task", Map.of("title", "renew the passport")));
        RunningServer.Reply listedByChat = server.chat("alice", "What's on my list?");
        server.chat("alice", "Add a task to buy milk");
        JsonNode listedOverMcp = ok(call(alice, "list_tasks", Map.of()));

        assertThat(listedByChat.tools()).containsExactly("list_tasks");
        assertThat(listedByChat.json().get("tool_calls").get(0).get("result").get("tasks").get(0).get("title").asText())
                .isEqualTo("renew the passport");
        assertThat(listedByChat.json().get("response").asText()).contains("renew the passport");
        assertThat(titles(listedOverMcp)).containsExactly("renew the passport", "buy milk");
    }

    private McpSyncClient client(String user) {
        McpSyncClient client = McpClients.overHttp(server.baseUrl(), server.tokenFor(user));
        clients.add(client);
        client.initialize();
        return client;
    }

    private static List<String> titles(JsonNode listed) {
        List<String> titles = new ArrayList<>();
        listed.get("tasks").forEach(task -> titles.add(task.get("title").asText()));
        return titles;
    }
}
