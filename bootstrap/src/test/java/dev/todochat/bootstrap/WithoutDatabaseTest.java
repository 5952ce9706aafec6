package dev.todochat.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todochat.domain.UserId;
import dev.todochat.http.Tokens;
import dev.todochat.llm.offline.OfflineAssistant;
import dev.todochat.persistence.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A server whose database cannot be reached says so: in its health, and as a 503 rather than a 500 for a turn. */
class WithoutDatabaseTest {
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();
    private final Tokens tokens = new Tokens(RunningServer.SECRET, Clock.systemUTC());
    private final Server server = Server.start(PostgresDatabase.connect("postgres://postgres@127.0.0.1:1/none", 1),
            new OfflineAssistant(), tokens, Server.Options.defaults());
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void health_is_503_when_the_database_cannot_be_reached() throws Exception {
        HttpResponse<String> reply = client.send(request("/health").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(reply.statusCode()).isEqualTo(503);
        assertThat(reply.body()).isEqualTo("{\"status\":\"unavailable\",\"database\":\"down\"}");
    }

    @Test
    void a_turn_is_503_database_unavailable_with_retry_after() throws Exception {
        HttpResponse<String> reply = client.send(request("/api/alice/chat")
                .header("Authorization", "Bearer " + tokens.issue(new UserId("alice"), Duration.ofMinutes(5)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"Add a task to buy milk\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(reply.statusCode()).isEqualTo(503);
        assertThat(new ObjectMapper().readTree(reply.body()).get("error").asText()).isEqualTo("DatabaseUnavailable");
        assertThat(reply.headers().firstValue("Retry-After")).hasValue("5");
        // a lost database is an outage, not a bug: one line naming the request, no stack trace
        assertThat(logs.problemsBesideTurnLines()).singleElement().satisfies(warning -> {
            assertThat(warning.getFormattedMessage()).endsWith("(POST /api/alice/chat) refused: the database cannot be"
                    + " reached");
            assertThat(warning.getThrowableProxy()).isNull();
        });
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path));
    }
}
