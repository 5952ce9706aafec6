package dev.todochat.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todochat.domain.UserId;
import dev.todochat.http.Tokens;
import dev.todochat.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve} with its output going to a file, as under a log collector: JSON lines, each with the request id, one
 * per request and one per turn, with no user id, message, token or key in them.
 */
class JsonLogsTest {
    private static final String SECRET = "json-logs-secret-of-at-least-32-bytes";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    @Test
    void serve_piped_to_a_file_writes_json_lines_with_request_ids_and_one_line_per_turn() throws Exception {
        String token = new Tokens(SECRET.getBytes(StandardCharsets.UTF_8), java.time.Clock.systemUTC())
                .issue(new UserId("alice@example.com"), Duration.ofHours(1));
        String output;
        try (Instance server = Instance.start("logs", Map.of("DATABASE_URL", TestPostgres.freshDatabaseUrl(),
                "JWT_SECRET", SECRET, "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")), workDir,
                // the shipped configuration, even when the test classpath has a logback-test.xml
                List.of("-Dlogback.configurationFile=logback.xml"));
             HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> reply = client.send(HttpRequest.newBuilder(server.uri("/api/alice@example.com/chat"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("X-Request-ID", "req-json-logs-1")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"add a task to buy oat milk\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).isEqualTo(200);
            server.close();
            output = server.output();
        }

        List<JsonNode> lines = output.lines().filter(line -> line.startsWith("{")).map(JsonLogsTest::parse).toList();
        assertThat(lines).as("JSON lines in:%n%s", output).isNotEmpty();
        JsonNode request = lines.stream().filter(line -> "dev.todochat.http.requests".equals(text(line, "loggerName")))
                .filter(line -> "POST".equals(fields(line).get("method"))).findFirst().orElseThrow(() -> new AssertionError("no request line in:\n" + output));
        assertThat(request.at("/mdc/request_id").asText()).isEqualTo("req-json-logs-1");
        assertThat(fields(request)).containsEntry("method", "POST").containsEntry("route", "/api/{user_id}/chat")
                .containsEntry("status", "200").containsKey("duration_ms");
        JsonNode turn = lines.stream().filter(line -> "dev.todochat.turns".equals(text(line, "loggerName")))
                .findFirst().orElseThrow(() -> new AssertionError("no turn line in:\n" + output));
        assertThat(turn.at("/mdc/request_id").asText()).isEqualTo("req-json-logs-1");
        Map<String, String> fields = fields(turn);
        assertThat(fields).containsEntry("outcome", "answered").containsEntry("tools", "add_task:ok")
                .containsKeys("conversation", "rounds", "tokens_in", "tokens_out", "model_ms", "db_ms", "duration_ms");
        assertThat(fields.get("user")).matches("[0-9a-f]{16}");
        assertThat(output).doesNotContain("alice@example.com", "oat milk", token, SECRET);
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    private static String text(JsonNode line, String field) {
        return line.path(field).asText();
    }

    /** The line's key-value pairs, however the encoder nests them. */
    private static Map<String, String> fields(JsonNode line) {
        Map<String, String> fields = new HashMap<>();
        JsonNode pairs = line.path("kvpList");
        if (pairs.isArray()) {
            pairs.forEach(pair -> pair.properties().forEach(entry -> fields.put(entry.getKey(), entry.getValue().asText())));
        } else {
            pairs.properties().forEach(entry -> fields.put(entry.getKey(), entry.getValue().asText()));
        }
        return fields;
    }
}
