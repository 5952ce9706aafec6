package dev.todochat.application;

import dev.todochat.domain.InvalidInput;
import dev.todochat.domain.NotFound;
import dev.todochat.domain.Task;
import dev.todochat.domain.TaskChanges;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.UserId;
import dev.todochat.llm.scripted.ScriptedModel;
import dev.todochat.testing.ManualClock;
import dev.todochat.testing.storage.InMemoryStorage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A user's tasks read and changed directly, with the tools' rules, each call its own transaction. */
class UserTasksTest {
    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
    private final ManualClock clock = ManualClock.at(T0);
    private final TodoChat chat = TodoChat.builder().storage(new InMemoryStorage()).model(ScriptedModel.create())
            .clock(clock).build();
    private final UserTasks alice = chat.tasks(new UserId("alice"));
    private final UserTasks bob = chat.tasks(new UserId("bob"));

    @Test
    void an_added_task_is_stripped_pending_and_found_again() {
        Task task = alice.add("  Review the mockups ", "before Friday");

        assertThat(task.title()).isEqualTo("Review the mockups");
        assertThat(task.completed()).isFalse();
        assertThat(alice.get(task.id())).isEqualTo(task);
    }

    @Test
    void a_bad_title_is_refused_and_nothing_is_stored() {
        assertThatThrownBy(() -> alice.add(" ", null)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> alice.add("x".repeat(201), null)).isInstanceOf(InvalidInput.class);

        assertThat(alice.list(TaskFilter.ALL)).isEmpty();
    }

    @Test
    void an_update_completes_a_task_at_the_clocks_time() {
        Task task = alice.add("Call the bank", null);
        clock.advance(Duration.ofMinutes(5));

        Task done = alice.update(task.id(), new TaskChanges(null, null, true));

        assertThat(done.completed()).isTrue();
        assertThat(done.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(alice.list(TaskFilter.COMPLETED)).containsExactly(done);
        assertThat(alice.list(TaskFilter.PENDING)).isEmpty();
    }

    @Test
    void delete_returns_the_task_as_it_was_and_then_it_is_missing() {
        Task task = alice.add("Obsolete", null);

        assertThat(alice.delete(task.id())).isEqualTo(task);

        assertThatThrownBy(() -> alice.get(task.id())).isInstanceOf(NotFound.class)
                .hasMessage("task " + task.id() + " was not found");
    }

    @Test
    void another_users_task_is_missing_for_every_call_and_stays_as_it_was() {
        Task task = alice.add("Alice's secret", "private");

        assertThatThrownBy(() -> bob.get(task.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> bob.update(task.id(), new TaskChanges("Hijacked", null))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> bob.delete(task.id())).isInstanceOf(NotFound.class);
        assertThat(bob.list(TaskFilter.ALL)).isEmpty();

        assertThat(alice.get(task.id())).isEqualTo(task);
    }
}
