package dev.todochat.cluster;

import dev.todochat.domain.UserId;
import dev.todochat.http.Tokens;
import dev.todochat.testing.TestPostgres;
import dev.todochat.testing.openai.OpenAiStub;
import dev.todochat.testing.openai.StubReply;
import dev.todochat.testing.openai.StubToolCall;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traces from a real {@code serve} process to an OTLP/HTTP receiver: each turn is a trace continuing the caller's
 * {@code traceparent}, with spans for authentication, the transactions, each model call (model name and tokens) and
 * the tool round, and the model service gets the trace too. Without the OTLP variables nothing is sent.
 */
class TracesTest {
    private static final String SECRET = "traces-secret-of-at-least-32-bytes-long";
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00f067aa0ba902b7";

    @TempDir
    Path workDir;

    @Test
    void a_turn_is_a_trace_of_authentication_transactions_model_calls_and_tool_rounds() throws Exception {
        try (OtlpReceiver receiver = new OtlpReceiver(); OpenAiStub stub = OpenAiStub.start()) {
            stub.reply(StubReply.toolCalls(StubToolCall.of("c1", "add_task", "{\"title\": \"buy milk\"}"))
                            .withUsage(120, 9))
                    .reply(StubReply.text("Added it.").withUsage(140, 4));
            Map<String, String> env = environment(stub);
            env.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint());
            env.put("OTEL_BSP_SCHEDULE_DELAY", "100");
            try (Instance server = Instance.start("traced", env, workDir)) {
                assertThat(chat(server).statusCode()).isEqualTo(200);

                // the request's own span ends last, after the answer is written, and may come in a later batch
                List<Span> spans = awaitSpans(receiver, 7);
                assertThat(spans).allSatisfy(span ->
                        assertThat(HexFormat.of().formatHex(span.getTraceId().toByteArray())).isEqualTo(TRACE_ID));
                assertThat(spans).extracting(Span::getName).contains("POST /api/{user_id}/chat", "authenticate",
                        "turn begin", "chat gpt-4o-mini", "turn tool_round", "turn finish");
                Span request = named(spans, "POST /api/{user_id}/chat");
                assertThat(HexFormat.of().formatHex(request.getParentSpanId().toByteArray())).isEqualTo(PARENT);
                List<Span> modelCalls = spans.stream().filter(span -> span.getName().equals("chat gpt-4o-mini"))
                        .toList();
                assertThat(modelCalls).hasSize(2);
                assertThat(attributes(modelCalls.getFirst())).containsEntry("gen_ai.request.model", "gpt-4o-mini")
                        .containsEntry("gen_ai.usage.input_tokens", "120")
                        .containsEntry("gen_ai.usage.output_tokens", "9");
                String traceparent = stub.requests().getFirst().header("traceparent").orElse("");
                assertThat(traceparent).as("the model service is called within the trace")
                        .startsWith("00-" + TRACE_ID + "-")
                        .contains(HexFormat.of().formatHex(modelCalls.getFirst().getSpanId().toByteArray()));
            }
        }
    }

    @Test
    void without_the_otlp_variables_nothing_is_sent() throws Exception {
        try (OtlpReceiver receiver = new OtlpReceiver(); OpenAiStub stub = OpenAiStub.start()) {
            stub.replyText("Hello.");
            Map<String, String> env = environment(stub);
            // other OTLP endpoints and exporters, but not the traces': a server that started the SDK anyway would
            // send metrics here every 100 ms
            env.put("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", receiver.endpoint() + "/v1/metrics");
            env.put("OTEL_METRICS_EXPORTER", "otlp");
            env.put("OTEL_METRIC_EXPORT_INTERVAL", "100");
            env.put("OTEL_BSP_SCHEDULE_DELAY", "100");
            try (Instance server = Instance.start("untraced", env, workDir)) {
                assertThat(chat(server).statusCode()).isEqualTo(200);
                assertThat(stub.requests().getFirst().header("traceparent")).isEmpty();
            }
            assertThat(receiver.requests()).isZero();
        }
    }

    private Map<String, String> environment(OpenAiStub stub) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", TestPostgres.freshDatabaseUrl());
        env.put("JWT_SECRET", SECRET);
        env.put("OPENAI_BASE_URL", stub.baseUrl());
        env.put("OPENAI_MAX_RETRIES", "0");
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return env;
    }

    private static HttpResponse<String> chat(Instance server) throws Exception {
        String token = new Tokens(SECRET.getBytes(StandardCharsets.UTF_8), java.time.Clock.systemUTC()).issue(new UserId("alice"),
                Duration.ofHours(1));
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(server.uri("/api/alice/chat"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("traceparent", "00-" + TRACE_ID + "-" + PARENT + "-01")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"Add a task to buy milk\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Waits for the batch processor's next export: spans leave the process a moment after they end. */
    private static List<Span> awaitSpans(OtlpReceiver receiver, int atLeast) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (receiver.spans().size() < atLeast && Instant.now().isBefore(giveUp)) {
            Waiting.pause(Duration.ofMillis(100));
        }
        return receiver.spans();
    }

    private static Span named(List<Span> spans, String name) {
        return spans.stream().filter(span -> span.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " among " + spans.stream()
                        .map(Span::getName).toList()));
    }

    private static Map<String, String> attributes(Span span) {
        Map<String, String> values = new HashMap<>();
        for (KeyValue attribute : span.getAttributesList()) {
            var value = attribute.getValue();
            values.put(attribute.getKey(), value.hasIntValue() ? Long.toString(value.getIntValue())
                    : value.getStringValue());
        }
        return values;
    }
}
