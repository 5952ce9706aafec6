package dev.todochat.cluster;

import dev.todochat.persistence.PostgresDatabase;
import dev.todochat.testing.TestPostgres;
import dev.todochat.testing.openai.OpenAiStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model service restarts under load: its process goes away with the server's pooled connections to it (and the
 * calls in flight on them), stays away for a moment, and comes back at the same address. Turns are retried or fail
 * with a clear 502/503; once it is back the next turns succeed, and todochat was never restarted.
 */
class ModelRestartTest {
    private static final String SECRET = "model-restart-secret-of-32-bytes-long";
    private static final int USERS = 6;
    private static final Duration THINKING = Duration.ofMillis(100);

    @TempDir
    Path workDir;

    @Test
    void pooled_connections_to_a_restarted_model_service_die_and_the_next_turns_succeed_on_the_same_server() {
        String databaseUrl = TestPostgres.freshDatabaseUrl();
        TaskModel answers = new TaskModel();
        OpenAiStub first = OpenAiStub.responding(THINKING, answers::answer);
        int port = first.port();
        try (Instance server = Instance.start("server", Map.of(
                     "DATABASE_URL", databaseUrl,
                     "JWT_SECRET", SECRET,
                     "OPENAI_BASE_URL", first.baseUrl(),
                     "OPENAI_API_KEY", "sk-model-restart",
                     "OPENAI_MAX_RETRIES", "1",
                     "RATE_LIMIT_USER_PER_MINUTE", "10000",
                     "RATE_LIMIT_ADDRESS_PER_MINUTE", "0",
                     "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")), workDir);
             ChatClient client = new ChatClient(SECRET, server::uri, Duration.ofSeconds(30));
             SteadyLoad load = new SteadyLoad(client, USERS, "steady")) {
            ChatClient.warmUp(SECRET, server::uri);
            long pid = server.process().pid();
            load.awaitAnswers(reply -> reply.status() == 200, "steady", 2 * USERS);

            load.phase(SteadyLoad.CHANGING);
            first.close();
            load.phase("down");
            load.awaitAnswers(reply -> reply.status() == 503, "down", USERS);
            load.phase(SteadyLoad.CHANGING);
            try (OpenAiStub second = OpenAiStub.responding(port, THINKING, answers::answer)) {
                load.phase("back");
                load.awaitAnswers(reply -> reply.status() == 200, "back", 2 * USERS);
                load.close();

                assertThat(server.process().pid()).as("the same server process").isEqualTo(pid);
                assertThat(load.turns()).as("answers (%s): retried, or a clear 502/503", load.summary())
                        .allSatisfy(turn -> assertThat(turn.reply().status()).as(turn.reply().body())
                                .isIn(200, 502, 503));
                assertThat(load.turns()).filteredOn(turn -> turn.reply().status() == 503).allSatisfy(turn -> {
                    assertThat(turn.reply().json().path("error").asText()).isEqualTo("ModelUnavailable");
                    assertThat(turn.reply().retryAfter()).isPresent();
                });
                try (PostgresDatabase database = PostgresDatabase.connect(databaseUrl, 2)) {
                    load.assertEveryAcknowledgedTurnStoredOnceAndEveryConversationUsable(new StoredTurns(database));
                }
            }
        } finally {
            first.close();
        }
    }
}
