package dev.todochat.bootstrap;

import dev.todochat.llm.offline.OfflineAssistant;
import dev.todochat.llm.openai.OpenAiModel;
import dev.todochat.llm.openai.OpenAiSettings;
import dev.todochat.persistence.PostgresDatabase;
import dev.todochat.testing.TestPostgres;
import dev.todochat.testing.openai.OpenAiStub;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /ready}: ready only while the database answers and carries this build's schema; the model service is
 * reported, never a reason to leave the load balancer. {@code /health} stays the cheap liveness answer.
 */
class ReadinessTest {
    /** What the failures this test provokes log, kept off the console. */
    @RegisterExtension
    final CapturedLogs expectedWarnings = new CapturedLogs();

    private static final Pattern HOST_AND_PORT = Pattern.compile("//([^/:]+):(\\d+)/");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void ready_goes_503_when_the_database_stops_answering_and_200_when_it_returns() throws IOException {
        String url = TestPostgres.freshDatabaseUrl();
        Matcher address = HOST_AND_PORT.matcher(url);
        assertThat(address.find()).as("a host and port in %s", url).isTrue();
        try (CuttableProxy line = new CuttableProxy(address.group(1), Integer.parseInt(address.group(2)));
             RunningServer server = RunningServer.on(address.replaceFirst("//127.0.0.1:" + line.port() + "/"),
                     new OfflineAssistant())) {
            RunningServer.Reply ready = server.get("/ready");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().get("status").asText()).isEqualTo("ready");
            assertThat(ready.json().at("/checks/database").asText()).isEqualTo("up");
            assertThat(ready.json().at("/checks/schema_version").asText())
                    .isEqualTo(ready.json().at("/checks/expected_schema_version").asText());
            assertThat(ready.json().at("/checks/model").asText()).isEqualTo("built-in");

            line.cut();
            RunningServer.Reply down = awaitStatus(server, 503);

            assertThat(down.json().get("error").asText()).isEqualTo("NotReady");
            assertThat(down.json().get("details").asText()).isEqualTo("the database does not answer");
            assertThat(down.json().at("/checks/database").asText()).isEqualTo("down");

            line.restore();
            RunningServer.Reply back = awaitStatus(server, 200);

            assertThat(back.json().at("/checks/database").asText()).isEqualTo("up");
        }
    }

    @Test
    void ready_is_503_while_the_schema_lacks_a_migration_of_this_build() {
        String url = TestPostgres.freshDatabaseUrl();
        try (RunningServer server = RunningServer.on(url, new OfflineAssistant())) {
            String expected = server.get("/ready").json().at("/checks/expected_schema_version").asText();
            try (PostgresDatabase database = PostgresDatabase.connect(url, 3)) {
                Flyway flyway = Flyway.configure().dataSource(database.dataSource()).cleanDisabled(false).load();
                flyway.clean();
                Flyway.configure().dataSource(database.dataSource()).target("1").load().migrate();
            }

            RunningServer.Reply behind = server.get("/ready");

            assertThat(behind.status()).isEqualTo(503);
            assertThat(behind.json().get("error").asText()).isEqualTo("NotReady");
            assertThat(behind.json().get("details").asText())
                    .contains("schema is at version 1", "expects version " + expected, "migrate");
            assertThat(server.get("/health").status()).isEqualTo(200);
        }
    }

    @Test
    void ready_reports_the_model_service_without_failing_on_it() {
        OpenAiStub stub = OpenAiStub.start();
        String baseUrl = stub.baseUrl();
        try (OpenAiModel model = new OpenAiModel(OpenAiSettings.defaults().withBaseUrl(baseUrl));
             RunningServer server = RunningServer.with(model)) {
            assertThat(server.get("/ready").json().at("/checks/model").asText()).isEqualTo("reachable");
            assertThat(stub.requests()).as("a probe spends no model call").isEmpty();
        } finally {
            stub.close();
        }
        try (OpenAiModel model = new OpenAiModel(OpenAiSettings.defaults().withBaseUrl(baseUrl));
             RunningServer server = RunningServer.with(model)) {
            RunningServer.Reply ready = server.get("/ready");

            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().at("/checks/model").asText()).isEqualTo("unreachable");
        }
    }

    /** Polls {@code /ready} until it answers {@code status}: the pool notices a lost database on its next check. */
    private static RunningServer.Reply awaitStatus(RunningServer server, int status) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        RunningServer.Reply reply = server.get("/ready");
        while (reply.status() != status && Instant.now().isBefore(giveUp)) {
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            reply = server.get("/ready");
        }
        assertThat(reply.status()).as("GET /ready within %s: %s", PATIENCE, reply.body()).isEqualTo(status);
        return reply;
    }
}
