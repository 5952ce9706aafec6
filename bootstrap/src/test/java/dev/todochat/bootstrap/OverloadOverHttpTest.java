package dev.todochat.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todochat.http.TrustedProxies;
import dev.todochat.llm.offline.OfflineAssistant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst that keeps every database connection busy for longer than a request may wait (found by the model-path
 * benchmark with 2,000 turns in flight, where it was a 500): the client gets a 503 it can act on, nothing is
 * written, and the same request succeeds once the burst has passed, with rate limits (taken in the turn's first
 * transaction) and without.
 */
class OverloadOverHttpTest {
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @ParameterizedTest(name = "rate limits on: {0}")
    @ValueSource(booleans = {true, false})
    void a_turn_that_cannot_get_a_connection_is_a_503_to_retry_and_writes_nothing(boolean rateLimits)
            throws Exception {
        Protection protection = rateLimits
                ? new Protection(30, 120, TrustedProxies.none(), List.of(), Clock.systemUTC())
                : Protection.off();
        try (RunningServer server = RunningServer.with(new OfflineAssistant(), protection)) {
            long rows = server.totalRows();

            RunningServer.Reply refused;
            try (AutoCloseable burst = server.occupyEveryConnection()) {
                refused = server.chat("alice", "Add a task to buy milk");
            }

            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("2");
            JsonNode body = refused.json();
            assertThat(body.get("error").asText()).isEqualTo("ServerBusy");
            assertThat(body.get("details").asText()).contains("every database connection stayed in use");
            assertThat(body.size()).isEqualTo(2);
            assertThat(server.totalRows()).isEqualTo(rows);
            assertThat(logs.problems()).isNotEmpty().allSatisfy(warning -> assertThat(warning.getFormattedMessage())
                    .contains("refused: every database connection is in use"));

            RunningServer.Reply retried = server.chat("alice", "Add a task to buy milk");

            assertThat(retried.status()).isEqualTo(200);
            assertThat(server.tasksOf("alice")).extracting(task -> task.title()).containsExactly("buy milk");
        }
    }
}
