package dev.todochat.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.Task;
import dev.todochat.domain.UserId;
import dev.todochat.llm.offline.OfflineAssistant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The walk-through, over real HTTP, with the offline assistant on a real PostgreSQL. */
class ChatOverHttpTest {
    private final RunningServer server = RunningServer.with(new OfflineAssistant());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void adding_a_task_creates_the_row_and_reports_the_add_task_call() {
        RunningServer.Reply reply = server.chat("alice", "Add a task to buy milk");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode body = reply.json();
        assertThat(UUID.fromString(body.get("conversation_id").asText())).isNotNull();
        assertThat(body.get("response").asText()).contains("buy milk");
        JsonNode call = body.get("tool_calls").get(0);
        assertThat(call.get("tool").asText()).isEqualTo("add_task");
        assertThat(call.get("input").get("title").asText()).isEqualTo("buy milk");
        assertThat(call.get("result").get("title").asText()).isEqualTo("buy milk");
        assertThat(call.get("result").get("status").asText()).isEqualTo("created");
        assertThat(body.get("usage").get("total_tokens").isIntegralNumber()).isTrue();
        assertThat(server.tasksOf("alice")).extracting(Task::title, Task::completed)
                .containsExactly(tuple("buy milk", false));
    }

    @Test
    void asking_what_is_on_the_list_names_the_task() {
        String conversation = server.chat("alice", "Add a task to buy milk").json().get("conversation_id").asText();

        RunningServer.Reply reply = server.chat("alice", "What's on my list?", conversation);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("conversation_id").asText()).isEqualTo(conversation);
        assertThat(reply.json().get("response").asText()).contains("buy milk");
        assertThat(reply.tools()).containsExactly("list_tasks");
    }

    @Test
    void marking_a_task_done_lists_then_completes_it() {
        String conversation = server.chat("alice", "Add a task to buy milk").json().get("conversation_id").asText();

        RunningServer.Reply reply = server.chat("alice", "Mark buy milk as done", conversation);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.tools()).containsExactly("list_tasks", "complete_task");
        JsonNode completion = reply.json().get("tool_calls").get(1).get("result");
        assertThat(completion.get("completed").asBoolean()).isTrue();
        assertThat(server.tasksOf("alice")).singleElement().satisfies(task -> {
            assertThat(task.title()).isEqualTo("buy milk");
            assertThat(task.completed()).isTrue();
        });
    }

    @Test
    void a_conversation_continues_after_a_restart_with_its_history_intact() {
        String conversation = server.chat("alice", "Add a task to buy milk").json().get("conversation_id").asText();
        server.chat("alice", "What's on my list?", conversation);
        int messagesBefore = messagesIn(conversation);

        server.restart();
        RunningServer.Reply reply = server.chat("alice", "Mark buy milk as done", conversation);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("conversation_id").asText()).isEqualTo(conversation);
        assertThat(reply.tools()).containsExactly("list_tasks", "complete_task");
        assertThat(server.tasksOf("alice")).singleElement().extracting(Task::completed).isEqualTo(true);
        assertThat(messagesIn(conversation)).isGreaterThan(messagesBefore);
        assertThat(server.rowCounts()).containsEntry("conversations", 1L);
    }

    @Test
    void each_user_sees_only_their_own_tasks() {
        server.chat("alice", "Add a task to call the dentist");

        RunningServer.Reply bobs = server.chat("bob", "What's on my list?");

        assertThat(bobs.status()).isEqualTo(200);
        assertThat(bobs.body()).doesNotContain("dentist");
        assertThat(server.tasksOf("bob")).isEmpty();
    }

    @Test
    void health_reports_a_reachable_database() {
        RunningServer.Reply reply = server.get("/health");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asText()).isEqualTo("ok");
        assertThat(reply.json().get("database").asText()).isEqualTo("up");
    }

    private int messagesIn(String conversation) {
        return server.messages(new UserId("alice"), ConversationId.parse(conversation)).size();
    }
}
