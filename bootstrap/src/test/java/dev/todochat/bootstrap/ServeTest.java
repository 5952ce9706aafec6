package dev.todochat.bootstrap;

import dev.todochat.domain.UserId;
import dev.todochat.http.Tokens;
import dev.todochat.testing.TestPostgres;
import dev.todochat.testing.openai.OpenAiStub;
import dev.todochat.testing.openai.StubToolCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve} as configured from the environment: what it announces, and that {@code token} and it agree. */
class ServeTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dataDir;

    @Test
    void serve_announces_itself_and_accepts_tokens_from_the_token_command() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("TODOCHAT_DATA_DIR", dataDir.toString(), "PORT", "0",
                "DATABASE_URL", TestPostgres.freshDatabaseUrl()));
        ByteArrayOutputStream tokenOut = new ByteArrayOutputStream();
        new Cli(env, dataDir, InputStream.nullInputStream(), new PrintStream(tokenOut, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run("token", "--user", "alice");
        String token = tokenOut.toString(StandardCharsets.UTF_8).strip();

        try (Server server = serve(env)) {
            String announced = out.toString(StandardCharsets.UTF_8);
            assertThat(announced).contains("listening on http://localhost:" + server.port(),
                    "database: PostgreSQL", "model:    offline assistant", "OPENAI_API_KEY", "token --user alice");
            assertThat(announced).doesNotContain("set DATABASE_URL");
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("WARNING", "development secret",
                    dataDir.resolve("jwt-secret").toString(), "Set JWT_SECRET");

            HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + server.port() + "/api/alice/chat"))
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"Add a task to buy milk\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(reply.body()).contains("\"tool\":\"add_task\"");
        }
    }

    @Test
    void openai_settings_select_the_openai_compatible_model_and_the_key_is_never_printed() throws Exception {
        try (OpenAiStub stub = OpenAiStub.start()) {
            stub.replyToolCalls(StubToolCall.of("call_1", "add_task", "{\"title\": \"buy milk\"}"))
                    .replyText("Added buy milk.");
            Map<String, String> env = Map.of("TODOCHAT_DATA_DIR", dataDir.toString(), "PORT", "0",
                    "DATABASE_URL", TestPostgres.freshDatabaseUrl(), "JWT_SECRET", "x".repeat(32),
                    "OPENAI_API_KEY", "sk-do-not-print", "OPENAI_BASE_URL", stub.baseUrl(), "OPENAI_MODEL", "stub-model");

            try (Server server = serve(env)) {
                String token = new Tokens("x".repeat(32).getBytes(StandardCharsets.UTF_8), Clock.systemUTC())
                        .issue(new UserId("alice"), Duration.ofMinutes(5));
                HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + server.port() + "/api/alice/chat"))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"Add a task to buy milk\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(reply.statusCode()).isEqualTo(200);
                assertThat(reply.body()).contains("Added buy milk.", "\"tool\":\"add_task\"");
                assertThat(stub.lastRequest().header("Authorization")).contains("Bearer sk-do-not-print");
                assertThat(out.toString(StandardCharsets.UTF_8))
                        .contains("model:    OpenAI-compatible model stub-model at " + stub.baseUrl())
                        .doesNotContain("to use a real model");
                assertThat(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8))
                        .doesNotContain("sk-do-not-print");
            }
        }
    }

    private Server serve(Map<String, String> env) {
        return new Serve(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).start(Config.from(env, dataDir), new SecureRandom());
    }
}
