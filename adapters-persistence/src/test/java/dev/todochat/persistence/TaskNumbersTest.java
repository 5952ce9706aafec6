package dev.todochat.persistence;

import dev.todochat.domain.Task;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.TaskId;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.Storage;
import dev.todochat.testing.TestPostgres;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static dev.todochat.persistence.TestDatabases.T0;
import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskNumbersTest {
    private final PostgresDatabase database = TestDatabases.migratedFresh();
    private final Storage storage = database.storage();

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    void each_user_numbers_their_tasks_from_one() {
        UserId alice = TestDatabases.newUser("alice");
        UserId bob = TestDatabases.newUser("bob");

        assertThat(add(alice, "Buy milk").id()).isEqualTo(new TaskId(1));
        assertThat(add(bob, "Call mom").id()).isEqualTo(new TaskId(1));
        assertThat(add(alice, "Pay rent").id()).isEqualTo(new TaskId(2));
    }

    @Test
    void a_deleted_tasks_number_is_never_given_again() {
        UserId alice = TestDatabases.newUser("alice");
        add(alice, "First");
        Task second = add(alice, "Second");
        storage.inTransaction(unit -> unit.tasks().delete(alice, second.id()));

        assertThat(add(alice, "Third").id()).isEqualTo(new TaskId(3));
    }

    @Test
    void concurrent_adds_by_one_user_take_distinct_consecutive_numbers() throws Exception {
        UserId alice = TestDatabases.newUser("alice");
        int adds = 60;
        List<Callable<Task>> calls = new ArrayList<>();
        for (int i = 0; i < adds; i++) {
            String title = "Task " + i;
            calls.add(() -> add(alice, title));
        }
        List<Long> numbers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Task> added : pool.invokeAll(calls)) {
                numbers.add(added.get().id().value());
            }
        }

        assertThat(numbers).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, adds).boxed().toList());
        List<Task> listed = storage.inTransaction(unit -> unit.tasks().list(alice, TaskFilter.ALL));
        assertThat(listed).hasSize(adds);
    }

    @Test
    void the_migration_renumbers_existing_tasks_per_user_keeping_their_order() {
        String url = TestPostgres.freshDatabaseUrl();
        try (PostgresDatabase old = PostgresDatabase.connect(url, 2)) {
            Flyway.configure().dataSource(old.dataSource()).locations("classpath:db/migration").target("3").load()
                    .migrate();
            Jdbi jdbi = Jdbi.create(old.dataSource());
            for (String[] row : new String[][] {{"alice", "a1"}, {"bob", "b1"}, {"alice", "a2"}, {"bob", "b2"},
                    {"alice", "a3"}}) {
                jdbi.useHandle(handle -> handle.execute("INSERT INTO tasks (user_id, title, created_at, updated_at)"
                        + " VALUES (?, ?, now(), now())", row[0], row[1]));
            }
            jdbi.useHandle(handle -> handle.execute("DELETE FROM tasks WHERE title = 'a2'"));

            old.migrate();

            Storage migrated = old.storage();
            assertThat(titlesByNumber(migrated, new UserId("alice"))).containsExactly("1 a1", "2 a3");
            assertThat(titlesByNumber(migrated, new UserId("bob"))).containsExactly("1 b1", "2 b2");
            assertThat(migrated.inTransaction(unit -> unit.tasks().add(new UserId("alice"), "a4", null, T0)).id())
                    .isEqualTo(new TaskId(3));
            assertThat(migrated.inTransaction(unit -> unit.tasks().add(new UserId("carol"), "c1", null, T0)).id())
                    .isEqualTo(new TaskId(1));
        }
    }

    private static List<String> titlesByNumber(Storage storage, UserId owner) {
        return storage.inTransaction(unit -> unit.tasks().list(owner, TaskFilter.ALL)).stream()
                .map(task -> task.id().value() + " " + task.title()).toList();
    }

    private Task add(UserId owner, String title) {
        return storage.inTransaction(unit -> unit.tasks().add(owner, title, null, T0));
    }
}
