package dev.todochat.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.RecordedMessage;
import dev.todochat.domain.UserId;
import dev.todochat.llm.openai.OpenAiModel;
import dev.todochat.llm.openai.OpenAiSettings;
import dev.todochat.testing.openai.OpenAiStub;
import dev.todochat.testing.openai.StubToolCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real OpenAI adapter behind the real HTTP API, against a local OpenAI-compatible stub over loopback: the whole
 * history is replayed in provider-valid order, and each fault of a remote model gets its documented status while the
 * transcript stays true and the conversation stays usable.
 */
class OpenAiOverHttpTest {
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();
    /** Patient enough that a loaded CI machine never turns a prompt stub answer into a timeout. */
    private static final Duration PATIENT = Duration.ofSeconds(10);

    private static OpenAiModel model(OpenAiStub stub, Duration requestTimeout) {
        return new OpenAiModel(OpenAiSettings.defaults().withApiKey("sk-test-key").withBaseUrl(stub.baseUrl())
                .withRequestTimeout(requestTimeout).withMaxRetries(1));
    }

    private static StubToolCall call(String id, String tool, String arguments) {
        return StubToolCall.of(id, tool, arguments);
    }

    @Test
    void a_multi_turn_conversation_replays_every_earlier_tool_call_and_result_in_provider_valid_order() {
        try (OpenAiStub stub = OpenAiStub.start(); RunningServer server = RunningServer.with(model(stub, PATIENT))) {
            stub.replyToolCalls(call("c1", "add_task", "{\"title\": \"review the mockups\"}"))
                    .replyText("Added \"review the mockups\".")
                    .replyToolCalls(call("c2", "list_tasks", "{\"status\": \"all\"}"))
                    .replyText("You have one task: review the mockups.")
                    .replyToolCalls(call("c3", "list_tasks", "{\"status\": \"pending\"}"))
                    .replyToolCalls(call("c4", "complete_task", "{\"task_id\": 1}"))
                    .replyText("Done: review the mockups.")
                    .replyToolCalls(call("c5", "update_task", "{\"task_id\": 1, \"title\": \"review the new mockups\"}"))
                    .replyText("Renamed it.")
                    .replyToolCalls(call("c6", "delete_task", "{\"task_id\": 1}"))
                    .replyText("Deleted it.");

            RunningServer.Reply first = server.chat("alice", "Add a task to review the mockups");
            String conversation = first.json().get("conversation_id").asText();
            RunningServer.Reply listed = server.chat("alice", "What's on my list?", conversation);
            RunningServer.Reply completed = server.chat("alice", "Mark the mockups review as done", conversation);
            RunningServer.Reply renamed = server.chat("alice", "Rename it to review the new mockups", conversation);
            RunningServer.Reply deleted = server.chat("alice", "Delete it", conversation);

            assertThat(List.of(first, listed, completed, renamed, deleted)).extracting(RunningServer.Reply::status)
                    .containsOnly(200);
            assertThat(completed.tools()).containsExactly("list_tasks", "complete_task");
            assertThat(completed.json().at("/tool_calls/1/result/completed").asBoolean()).isTrue();
            assertThat(renamed.json().at("/tool_calls/0/result/title").asText()).isEqualTo("review the new mockups");
            assertThat(deleted.json().at("/tool_calls/0/result/status").asText()).isEqualTo("deleted");
            assertThat(server.tasksOf("alice")).isEmpty();

            JsonNode messages = stub.lastRequest().messages();
            assertThat(roles(messages)).containsExactly("system",
                    "user", "assistant", "tool", "assistant",
                    "user", "assistant", "tool", "assistant",
                    "user", "assistant", "tool", "assistant", "tool", "assistant",
                    "user", "assistant", "tool", "assistant",
                    "user", "assistant", "tool");
            assertEveryToolMessageAnswersAnEarlierCall(messages);
            assertThat(messages.get(1).get("content").asText()).isEqualTo("Add a task to review the mockups");
            assertThat(messages.get(3).get("content").asText()).contains("\"status\":\"created\"");
            assertThat(stub.ranOut()).isFalse();
            assertThat(stub.remaining()).isZero();
        }
    }

    /**
     * The faults of a remote model, each after a completed tool round, and the status the client gets. Retryable
     * faults are injected twice (the first attempt and its one retry); a malformed 200 is not retried.
     */
    enum Fault {
        RATE_LIMITED(503, stub -> stub.rateLimit(1).rateLimit(1)),
        SERVER_ERROR(502, stub -> stub.fail(500).fail(500)),
        UNAVAILABLE(503, stub -> stub.fail(503).fail(503)),
        MALFORMED_BODY(502, OpenAiStub::malformedBody),
        TIMEOUT(504, stub -> stub.stall(Duration.ofSeconds(3)).stall(Duration.ofSeconds(3)), Duration.ofMillis(1_500));

        final int status;
        final Consumer<OpenAiStub> inject;
        final Duration requestTimeout;

        Fault(int status, Consumer<OpenAiStub> inject) {
            this(status, inject, PATIENT);
        }

        Fault(int status, Consumer<OpenAiStub> inject, Duration requestTimeout) {
            this.status = status;
            this.inject = inject;
            this.requestTimeout = requestTimeout;
        }
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void a_model_fault_gets_its_status_keeps_the_transcript_true_and_the_next_message_succeeds(Fault fault) {
        try (OpenAiStub stub = OpenAiStub.start();
             RunningServer server = RunningServer.with(model(stub, fault.requestTimeout))) {
            stub.replyText("Hello! What shall we put on your list?");
            String conversation = server.chat("alice", "hi").json().get("conversation_id").asText();
            stub.replyToolCalls(call("c1", "add_task", "{\"title\": \"buy milk\"}"));
            fault.inject.accept(stub);

            RunningServer.Reply failed = server.chat("alice", "Add a task to buy milk", conversation);

            assertThat(failed.status()).isEqualTo(fault.status);
            assertThat(failed.json().get("error").asText()).startsWith("Model");
            assertThat(failed.body()).doesNotContain("sk-test-key", "Stub failure", "chatcmpl-broken");
            assertThat(logs.problemsBesideTurnLines()).isNotEmpty().allSatisfy(warning ->
                    assertThat(warning.getLoggerName()).isEqualTo("dev.todochat.llm.openai.OpenAiModel"));
            assertThat(logs.failedTurnLines()).singleElement().satisfies(turn ->
                    assertThat(turn.getFormattedMessage()).startsWith("turn failed (model_"));
            if (failed.status() == 503) {
                assertThat(failed.header("Retry-After")).matches("[1-9][0-9]*");
            }
            List<RecordedMessage> stored = server.messages(new UserId("alice"), ConversationId.parse(conversation));
            assertThat(stored).extracting(m -> m.message().role())
                    .containsExactly("user", "assistant", "user", "assistant", "tool");
            assertThat(stored).extracting(RecordedMessage::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(server.tasksOf("alice")).extracting(task -> task.title()).containsExactly("buy milk");

            stub.replyText("buy milk is on your list.");
            RunningServer.Reply next = server.chat("alice", "Did it work?", conversation);

            assertThat(next.status()).isEqualTo(200);
            assertThat(next.json().get("response").asText()).isEqualTo("buy milk is on your list.");
            assertThat(roles(stub.lastRequest().messages())).containsExactly("system",
                    "user", "assistant", "user", "assistant", "tool", "user");
            assertThat(server.messages(new UserId("alice"), ConversationId.parse(conversation))).hasSize(7);
        }
    }

    private static List<String> roles(JsonNode messages) {
        List<String> roles = new ArrayList<>();
        messages.forEach(message -> roles.add(message.get("role").asText()));
        return roles;
    }

    private static void assertEveryToolMessageAnswersAnEarlierCall(JsonNode messages) {
        Set<String> open = new HashSet<>();
        for (JsonNode message : messages) {
            switch (message.get("role").asText()) {
                case "assistant" -> {
                    assertThat(open).as("every call is answered before the next assistant message").isEmpty();
                    if (message.has("tool_calls")) {
                        message.get("tool_calls").forEach(call -> open.add(call.get("id").asText()));
                    }
                }
                case "tool" -> assertThat(open.remove(message.get("tool_call_id").asText()))
                        .as("tool message %s answers an open call", message.get("tool_call_id")).isTrue();
                default -> assertThat(open).as("no user message interrupts a tool round").isEmpty();
            }
        }
    }
}
