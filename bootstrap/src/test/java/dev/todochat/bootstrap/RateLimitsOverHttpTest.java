package dev.todochat.bootstrap;

import dev.todochat.http.TrustedProxies;
import dev.todochat.llm.offline.OfflineAssistant;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared rate limits as a client meets them: chat turns over a budget get 429 with {@code Retry-After}, whichever
 * instance they reach. The budgets' clock stands still, so "in a minute" is exact however slow the machine.
 */
class RateLimitsOverHttpTest {
    private final Clock frozen = Clock.fixed(Instant.now(), ZoneOffset.UTC);

    @Test
    void the_31st_turn_of_a_user_in_a_minute_is_429_with_retry_after_and_changes_nothing() {
        try (RunningServer server = serverWith(30, 0, TrustedProxies.none())) {
            for (int turn = 1; turn <= 30; turn++) {
                assertThat(server.chat("alice", "show my tasks").status()).as("turn %d", turn).isEqualTo(200);
            }
            Map<String, Long> rowsBefore = server.rowCounts();

            RunningServer.Reply refused = server.chat("alice", "show my tasks");

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isEqualTo("2");
            assertThat(refused.json().get("error").asText()).isEqualTo("RateLimited");
            assertThat(refused.json().get("details").asText()).contains("at most 30 a minute for one user");
            assertThat(server.rowCounts()).isEqualTo(rowsBefore);
            assertThat(server.chat("bob", "show my tasks").status()).isEqualTo(200);
        }
    }

    @Test
    void two_instances_on_one_database_share_a_users_budget() {
        try (RunningServer first = serverWith(4, 0, TrustedProxies.none());
             RunningServer second = first.anotherInstance()) {
            List<Integer> statuses = List.of(
                    first.chat("carol", "show my tasks").status(), second.chat("carol", "show my tasks").status(),
                    first.chat("carol", "show my tasks").status(), second.chat("carol", "show my tasks").status(),
                    first.chat("carol", "show my tasks").status(), second.chat("carol", "show my tasks").status());

            assertThat(statuses).containsExactly(200, 200, 200, 200, 429, 429);
        }
    }

    @Test
    void the_address_limit_counts_the_forwarded_client_when_the_peer_is_a_trusted_proxy() {
        try (RunningServer server = serverWith(0, 2, TrustedProxies.parse("127.0.0.1, ::1"))) {
            assertThat(turnFrom(server, "dave", "203.0.113.7")).isEqualTo(200);
            assertThat(turnFrom(server, "erin", "198.51.100.1, 203.0.113.7")).isEqualTo(200);
            assertThat(turnFrom(server, "frank", "203.0.113.7")).isEqualTo(429);

            assertThat(turnFrom(server, "dave", "203.0.113.8")).isEqualTo(200);
        }
    }

    @Test
    void x_forwarded_for_from_a_peer_that_is_not_trusted_is_ignored() {
        try (RunningServer server = serverWith(0, 2, TrustedProxies.none())) {
            assertThat(turnFrom(server, "gina", "203.0.113.1")).isEqualTo(200);
            assertThat(turnFrom(server, "gina", "203.0.113.2")).isEqualTo(200);

            assertThat(turnFrom(server, "gina", "203.0.113.3")).isEqualTo(429);
        }
    }

    @Test
    void a_limit_of_0_is_no_limit() {
        try (RunningServer server = serverWith(0, 1, TrustedProxies.parse("127.0.0.1, ::1"))) {
            for (int turn = 1; turn <= 31; turn++) {
                assertThat(turnFrom(server, "hugo", "203.0.113." + turn)).as("turn %d", turn).isEqualTo(200);
            }
        }
    }

    @Test
    void health_is_not_limited() {
        try (RunningServer server = serverWith(1, 1, TrustedProxies.none())) {
            assertThat(server.chat("ivan", "show my tasks").status()).isEqualTo(200);
            assertThat(server.chat("ivan", "show my tasks").status()).isEqualTo(429);

            for (int check = 0; check < 5; check++) {
                assertThat(server.get("/health").status()).isEqualTo(200);
            }
        }
    }

    private RunningServer serverWith(int perUser, int perAddress, TrustedProxies proxies) {
        return RunningServer.with(new OfflineAssistant(), new Protection(perUser, perAddress, proxies, List.of(),
                frozen));
    }

    private static int turnFrom(RunningServer server, String user, String forwardedFor) {
        return server.exchange("POST", "/api/" + user + "/chat", Map.of("Authorization",
                "Bearer " + server.tokenFor(user), "X-Forwarded-For", forwardedFor),
                "{\"message\": \"show my tasks\"}").status();
    }
}
