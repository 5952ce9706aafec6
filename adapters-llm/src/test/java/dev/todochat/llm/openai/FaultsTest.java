package dev.todochat.llm.openai;

import dev.todochat.domain.port.ModelFailure;
import dev.todochat.domain.port.ModelFailure.Kind;
import dev.todochat.testing.CapturedLog;
import dev.todochat.testing.openai.OpenAiStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FaultsTest {
    private final OpenAiStub stub = OpenAiStub.start();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final OpenAiModel model = Models.model(Models.settings(stub), sleeper);
    private final CapturedLog logged = CapturedLog.of(OpenAiModel.class);

    @AfterEach
    void stop() {
        logged.close();
        model.close();
        stub.close();
    }

    @Test
    void should_retry_a_rate_limit_after_the_wait_the_service_asked_for_then_report_it() {
        stub.rateLimit(2).rateLimit(2);

        ModelFailure failure = failureOf(model);

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(failure.getMessage()).isEqualTo("the model service rate-limited the request");
        assertThat(stub.requests()).hasSize(2);
        assertThat(sleeper.pauses()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void should_suggest_a_default_wait_when_a_rate_limit_names_none() {
        stub.respond(429, "application/json", "{\"error\":{\"message\":\"slow down\"}}", Map.of())
                .respond(429, "application/json", "{\"error\":{\"message\":\"slow down\"}}", Map.of());

        ModelFailure failure = failureOf(model);

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Faults.DEFAULT_RATE_LIMIT_WAIT);
    }

    @Test
    void should_succeed_when_a_single_server_error_is_followed_by_an_answer() {
        stub.fail(500).replyText("Back again.");

        try (OpenAiModel real = new OpenAiModel(Models.settings(stub))) {
            assertThat(real.reply(Models.prompt("hello")).text()).isEqualTo("Back again.");
        }

        assertThat(stub.requests()).hasSize(2);
        assertThat(stub.remaining()).isZero();
    }

    @Test
    void should_back_off_exponentially_with_jitter_when_the_service_names_no_wait() {
        stub.fail(500).fail(502).replyText("Back again.");

        try (OpenAiModel patient = Models.model(Models.settings(stub).withMaxRetries(2), sleeper)) {
            assertThat(patient.reply(Models.prompt("hello")).text()).isEqualTo("Back again.");
        }

        assertThat(stub.requests()).hasSize(3);
        assertThat(sleeper.pauses()).hasSize(2);
        assertThat(sleeper.pauses().get(0)).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
        assertThat(sleeper.pauses().get(1)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1000));
    }

    @Test
    void should_not_retry_when_the_service_says_a_retry_would_not_help() {
        stub.respond(503, "application/json", "{\"error\":{\"type\":\"server_error\",\"code\":503}}",
                Map.of("X-Should-Retry", "false")).replyText("never asked for");

        ModelFailure failure = failureOf(model);

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(stub.requests()).hasSize(1);
        assertThat(sleeper.pauses()).isEmpty();
        assertThat(logged.messages()).singleElement().asString().contains("HTTP 503", "type=server_error", "code=503");
    }

    @Test
    void should_not_retry_a_request_the_service_refused_as_invalid() {
        stub.respond(400, "application/json", "{\"error\":{\"type\":\"invalid_request_error\"}}", Map.of())
                .replyText("never asked for");

        ModelFailure failure = failureOf(model);

        assertThat(failure.kind()).isEqualTo(Kind.UPSTREAM_ERROR);
        assertThat(failure.getMessage()).isEqualTo("the model service returned an error (HTTP 400)");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void should_report_a_persistent_server_error_as_an_upstream_error_and_answer_the_next_call() {
        stub.fail(500).fail(500).replyText("Back again.");

        ModelFailure failure = failureOf(model);

        assertThat(failure.kind()).isEqualTo(Kind.UPSTREAM_ERROR);
        assertThat(failure.getMessage()).isEqualTo("the model service returned an error (HTTP 500)");
        assertThat(stub.requests()).hasSize(2);
        assertThat(model.reply(Models.prompt("hello again")).text()).isEqualTo("Back again.");
    }

    @Test
    void should_report_a_service_that_stays_unavailable_with_its_retry_after() {
        stub.fail(503).respond(503, "application/json", "{}", Map.of("Retry-After", "7"));

        ModelFailure failure = failureOf(model);

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(failure.getMessage()).isEqualTo("the model service is unavailable (HTTP 503)");
    }

    @Test
    void should_report_a_malformed_body_as_an_upstream_error() {
        stub.malformedBody();

        ModelFailure failure = failureOf(model);

        assertThat(failure.kind()).isEqualTo(Kind.UPSTREAM_ERROR);
        assertThat(failure.getMessage()).isEqualTo("the model service sent a reply that could not be read");
    }

    @Test
    void should_report_a_reply_without_choices_as_an_upstream_error() {
        stub.respond(200, "application/json",
                "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[]}", Map.of());

        assertThat(failureOf(model).kind()).isEqualTo(Kind.UPSTREAM_ERROR);
    }

    @Test
    void should_time_out_when_the_service_answers_later_than_the_request_timeout() {
        stub.stall(Duration.ofSeconds(30)).stall(Duration.ofSeconds(30));
        OpenAiSettings impatient = Models.settings(stub).withRequestTimeout(Duration.ofMillis(500));

        try (OpenAiModel quick = Models.model(impatient, sleeper)) {
            ModelFailure failure = failureOf(quick);

            assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(failure.getMessage()).isEqualTo("the model service did not answer within 0.5 s");
        }
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void should_report_a_refused_connection_as_unavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OpenAiSettings nowhere = Models.settings(stub).withBaseUrl("http://127.0.0.1:" + closedPort + "/v1");

        try (OpenAiModel unreachable = Models.model(nowhere, sleeper)) {
            ModelFailure failure = failureOf(unreachable);

            assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(failure.getMessage()).isEqualTo("the model service could not be reached");
        }
        assertThat(sleeper.pauses()).hasSize(1);
    }

    @Test
    void should_never_pass_on_or_log_the_key_or_the_body_of_a_refusal() {
        stub.respond(401, "application/json", "{\"error\":{\"message\":\"Incorrect API key provided: "
                + Models.KEY + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}", Map.of());

        ModelFailure failure = failureOf(model);

        assertThat(failure.kind()).isEqualTo(Kind.UPSTREAM_ERROR);
        assertThat(failure.getMessage()).isEqualTo("the model service refused the API key (HTTP 401)");
        assertThat(stub.requests()).hasSize(1);
        assertThat(logged.events()).singleElement().satisfies(event -> {
            assertThat(event.getLevel().toString()).isEqualTo("WARN");
            assertThat(event.getFormattedMessage()).contains("HTTP 401", "code=invalid_api_key")
                    .doesNotContain(Models.KEY, "Incorrect API key");
            assertThat(event.getThrowableProxy()).isNull();
        });
    }

    /** The failure of one call, checked to hold neither the key nor a cause that could carry it. */
    private ModelFailure failureOf(OpenAiModel target) {
        ModelFailure failure = catchThrowableOfType(ModelFailure.class, () -> target.reply(Models.prompt("hello")));
        assertThat(failure).as("the call should fail").isNotNull();
        assertThat(failure.getMessage()).doesNotContain(Models.KEY);
        assertThat(failure.getCause()).isNull();
        assertThat(logged.events()).allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(Models.KEY));
        return failure;
    }
}
