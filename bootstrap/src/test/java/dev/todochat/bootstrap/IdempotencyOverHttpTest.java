package dev.todochat.bootstrap;

import dev.todochat.domain.port.ModelReply;
import dev.todochat.llm.scripted.ScriptedModel;
import dev.todochat.llm.scripted.ToolCalls;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code Idempotency-Key} as a client meets it: the replay header, the 422 for a reused key, a bad key. */
class IdempotencyOverHttpTest {
    private static final String BODY = "{\"message\": \"Add a task to buy milk\"}";

    private static Map<String, String> headers(RunningServer server, String key) {
        return Map.of("Authorization", "Bearer " + server.tokenFor("alice"), "Idempotency-Key", key);
    }

    @Test
    void a_retry_of_a_finished_request_is_replayed_without_running_again() {
        ScriptedModel model = ScriptedModel.create()
                .thenReply(ModelReply.toolCalls(ToolCalls.addTask("buy milk")))
                .replyText("Added buy milk.");
        try (RunningServer server = RunningServer.with(model)) {
            RunningServer.Reply first = server.exchange("POST", "/api/alice/chat", headers(server, "order-42"), BODY);
            long rows = server.totalRows();
            RunningServer.Reply retry = server.exchange("POST", "/api/alice/chat", headers(server, "order-42"), BODY);

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.header("Idempotent-Replayed")).isNull();
            assertThat(retry.status()).isEqualTo(200);
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retry.json()).isEqualTo(first.json());
            assertThat(server.totalRows()).isEqualTo(rows);
            assertThat(server.tasksOf("alice")).hasSize(1);
            assertThat(model.remaining()).isZero();
        }
    }

    @Test
    void the_same_key_with_another_body_is_422_and_changes_nothing() {
        try (RunningServer server = RunningServer.with(ScriptedModel.create().replyText("Hello!"))) {
            server.exchange("POST", "/api/alice/chat", headers(server, "k1"), "{\"message\": \"hi\"}");
            long rows = server.totalRows();

            RunningServer.Reply reused = server.exchange("POST", "/api/alice/chat", headers(server, "k1"), BODY);

            assertThat(reused.status()).isEqualTo(422);
            assertThat(reused.json().get("error").asText()).isEqualTo("IdempotencyKeyReused");
            assertThat(server.totalRows()).isEqualTo(rows);
        }
    }

    @Test
    void a_key_that_is_not_visible_ascii_is_400() {
        try (RunningServer server = RunningServer.with(ScriptedModel.create())) {
            RunningServer.Reply reply = server.exchange("POST", "/api/alice/chat",
                    headers(server, "x".repeat(256)), BODY);

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().get("error").asText()).isEqualTo("ValidationFailed");
            assertThat(server.totalRows()).isZero();
        }
    }
}
