package dev.todochat.bootstrap;

import dev.todochat.domain.Usage;
import dev.todochat.domain.port.ModelFailure;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.http.TrustedProxies;
import dev.todochat.llm.offline.OfflineAssistant;
import dev.todochat.llm.scripted.ScriptedModel;
import dev.todochat.llm.scripted.ToolCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /metrics}: Prometheus text with the JVM, the pool, and every request timed by its route template. */
class MetricsTest {
    /** Kept off the console: the failed turns whose series this test reads log their one line each. */
    @RegisterExtension
    final CapturedLogs expectedWarnings = new CapturedLogs();

    @Test
    void metrics_show_requests_by_route_template_never_by_user_and_the_pool_at_rest() {
        try (RunningServer server = RunningServer.with(new OfflineAssistant())) {
            server.chat("alice", "Add a task to buy milk");
            server.as("alice", "GET", "/api/alice/tasks", null);

            RunningServer.Reply metrics = server.get("/metrics");

            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.header("Content-Type")).startsWith("text/plain");
            assertThat(metrics.body())
                    .contains("http_server_requests_seconds_count{method=\"POST\",route=\"/api/{user_id}/chat\","
                            + "status=\"200\"} 1")
                    .contains("route=\"/api/{user_id}/tasks\"")
                    .contains("jvm_memory_used_bytes", "process_uptime_seconds")
                    .contains("todochat_db_connections_active 0.0")
                    .doesNotContain("alice");
        }
    }

    @Test
    void turn_model_token_tool_and_pool_series_move_when_turns_run() {
        ScriptedModel model = ScriptedModel.create()
                .thenReply(new ModelReply("", List.of(ToolCalls.addTask("buy milk")), new Usage(100, 10)))
                .thenReply(new ModelReply("Added it.", List.of(), new Usage(150, 5)))
                .thenFail(ModelFailure.Kind.TIMEOUT);
        try (RunningServer server = RunningServer.with(model)) {
            String before = server.get("/metrics").body();
            assertThat(value(before, "todochat_lease_conflicts_total")).isZero();
            assertThat(before).contains("hikaricp_connections_active{pool=\"todochat\"}",
                    "hikaricp_connections_idle{pool=\"todochat\"}", "hikaricp_connections_pending{pool=\"todochat\"}");

            server.chat("alice", "Add a task to buy milk");
            server.chat("alice", "Hello");
            server.chat("alice", "Hello again", "00000000-0000-0000-0000-000000000000");

            String after = server.get("/metrics").body();
            assertThat(value(after, "todochat_turns_total{kind=\"none\",outcome=\"answered\"}")).isEqualTo(1);
            assertThat(value(after, "todochat_turns_total{kind=\"model_timeout\",outcome=\"failed\"}")).isEqualTo(1);
            assertThat(value(after, "todochat_turns_total{kind=\"not_found\",outcome=\"refused\"}")).isEqualTo(1);
            assertThat(value(after, "todochat_model_tokens_total{direction=\"in\"}")).isEqualTo(250);
            assertThat(value(after, "todochat_model_tokens_total{direction=\"out\"}")).isEqualTo(15);
            assertThat(value(after, "todochat_tool_calls_total{outcome=\"ok\",tool=\"add_task\"}")).isEqualTo(1);
            assertThat(value(after, "todochat_model_calls_seconds_count{outcome=\"ok\"}")).isEqualTo(2);
            assertThat(value(after, "todochat_model_calls_seconds_count{outcome=\"timeout\"}")).isEqualTo(1);
            assertThat(after)
                    .containsPattern("todochat_turn_duration_seconds_bucket\\{outcome=\"answered\",le=\"[0-9.]+\"}")
                    .containsPattern("todochat_model_calls_seconds_bucket\\{outcome=\"ok\",le=\"[0-9.]+\"}");
            assertThat(value(after, "hikaricp_connections_usage_seconds_count{pool=\"todochat\"}")).isPositive();
            assertThat(after).doesNotContain("alice");
        }
    }

    @Test
    void rate_limit_refusals_are_counted_by_route() {
        try (RunningServer server = RunningServer.with(new OfflineAssistant(),
                new Protection(1, 0, TrustedProxies.none(), List.of(), Clock.systemUTC()))) {
            server.chat("alice", "hi");
            server.chat("alice", "hi again");

            assertThat(value(server.get("/metrics").body(),
                    "todochat_rate_limit_refusals_total{route=\"/api/{user_id}/chat\"}")).isEqualTo(1);
        }
    }

    /** The value of one series in Prometheus text, failing when it is absent. */
    private static double value(String exposition, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(exposition);
        assertThat(line.find()).as("%s in%n%s", series, exposition).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
