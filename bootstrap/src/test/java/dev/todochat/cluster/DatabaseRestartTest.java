package dev.todochat.cluster;

import dev.todochat.persistence.PostgresDatabase;
import dev.todochat.testing.openai.OpenAiStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server process on a PostgreSQL of the test's own, under a steady load of users, while the database restarts and,
 * separately, stays down for a while. The server is never restarted: it must recover by itself. While the database
 * is gone a request gets 503 with {@code Retry-After} (never a 500, never a hang); every turn that got a 200 is
 * stored whole and once; a turn that failed leaves its conversation usable.
 */
class DatabaseRestartTest {
    private static final String SECRET = "database-restart-secret-of-32-bytes";
    private static final int USERS = 6;

    @TempDir
    Path workDir;

    @Test
    void the_same_server_rides_out_a_database_restart_and_an_outage_losing_no_acknowledged_turn() {
        try (OwnPostgres postgres = OwnPostgres.start();
             OpenAiStub model = OpenAiStub.responding(Duration.ofMillis(50), new TaskModel()::answer);
             Instance server = Instance.start("server", Map.of(
                     "DATABASE_URL", postgres.url(""),
                     "DATABASE_POOL_SIZE", "4",
                     "DATABASE_POOL_WAIT", "1s",
                     "TURN_LEASE", "3s",
                     "JWT_SECRET", SECRET,
                     "OPENAI_BASE_URL", model.baseUrl(),
                     "OPENAI_API_KEY", "sk-restart",
                     "RATE_LIMIT_USER_PER_MINUTE", "10000",
                     "RATE_LIMIT_ADDRESS_PER_MINUTE", "0",
                     "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")), workDir);
             ChatClient client = new ChatClient(SECRET, server::uri, Duration.ofSeconds(20))) {
            ChatClient.warmUp(SECRET, server::uri);
            long pid = server.process().pid();
            try (SteadyLoad load = new SteadyLoad(client, USERS, "steady")) {
                rideOut(postgres, load);
                load.close();

                assertThat(server.process().isAlive()).isTrue();
                assertThat(server.process().pid()).as("the same server process").isEqualTo(pid);
                assertThat(load.turns()).as("answers (%s): never a 500, never a hang", load.summary())
                        .allSatisfy(turn -> assertThat(turn.reply().status()).as(turn.reply().body()).isIn(200, 409, 503));
                assertThat(load.turns()).filteredOn(turn -> turn.reply().status() == 503)
                        .allSatisfy(turn -> assertThat(turn.reply().retryAfter()).isPresent());
                try (PostgresDatabase database = PostgresDatabase.connect(postgres.url(""), 2)) {
                    load.assertEveryAcknowledgedTurnStoredOnceAndEveryConversationUsable(new StoredTurns(database));
                }
            }
        }
    }

    /** A fast restart, then a stop that lasts until every user has been refused three times, both under load. */
    private static void rideOut(OwnPostgres postgres, SteadyLoad load) {
        load.awaitAnswers(reply -> reply.status() == 200, "steady", 2 * USERS);

        load.phase(SteadyLoad.CHANGING);
        postgres.restart();
        load.phase("restarted");
        load.awaitAnswers(reply -> reply.status() == 200, "restarted", 2 * USERS);

        load.phase(SteadyLoad.CHANGING);
        postgres.stop();
        load.phase("down");
        load.awaitAnswers(reply -> reply.status() == 503, "down", 3 * USERS);
        load.phase(SteadyLoad.CHANGING);
        postgres.startAgain();
        load.phase("back");
        load.awaitAnswers(reply -> reply.status() == 200, "back", 2 * USERS);
    }
}
