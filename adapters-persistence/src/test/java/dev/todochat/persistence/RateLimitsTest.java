package dev.todochat.persistence;

import dev.todochat.application.RateLimits;
import dev.todochat.application.RateLimits.Decision;
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

/** Two instances of the server, each with its own pool on one database, take from the same budgets. */
class RateLimitsTest {
    private final ManualClock clock = ManualClock.startingNow();
    private final String url = TestPostgres.freshDatabaseUrl();
    private final PostgresDatabase first = migrated(url);
    private final PostgresDatabase second = PostgresDatabase.connect(url, 4);
    private final RateLimits onFirst = first.rateLimits(clock);
    private final RateLimits onSecond = second.rateLimits(clock);

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    @Test
    void should_share_one_budget_between_two_instances() {
        for (int turn = 0; turn < 30; turn++) {
            RateLimits instance = turn % 2 == 0 ? onFirst : onSecond;
            assertThat(instance.check("user:alice", 30).allowed()).as("turn %d", turn + 1).isTrue();
        }

        Decision thirtyFirst = onFirst.check("user:alice", 30);

        assertThat(thirtyFirst.allowed()).isFalse();
        assertThat(thirtyFirst.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(onSecond.check("user:alice", 30).allowed()).isFalse();
    }

    @Test
    void should_let_exactly_the_budget_through_when_both_instances_are_asked_at_once() throws Exception {
        List<Callable<Boolean>> checks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            RateLimits instance = i % 2 == 0 ? onFirst : onSecond;
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
    void should_refuse_a_limit_below_one() {
        assertThatThrownBy(() -> onFirst.check("user:gina", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void spend(RateLimits limits, String key, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(limits.check(key, times).allowed()).as("request %d of %d", i + 1, times).isTrue();
        }
    }

    private static PostgresDatabase migrated(String url) {
        PostgresDatabase database = PostgresDatabase.connect(url, 4);
        database.migrate();
        return database;
    }
}
