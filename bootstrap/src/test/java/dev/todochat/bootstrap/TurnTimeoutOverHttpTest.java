package dev.todochat.bootstrap;

import dev.todochat.domain.ConversationId;
import dev.todochat.domain.UserId;
import dev.todochat.domain.chat.ChatLimits;
import dev.todochat.llm.openai.OpenAiModel;
import dev.todochat.llm.openai.OpenAiSettings;
import dev.todochat.testing.openai.OpenAiStub;
import dev.todochat.testing.openai.StubToolCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code TURN_TIMEOUT} bounds a whole turn: a model slower than what is left of it is cut off, the client gets 504,
 * what the turn committed stays, and the conversation and the idempotency key take the next message at once.
 */
class TurnTimeoutOverHttpTest {
    /** What the failures this test provokes log, kept off the console. */
    @RegisterExtension
    final CapturedLogs expectedWarnings = new CapturedLogs();

    private static final Duration TURN_TIMEOUT = Duration.ofSeconds(3);
    /** Far longer than the turn may take, so that only the turn's deadline can end the call. */
    private static final Duration MODEL_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void a_turn_past_its_timeout_is_504_keeps_its_committed_round_and_the_next_message_succeeds() {
        try (OpenAiStub stub = OpenAiStub.start();
             OpenAiModel model = new OpenAiModel(OpenAiSettings.defaults().withApiKey("sk-test-key")
                     .withBaseUrl(stub.baseUrl()).withRequestTimeout(MODEL_TIMEOUT).withMaxRetries(2));
             RunningServer server = RunningServer.with(model, ChatLimits.DEFAULT.withTurnTimeout(TURN_TIMEOUT))) {
            warmUp(server, stub);
            stub.replyText("Hello! What shall we put on your list?");
            String conversation = server.chat("alice", "hi").json().get("conversation_id").asText();
            stub.replyToolCalls(StubToolCall.of("c1", "add_task", "{\"title\": \"buy milk\"}"))
                    .stall(Duration.ofMinutes(2));
            String body = "{\"message\": \"Add a task to buy milk\", \"conversation_id\": \"" + conversation + "\"}";
            Map<String, String> headers = Map.of("Authorization", "Bearer " + server.tokenFor("alice"),
                    "Idempotency-Key", "milk-1");

            int calls = stub.requests().size();
            RunningServer.Reply timedOut = server.exchange("POST", "/api/alice/chat", headers, body);

            assertThat(timedOut.status()).isEqualTo(504);
            assertThat(timedOut.json().get("error").asText()).isEqualTo("TurnTimeout");
            assertThat(timedOut.json().get("details").asText()).contains("3 s");
            assertThat(server.tasksOf("alice")).extracting(task -> task.title()).containsExactly("buy milk");
            assertThat(stub.requests()).as("the tool round, then the call cut off").hasSize(calls + 2);

            stub.replyText("buy milk is on your list.");
            RunningServer.Reply retried = server.exchange("POST", "/api/alice/chat", headers, body);

            assertThat(retried.status()).isEqualTo(200);
            assertThat(retried.json().get("response").asText()).isEqualTo("buy milk is on your list.");
            assertThat(server.messages(new UserId("alice"), ConversationId.parse(conversation)))
                    .extracting(m -> m.message().role())
                    .containsExactly("user", "assistant", "user", "assistant", "tool", "user", "assistant");
        }
    }

    /** A first turn loads the classes of every layer; on a busy machine that alone can outlast a short timeout. */
    private static void warmUp(RunningServer server, OpenAiStub stub) {
        for (int attempt = 0; attempt < 5; attempt++) {
            stub.replyText("Warm.");
            if (server.chat("bob", "warm up").status() == 200) {
                return;
            }
        }
    }
}
