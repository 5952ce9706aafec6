package dev.todochat.bootstrap;

import dev.todochat.domain.port.ModelFailure;
import dev.todochat.llm.scripted.ScriptedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A failing model gets a clear 5xx, and the user's message stays recorded: the transcript never hides a turn. */
class ModelFailuresOverHttpTest {
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @Test
    void an_unavailable_model_is_503_with_retry_after_and_the_message_stays_recorded() {
        try (RunningServer server = RunningServer.with(ScriptedModel.create().thenFail(ModelFailure.Kind.UNAVAILABLE))) {
            RunningServer.Reply reply = server.chat("alice", "Add a task to buy milk");

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.json().get("error").asText()).isEqualTo("ModelUnavailable");
            assertThat(reply.header("Retry-After")).matches("[1-9][0-9]*");
            assertThat(server.rowCounts()).containsEntry("conversations", 1L).containsEntry("messages", 1L);
        }
    }

    @Test
    void a_rate_limited_model_is_503_with_the_wait_it_asked_for() {
        ModelFailure limited = new ModelFailure(ModelFailure.Kind.RATE_LIMITED, "the model service limits our rate",
                Duration.ofSeconds(30), null);
        try (RunningServer server = RunningServer.with(ScriptedModel.create().thenFail(limited))) {
            RunningServer.Reply reply = server.chat("alice", "Hello");

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.json().get("error").asText()).isEqualTo("ModelUnavailable");
            assertThat(reply.json().get("details").asText()).isEqualTo("the model service limits our rate");
            assertThat(reply.header("Retry-After")).isEqualTo("30");
        }
    }

    @Test
    void an_upstream_error_is_502() {
        try (RunningServer server = RunningServer.with(ScriptedModel.create().thenFail(ModelFailure.Kind.UPSTREAM_ERROR))) {
            RunningServer.Reply reply = server.chat("alice", "Hello");

            assertThat(reply.status()).isEqualTo(502);
            assertThat(reply.json().get("error").asText()).isEqualTo("ModelError");
        }
    }

    @Test
    void a_model_timeout_is_504() {
        try (RunningServer server = RunningServer.with(ScriptedModel.create().thenFail(ModelFailure.Kind.TIMEOUT))) {
            RunningServer.Reply reply = server.chat("alice", "Hello");

            assertThat(reply.status()).isEqualTo(504);
            assertThat(reply.json().get("error").asText()).isEqualTo("ModelTimeout");
        }
    }

    @Test
    void a_bug_is_a_500_that_quotes_a_request_id_and_shows_no_stack_trace() {
        try (RunningServer server = RunningServer.with(ScriptedModel.create())) {
            RunningServer.Reply reply = server.chat("alice", "Hello");

            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.json().get("error").asText()).isEqualTo("InternalError");
            assertThat(reply.json().get("details").asText())
                    .containsPattern("request id [0-9a-f-]{36}")
                    .doesNotContain("scripted model", "Exception", "at dev.");
            String requestId = reply.json().get("details").asText().replaceAll(".*request id ([0-9a-f-]{36}).*", "$1");
            assertThat(logs.problemsBesideTurnLines()).singleElement().satisfies(error -> {
                assertThat(error.getFormattedMessage()).startsWith("request " + requestId + " (POST /api/alice/chat) failed");
                assertThat(error.getThrowableProxy()).as("the stack trace is logged, for the operator").isNotNull();
            });
        }
    }
}
