package dev.todochat.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todochat.llm.offline.OfflineAssistant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

import static dev.todochat.bootstrap.TasksOverHttpTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development sign-in: a token for any name, offered only in the default mode (the embedded database and the
 * generated development secret), and absent in every other.
 */
class DevSignInTest {
    @TempDir
    Path dataDir;

    @Test
    void only_the_embedded_database_with_the_generated_secret_offers_it() {
        assertThat(offered(Map.of())).isTrue();
        assertThat(offered(Map.of("DATABASE_URL", "postgres://app@db.example/todo"))).isFalse();
        assertThat(offered(Map.of("JWT_SECRET", "x".repeat(32)))).isFalse();
        assertThat(offered(Map.of("BETTER_AUTH_SECRET", "x".repeat(32)))).isFalse();
        assertThat(offered(Map.of("JWT_JWKS_URL", "https://auth.example.com/api/auth/jwks"))).isFalse();
        assertThat(offered(Map.of("DATABASE_URL", "postgres://app@db.example/todo", "JWT_SECRET", "x".repeat(32))))
                .isFalse();
    }

    @Test
    void when_offered_any_name_gets_a_token_that_the_api_accepts_for_that_user() {
        try (RunningServer server = RunningServer.withDevSignIn(new OfflineAssistant())) {
            RunningServer.Reply reply = server.request("POST", "/api/dev/token", null, "{\"user\": \" alice \"}");

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            JsonNode issued = reply.json();
            assertThat(issued.get("user").asText()).isEqualTo("alice");
            assertThat(issued.get("expires_in").asLong()).isEqualTo(12 * 3600);
            String bearer = "Bearer " + issued.get("token").asText();
            assertThat(server.request("POST", "/api/alice/tasks", bearer, "{\"title\": \"Water the plants\"}").status())
                    .isEqualTo(201);
            assertError(server.request("GET", "/api/bob/tasks", bearer, null), 403, "Forbidden");
            assertThat(server.get("/").body()).contains("data-dev-sign-in=\"on\"");
        }
    }

    @Test
    void a_name_that_is_not_a_user_id_is_refused() {
        try (RunningServer server = RunningServer.withDevSignIn(new OfflineAssistant())) {
            assertError(server.request("POST", "/api/dev/token", null, "{\"user\": \"al ice\"}"), 400, "ValidationFailed");
            assertError(server.request("POST", "/api/dev/token", null, "{\"user\": \"\"}"), 400, "ValidationFailed");
            assertError(server.request("POST", "/api/dev/token", null, "{}"), 400, "ValidationFailed");
            assertError(server.request("POST", "/api/dev/token", null, "{\"user\": 7}"), 400, "BadRequest");
            assertError(server.request("POST", "/api/dev/token", null, "alice"), 400, "BadRequest");
        }
    }

    @Test
    void when_not_offered_the_endpoint_does_not_exist_and_the_page_does_not_ask() {
        try (RunningServer server = RunningServer.with(new OfflineAssistant())) {
            assertError(server.request("POST", "/api/dev/token", null, "{\"user\": \"alice\"}"), 404, "NotFound");
            assertThat(server.get("/").body()).contains("data-dev-sign-in=\"off\"");
        }
    }

    private boolean offered(Map<String, String> variables) {
        Map<String, String> env = new HashMap<>(variables);
        env.put("TODOCHAT_DATA_DIR", dataDir.toString());
        Config config = Config.from(env, dataDir);
        return Serve.offersDevSignIn(config, JwtSecret.resolve(config, new SecureRandom()));
    }
}
