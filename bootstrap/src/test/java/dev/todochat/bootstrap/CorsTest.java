package dev.todochat.bootstrap;

import dev.todochat.http.TrustedProxies;
import dev.todochat.llm.offline.OfflineAssistant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Browsers on the allowed origins may call the API; others get no CORS header; with no list there is no CORS. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorsTest {
    private static final String APP = "https://app.example.test";

    private final RunningServer server = RunningServer.with(new OfflineAssistant(),
            new Protection(0, 0, TrustedProxies.none(), List.of(APP), Clock.systemUTC()));
    private final RunningServer withoutCors = RunningServer.with(new OfflineAssistant());

    @AfterAll
    void stop() {
        server.close();
        withoutCors.close();
    }

    @Test
    void a_preflight_from_an_allowed_origin_is_answered_with_what_the_api_accepts() {
        RunningServer.Reply preflight = preflight(server, APP);

        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST", "PATCH", "DELETE");
        assertThat(preflight.header("Access-Control-Allow-Headers"))
                .contains("Authorization", "Content-Type", "Idempotency-Key", "X-Request-ID");
        assertThat(preflight.header("Vary")).contains("Origin");
    }

    @Test
    void a_request_from_an_allowed_origin_may_read_the_answer_and_its_headers() {
        RunningServer.Reply reply = server.exchange("POST", "/api/alice/chat", Map.of("Origin", APP,
                "Authorization", "Bearer " + server.tokenFor("alice")), "{\"message\": \"show my tasks\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(reply.header("Access-Control-Expose-Headers"))
                .contains("Retry-After", "X-Request-ID", "Idempotent-Replayed");
        assertThat(reply.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void another_origin_gets_no_cors_header_and_its_preflight_is_forbidden() {
        RunningServer.Reply reply = server.exchange("POST", "/api/alice/chat", Map.of("Origin",
                "https://evil.example.test", "Authorization", "Bearer " + server.tokenFor("alice")),
                "{\"message\": \"show my tasks\"}");
        RunningServer.Reply preflight = preflight(server, "https://evil.example.test");

        assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.json().get("error").asText()).isEqualTo("Forbidden");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void without_a_list_no_origin_gets_a_cors_header() {
        RunningServer.Reply reply = withoutCors.exchange("POST", "/api/alice/chat", Map.of("Origin", APP,
                "Authorization", "Bearer " + withoutCors.tokenFor("alice")), "{\"message\": \"show my tasks\"}");
        RunningServer.Reply preflight = preflight(withoutCors, APP);

        assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.status()).isNotEqualTo(204);
    }

    private static RunningServer.Reply preflight(RunningServer server, String origin) {
        return server.exchange("OPTIONS", "/api/alice/chat", Map.of("Origin", origin,
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization, content-type, idempotency-key"), null);
    }
}
