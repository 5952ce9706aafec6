package dev.todochat.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todochat.domain.Task;
import dev.todochat.llm.offline.OfflineAssistant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tasks REST API over real HTTP on a real PostgreSQL: the same tasks the chat manages, with the tools' rules. */
class TasksOverHttpTest {
    private final RunningServer server = RunningServer.with(new OfflineAssistant());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_created_task_is_answered_with_201_its_location_and_the_task() {
        RunningServer.Reply reply = alice("POST", "/api/alice/tasks",
                "{\"title\": \"  Water the plants \", \"description\": \"the big ones\"}");

        assertThat(reply.status()).isEqualTo(201);
        JsonNode task = reply.json();
        long id = task.get("id").asLong();
        assertThat(reply.header("Location")).isEqualTo("/api/alice/tasks/" + id);
        assertThat(task.get("title").asText()).isEqualTo("Water the plants");
        assertThat(task.get("description").asText()).isEqualTo("the big ones");
        assertThat(task.get("completed").asBoolean()).isFalse();
        assertThat(task.get("created_at").asText()).isEqualTo(task.get("updated_at").asText()).endsWith("Z");
        assertThat(alice("GET", "/api/alice/tasks/" + id, null).json()).isEqualTo(task);
    }

    @Test
    void the_list_is_oldest_first_and_filters_by_status() {
        long first = create("First");
        long second = create("Second");
        alice("PATCH", "/api/alice/tasks/" + second, "{\"completed\": true}");

        assertThat(titles(alice("GET", "/api/alice/tasks", null))).containsExactly("First", "Second");
        assertThat(titles(alice("GET", "/api/alice/tasks?status=all", null))).containsExactly("First", "Second");
        assertThat(titles(alice("GET", "/api/alice/tasks?status=pending", null))).containsExactly("First");
        assertThat(titles(alice("GET", "/api/alice/tasks?status=completed", null))).containsExactly("Second");
        assertThat(first).isLessThan(second);
        assertError(alice("GET", "/api/alice/tasks?status=done", null), 400, "ValidationFailed");
    }

    @Test
    void a_patch_changes_only_the_fields_it_names_and_can_reopen_a_task() {
        long id = create("Draft");

        JsonNode described = alice("PATCH", "/api/alice/tasks/" + id, "{\"description\": \"two pages\"}").json();
        JsonNode done = alice("PATCH", "/api/alice/tasks/" + id, "{\"title\": \"Final\", \"completed\": true}").json();
        JsonNode reopened = alice("PATCH", "/api/alice/tasks/" + id, "{\"completed\": false}").json();
        JsonNode cleared = alice("PATCH", "/api/alice/tasks/" + id, "{\"description\": null}").json();

        assertThat(described.get("title").asText()).isEqualTo("Draft");
        assertThat(described.get("description").asText()).isEqualTo("two pages");
        assertThat(done.get("title").asText()).isEqualTo("Final");
        assertThat(done.get("completed").asBoolean()).isTrue();
        assertThat(reopened.get("completed").asBoolean()).isFalse();
        assertThat(reopened.get("description").asText()).isEqualTo("two pages");
        assertThat(cleared.get("description").isNull()).isTrue();
        assertThat(server.tasksOf("alice")).singleElement()
                .satisfies(task -> assertThat(task.title()).isEqualTo("Final"))
                .satisfies(task -> assertThat(task.description()).isNull());
    }

    @Test
    void a_deleted_task_is_gone() {
        long id = create("Obsolete");

        RunningServer.Reply deleted = alice("DELETE", "/api/alice/tasks/" + id, null);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertError(alice("GET", "/api/alice/tasks/" + id, null), 404, "NotFound");
        assertError(alice("DELETE", "/api/alice/tasks/" + id, null), 404, "NotFound");
        assertThat(server.tasksOf("alice")).isEmpty();
    }

    @Test
    void values_that_break_the_task_rules_are_refused_and_change_nothing() {
        long id = create("Keep me");

        assertError(alice("POST", "/api/alice/tasks", "{\"title\": \"\"}"), 400, "ValidationFailed");
        assertError(alice("POST", "/api/alice/tasks", "{\"description\": \"no title\"}"), 400, "ValidationFailed");
        assertError(alice("POST", "/api/alice/tasks", "{\"title\": \"" + "x".repeat(201) + "\"}"), 400,
                "ValidationFailed");
        assertError(alice("POST", "/api/alice/tasks", "{\"title\": \"a\\u0007b\"}"), 400, "ValidationFailed");
        assertError(alice("POST", "/api/alice/tasks", "{\"title\": \"ok\", \"description\": \"" + "d".repeat(2001)
                + "\"}"), 400, "ValidationFailed");
        assertError(alice("PATCH", "/api/alice/tasks/" + id, "{}"), 400, "ValidationFailed");
        assertError(alice("PATCH", "/api/alice/tasks/" + id, "{\"title\": null}"), 400, "ValidationFailed");
        assertError(alice("PATCH", "/api/alice/tasks/" + id, "{\"title\": \"line\\nbreak\"}"), 400, "ValidationFailed");

        assertThat(server.tasksOf("alice")).extracting(Task::title).containsExactly("Keep me");
    }

    @Test
    void bodies_of_the_wrong_shape_are_bad_requests() {
        long id = create("Keep me");

        assertError(alice("POST", "/api/alice/tasks", "{\"title\": 42}"), 400, "BadRequest");
        assertError(alice("POST", "/api/alice/tasks", "[\"Buy milk\"]"), 400, "BadRequest");
        assertError(alice("POST", "/api/alice/tasks", "{\"title\": \"Buy milk\""), 400, "BadRequest");
        assertError(alice("POST", "/api/alice/tasks", ""), 400, "BadRequest");
        assertError(alice("PATCH", "/api/alice/tasks/" + id, "{\"completed\": \"yes\"}"), 400, "BadRequest");
        assertError(alice("POST", "/api/alice/tasks", "{\"title\": \"" + "a".repeat(70_000) + "\"}"), 413,
                "PayloadTooLarge");

        assertThat(server.tasksOf("alice")).extracting(Task::title).containsExactly("Keep me");
    }

    @Test
    void ids_that_cannot_be_a_task_are_400_and_ids_of_no_task_are_404_never_500() {
        for (String id : new String[] {"abc", "0", "-1", "1.5", "1e3", "%20"}) {
            assertError(alice("GET", "/api/alice/tasks/" + id, null), 400, "ValidationFailed");
        }
        for (String id : new String[] {"9223372036854775807", "9223372036854775808", "99999999999999999999999999"}) {
            assertError(alice("GET", "/api/alice/tasks/" + id, null), 404, "NotFound");
            assertError(alice("PATCH", "/api/alice/tasks/" + id, "{\"completed\": true}"), 404, "NotFound");
            assertError(alice("DELETE", "/api/alice/tasks/" + id, null), 404, "NotFound");
        }
    }

    @Test
    void another_users_task_is_not_found_exactly_like_a_missing_one_and_stays_unchanged() {
        long id = create("Alice's secret");

        RunningServer.Reply foreign = server.as("bob", "GET", "/api/bob/tasks/" + id, null);
        RunningServer.Reply missing = server.as("bob", "GET", "/api/bob/tasks/" + (id + 1000), null);

        assertError(foreign, 404, "NotFound");
        assertThat(foreign.json().get("details").asText())
                .isEqualTo(missing.json().get("details").asText().replace(String.valueOf(id + 1000), String.valueOf(id)));
        assertError(server.as("bob", "PATCH", "/api/bob/tasks/" + id, "{\"title\": \"Hijacked\"}"), 404, "NotFound");
        assertError(server.as("bob", "DELETE", "/api/bob/tasks/" + id, null), 404, "NotFound");
        assertThat(titles(server.as("bob", "GET", "/api/bob/tasks", null))).isEmpty();
        assertThat(server.tasksOf("alice")).extracting(Task::title).containsExactly("Alice's secret");
    }

    @Test
    void without_a_token_it_is_401_and_on_another_users_path_403() {
        long id = create("Private");

        assertError(server.request("GET", "/api/alice/tasks", null, null), 401, "Unauthorized");
        assertError(server.request("POST", "/api/alice/tasks", null, "{\"title\": \"x\"}"), 401, "Unauthorized");
        assertError(server.as("bob", "GET", "/api/alice/tasks", null), 403, "Forbidden");
        assertError(server.as("bob", "GET", "/api/alice/tasks/" + id, null), 403, "Forbidden");
        assertError(server.as("bob", "DELETE", "/api/alice/tasks/" + id, null), 403, "Forbidden");
        assertError(server.as("bob", "POST", "/api/alice/tasks", "{\"title\": \"\"}"), 403, "Forbidden");
        assertThat(server.tasksOf("alice")).hasSize(1);
    }

    @Test
    void the_rest_api_and_the_chat_manage_the_same_tasks() {
        server.chat("alice", "Add a task to water the plants");
        JsonNode listed = alice("GET", "/api/alice/tasks", null).json().get("tasks");
        assertThat(listed).hasSize(1);
        alice("PATCH", "/api/alice/tasks/" + listed.get(0).get("id").asLong(), "{\"completed\": true}");

        RunningServer.Reply reply = server.chat("alice", "What's on my list?");

        assertThat(listed.get(0).get("title").asText()).isEqualTo("water the plants");
        assertThat(reply.tools()).containsExactly("list_tasks");
        assertThat(reply.json().get("tool_calls").get(0).get("result").get("tasks").get(0).get("completed").asBoolean())
                .isTrue();
    }

    @Test
    void each_user_numbers_their_tasks_from_one_in_the_api_and_in_the_chat() {
        create("Buy milk");
        RunningServer.Reply bobsFirst = server.chat("bob", "Add a task to water the plants");
        RunningServer.Reply alicesSecond = server.chat("alice", "Add a task to call mum");

        assertThat(alice("GET", "/api/alice/tasks/1", null).json().get("title").asText()).isEqualTo("Buy milk");
        assertThat(bobsFirst.json().at("/tool_calls/0/result/task_id").asLong()).isEqualTo(1);
        assertThat(bobsFirst.json().get("response").asText()).contains("task 1");
        assertThat(server.as("bob", "GET", "/api/bob/tasks/1", null).json().get("title").asText())
                .isEqualTo("water the plants");
        assertThat(alicesSecond.json().at("/tool_calls/0/result/task_id").asLong()).isEqualTo(2);
    }

    private long create(String title) {
        return alice("POST", "/api/alice/tasks", "{\"title\": \"" + title + "\"}").json().get("id").asLong();
    }

    private RunningServer.Reply alice(String method, String path, String body) {
        return server.as("alice", method, path, body);
    }

    private static List<String> titles(RunningServer.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        reply.json().get("tasks").forEach(task -> titles.add(task.get("title").asText()));
        return titles;
    }

    static void assertError(RunningServer.Reply reply, int status, String kind) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode body = reply.json();
        assertThat(body.get("error").asText()).isEqualTo(kind);
        assertThat(body.get("details").asText()).isNotBlank();
        assertThat(body.size()).isEqualTo(2);
    }
}
