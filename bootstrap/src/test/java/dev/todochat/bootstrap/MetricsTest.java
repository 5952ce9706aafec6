package dev.todochat.bootstrap;

import dev.todochat.llm.offline.OfflineAssistant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /metrics}: Prometheus text with the JVM, the pool, and every request timed by its route template. */
class MetricsTest {
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
}
