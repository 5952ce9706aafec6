package dev.todochat.bootstrap;

import dev.todochat.domain.UserId;
import dev.todochat.http.Tokens;
import dev.todochat.testing.TestPostgres;
import dev.todochat.testing.openai.OpenAiStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole run of {@code serve} with every secret set (the token secret, a model key, a database password), with
 * turns that succeed, fail at the model, are refused for a bad token and are rate limited: no secret and no bearer
 * token appears in any log line, nor on standard output or error.
 */
class NoSecretsInLogsTest {
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^/]+)/([^?]+)\\?(.*)");
    private static final String JWT_SECRET = "jwt-secret-value-that-must-stay-hidden-0123";
    private static final String API_KEY = "sk-test-key-that-must-stay-hidden-4567";
    private static final String DB_PASSWORD = "db-password-that-must-stay-hidden-89";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void no_secret_token_key_or_password_reaches_a_log_line() throws Exception {
        DatabaseWithPassword database = databaseWithPassword();
        String token = new Tokens(JWT_SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC())
                .issue(new UserId("alice"), Duration.ofMinutes(5));
        String forged = token.substring(0, token.length() - 4) + "AAAA";
        List<String> lines;
        List<Integer> statuses = new ArrayList<>();
        try (OpenAiStub stub = OpenAiStub.start(); CapturedLogs logs = new CapturedLogs()) {
            stub.replyText("Noted.").fail(500).fail(500);
            Map<String, String> env = Map.of("TODOCHAT_DATA_DIR", dataDir.toString(), "PORT", "0",
                    "DATABASE_URL", database.url(), "JWT_SECRET", JWT_SECRET, "OPENAI_API_KEY", API_KEY,
                    "OPENAI_BASE_URL", stub.baseUrl(), "OPENAI_MAX_RETRIES", "1", "RATE_LIMIT_USER_PER_MINUTE", "2");
            try (Server server = new Serve(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).start(Config.from(env, dataDir),
                    new SecureRandom())) {
                statuses.add(chat(server, "alice", token));
                statuses.add(chat(server, "alice", token));
                statuses.add(chat(server, "alice", token));
                statuses.add(chat(server, "alice", forged));
                statuses.add(chat(server, "bob", token));
            }
            lines = logs.lines();
        }

        assertThat(statuses.get(1)).as("the model's failure").isIn(502, 503);
        // another user's path is refused before any turn begins, so before the rate limit is taken
        assertThat(statuses).containsExactly(200, statuses.get(1), 429, 401, 403);
        assertThat(lines).anyMatch(line -> line.contains("POST /api/{user_id}/chat 200"))
                .anyMatch(line -> line.contains("POST /api/{user_id}/chat " + statuses.get(1)));
        List<String> secrets = List.of(JWT_SECRET, API_KEY, database.password(), token, forged,
                token.substring(token.lastIndexOf('.') + 1));
        for (String line : lines) {
            assertThat(line).doesNotContain(secrets);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(secrets);
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(secrets);
    }

    private int chat(Server server, String user, String token) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/" + user
                        + "/chat")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"Remember the milk\"}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A fresh database as {@code postgres://user:password@host/db}, with a password (the test server ignores it). */
    private static DatabaseWithPassword databaseWithPassword() {
        Matcher jdbc = JDBC.matcher(TestPostgres.freshDatabaseUrl());
        assertThat(jdbc.matches()).isTrue();
        String user = "postgres";
        String password = DB_PASSWORD;
        for (String parameter : jdbc.group(3).split("&")) {
            String[] pair = parameter.split("=", 2);
            if (pair[0].equals("user")) {
                user = URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
            } else if (pair[0].equals("password")) {
                password = URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
            }
        }
        return new DatabaseWithPassword("postgres://" + user + ":" + password + "@" + jdbc.group(1) + "/"
                + jdbc.group(2), password);
    }

    private record DatabaseWithPassword(String url, String password) {
    }
}
