package dev.todochat.persistence;

import dev.todochat.domain.chat.RateLimit;
import dev.todochat.domain.chat.RateLimited;
import dev.todochat.domain.port.Storage;
import dev.todochat.testing.TestPostgres;
import dev.todochat.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two instances of the server, each with its own pool on one database, take from the same budgets; a request takes
 * from all of its budgets or from none.
 */
class RateLimitsTest {
    private final ManualClock clock = ManualClock.startingNow();
    private final String url = TestPostgres.freshDatabaseUrl();
    private final PostgresDatabase first = migrated(url);
    private final PostgresDatabase second = PostgresDatabase.connect(url, 4);
    private final Budgets onFirst = new Budgets(first.storage(), clock);
    private final Budgets onSecond = new Budgets(second.storage(), clock);

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    @Test
    void should_share_one_budget_between_two_instances() {
        for (int turn = 0; turn < 30; turn++) {
            Budgets instance = turn % 2 == 0 ? onFirst : onSecond;
            assertThat(instance.check("user:alice", 30).allowed()).as("turn %d", turn + 1).isTrue();
        }

        assertThatThrownBy(() -> onFirst.take(new RateLimit("user:alice", 30, "for one user")))
                .isInstanceOfSatisfying(RateLimited.class, refused -> assertThat(refused.retryAfter()).isPositive()
                        .isLessThanOrEqualTo(Duration.ofSeconds(2)))
                .hasMessage("too many chat turns: at most 30 a minute for one user; try again in 2 s");
        assertThat(onSecond.check("user:alice", 30).allowed()).isFalse();
    }

    @Test
    void should_let_exactly_the_budget_through_when_both_instances_are_asked_at_once() throws Exception {
        List<Callable<Boolean>> checks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Budgets instance = i % 2 == 0 ? onFirst : onSecond;
            checks.add(() -> instance.check("user:bob", 20).allowed());
        }

        int allowed = 0;
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (Future<Boolean> answer : threads.invokeAll(checks)) {
                allowed += answer.get() ? 1 : 0;
            }
        }

        assertThat(allowed).isEqualTo(20);
    }

    @Test
    void should_refill_at_the_limits_rate() {
        spend(onFirst, "user:carol", 30);
        assertThat(onSecond.check("user:carol", 30).allowed()).isFalse();

        clock.advance(Duration.ofSeconds(2));
        assertThat(onSecond.check("user:carol", 30).allowed()).isTrue();
        assertThat(onFirst.check("user:carol", 30).allowed()).isFalse();

        clock.advance(Duration.ofMinutes(1));
        spend(onFirst, "user:carol", 30);
    }

    @Test
    void should_keep_each_key_to_its_own_budget() {
        spend(onFirst, "user:dave", 3);

        assertThat(onFirst.check("user:dave", 3).allowed()).isFalse();
        assertThat(onFirst.check("user:erin", 3).allowed()).isTrue();
        assertThat(onFirst.check("address:203.0.113.9", 3).allowed()).isTrue();
    }

    @Test
    void should_start_a_fresh_budget_when_the_limit_changes() {
        spend(onFirst, "user:frank", 2);
        assertThat(onFirst.check("user:frank", 2).allowed()).isFalse();

        assertThat(onSecond.check("user:frank", 5).allowed()).isTrue();
    }

    @Test
    void should_take_from_every_budget_of_a_request_or_from_none() {
        RateLimit address = new RateLimit("address:203.0.113.5", 10, "from one address");
        RateLimit user = new RateLimit("user:hugo", 2, "for one user");
        onFirst.take(address, user);
        onSecond.take(address, user);

        assertThatThrownBy(() -> onFirst.take(address, user)).isInstanceOf(RateLimited.class)
                .hasMessageContaining("at most 2 a minute for one user");

        spend(onSecond, "address:203.0.113.5", 10, 8);
        assertThat(onFirst.check("address:203.0.113.5", 10).allowed()).isFalse();
    }

    @Test
    void should_refuse_a_limit_below_one() {
        assertThatThrownBy(() -> new RateLimit("user:gina", 0, "for one user"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void spend(Budgets limits, String key, int times) {
        spend(limits, key, times, times);
    }

    private static void spend(Budgets limits, String key, int perMinute, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(limits.check(key, perMinute).allowed()).as("request %d of %d", i + 1, times).isTrue();
        }
    }

    /** The budgets as a turn's first transaction takes them, each check in a transaction of its own. */
    private record Budgets(Storage storage, ManualClock clock) {
        Outcome check(String key, int perMinute) {
            try {
                take(new RateLimit(key, perMinute, "for the test"));
                return new Outcome(true);
            } catch (RateLimited refused) {
                return new Outcome(false);
            }
        }

        void take(RateLimit... limits) {
            storage.inTransaction(unit -> {
                unit.rateLimits().take(List.of(limits), clock.instant());
                return null;
            });
        }
    }

    private record Outcome(boolean allowed) {
    }

    private static PostgresDatabase migrated(String url) {
        PostgresDatabase database = PostgresDatabase.connect(url, 4);
        database.migrate();
        return database;
    }
}
