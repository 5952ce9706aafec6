package dev.todochat.bootstrap;

import dev.todochat.llm.offline.OfflineAssistant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.todochat.bootstrap.TasksOverHttpTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A field that was never sent is reported as missing, naming the body expected; an empty one as empty. A client that
 * guessed the wrong field name reads its mistake in the answer, and nothing is stored.
 */
class MissingFieldsOverHttpTest {
    private final RunningServer server = RunningServer.with(new OfflineAssistant());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_chat_body_without_message_says_the_field_is_missing_and_names_the_expected_body() {
        RunningServer.Reply reply = server.as("alice", "POST", "/api/alice/chat", "{\"text\": \"hi\"}");

        assertError(reply, 400, "ValidationFailed");
        assertThat(details(reply)).isEqualTo("the \"message\" field is missing (it has \"text\"); send"
                + " {\"message\": \"...\", \"conversation_id\": optional}");
        assertThat(server.totalRows()).isZero();
    }

    @Test
    void an_empty_chat_body_and_a_null_message_are_missing_too_but_an_empty_message_is_empty() {
        assertThat(details(server.as("alice", "POST", "/api/alice/chat", "{}")))
                .startsWith("the \"message\" field is missing (the body is empty); send {\"message\"");
        assertThat(details(server.as("alice", "POST", "/api/alice/chat", "{\"message\": null}")))
                .startsWith("the \"message\" field is missing (it is null); send {\"message\"");
        assertThat(details(server.as("alice", "POST", "/api/alice/chat/stream", "{\"msg\": \"hi\"}")))
                .startsWith("the \"message\" field is missing (it has \"msg\")");
        assertThat(details(server.as("alice", "POST", "/api/alice/chat", "{\"message\": \"  \"}")))
                .isEqualTo("message must not be empty");
        assertThat(server.totalRows()).isZero();
    }

    @Test
    void a_new_task_without_title_says_the_field_is_missing_and_names_the_expected_body() {
        RunningServer.Reply missing = server.as("alice", "POST", "/api/alice/tasks", "{\"name\": \"Water the plants\"}");
        RunningServer.Reply empty = server.as("alice", "POST", "/api/alice/tasks", "{\"title\": \"\"}");

        assertError(missing, 400, "ValidationFailed");
        assertThat(details(missing)).isEqualTo("the \"title\" field is missing (it has \"name\"); send"
                + " {\"title\": \"...\", \"description\": optional}");
        assertError(empty, 400, "ValidationFailed");
        assertThat(details(empty)).isEqualTo("title must not be empty");
        assertThat(server.tasksOf("alice")).isEmpty();
    }

    @Test
    void a_change_that_names_no_known_field_says_which_fields_it_takes() {
        long id = server.as("alice", "POST", "/api/alice/tasks", "{\"title\": \"Draft\"}").json().get("id").asLong();

        RunningServer.Reply reply = server.as("alice", "PATCH", "/api/alice/tasks/" + id, "{\"done\": true}");

        assertError(reply, 400, "ValidationFailed");
        assertThat(details(reply)).isEqualTo("give at least one of \"title\", \"description\", \"completed\", such as"
                + " {\"completed\": true}");
        assertThat(server.tasksOf("alice")).singleElement().satisfies(task -> assertThat(task.completed()).isFalse());
    }

    private static String details(RunningServer.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        return reply.json().get("details").asText();
    }
}
