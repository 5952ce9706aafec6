package dev.todochat.testing.contract;

import dev.todochat.domain.Task;
import dev.todochat.domain.TaskChanges;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.TaskId;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.Storage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.todochat.testing.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link dev.todochat.domain.port.Tasks} promises: each user's tasks apart, oldest first, completing twice
 * changes nothing, an update changes only what it names. Extend it with the storage to check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TasksContract {
    /** The storage under test; every test uses users of its own, so one storage may serve them all. */
    protected abstract Storage storage();

    private static final Instant LATER = T0.plus(Duration.ofMinutes(5));
    private static final Instant LATER_STILL = T0.plus(Duration.ofMinutes(9));

    private UserId alice;
    private UserId bob;

    @BeforeEach
    void new_users() {
        alice = Fixtures.newUser("alice");
        bob = Fixtures.newUser("bob");
    }

    @Test
    public void an_added_task_is_pending_and_found_by_its_owner() {
        Task added = add(alice, "Review the mockups", "Before Friday", T0);

        assertThat(added.id().value()).isPositive();
        assertThat(added).isEqualTo(new Task(added.id(), alice, "Review the mockups", "Before Friday", false, T0, T0));
        assertThat(find(alice, added.id())).contains(added);
    }

    @Test
    public void each_user_numbers_their_own_tasks_from_one() {
        Task alicesFirst = add(alice, "First", null, T0);
        Task bobsFirst = add(bob, "Bob's first", null, T0);
        Task alicesSecond = add(alice, "Second", null, T0);

        assertThat(alicesFirst.id()).isEqualTo(new TaskId(1));
        assertThat(alicesSecond.id()).isEqualTo(new TaskId(2));
        assertThat(bobsFirst.id()).isEqualTo(new TaskId(1));
        assertThat(find(bob, new TaskId(1))).contains(bobsFirst);
    }

    @Test
    public void a_deleted_tasks_number_is_never_given_again() {
        add(alice, "First", null, T0);
        Task second = add(alice, "Second", null, T0);
        storage().inTransaction(unit -> unit.tasks().delete(alice, second.id()));

        assertThat(add(alice, "Third", null, T0).id()).isEqualTo(new TaskId(3));
    }

    @Test
    public void the_list_is_oldest_first_and_filters_by_status() {
        Task first = add(alice, "First", null, T0);
        Task second = add(alice, "Second", null, T0);
        Task third = add(alice, "Third", null, T0);
        Task completedSecond = complete(alice, second.id(), LATER).orElseThrow();

        assertThat(list(alice, TaskFilter.ALL)).containsExactly(first, completedSecond, third);
        assertThat(list(alice, TaskFilter.PENDING)).containsExactly(first, third);
        assertThat(list(alice, TaskFilter.COMPLETED)).containsExactly(completedSecond);
    }

    @Test
    public void a_user_lists_only_their_own_tasks() {
        Task mine = add(alice, "Mine", null, T0);
        add(bob, "Bob's", null, T0);

        assertThat(list(alice, TaskFilter.ALL)).containsExactly(mine);
    }

    @Test
    public void completing_twice_changes_nothing_the_second_time() {
        Task task = add(alice, "Call the bank", null, T0);

        Task once = complete(alice, task.id(), LATER).orElseThrow();
        Task twice = complete(alice, task.id(), LATER_STILL).orElseThrow();

        assertThat(once.completed()).isTrue();
        assertThat(once.updatedAt()).isEqualTo(LATER);
        assertThat(twice).isEqualTo(once);
    }

    @Test
    public void an_update_changes_only_the_given_fields() {
        Task task = add(alice, "Draft", "Old notes", T0);

        Task retitled = update(alice, task.id(), new TaskChanges("Final", null), LATER).orElseThrow();
        Task cleared = update(alice, task.id(), new TaskChanges(null, ""), LATER_STILL).orElseThrow();

        assertThat(retitled).isEqualTo(new Task(task.id(), alice, "Final", "Old notes", false, T0, LATER));
        assertThat(cleared).isEqualTo(new Task(task.id(), alice, "Final", null, false, T0, LATER_STILL));
        assertThat(find(alice, task.id())).contains(cleared);
    }

    @Test
    public void an_update_can_reopen_a_completed_task_and_complete_it_again() {
        Task task = add(alice, "Water the plants", "the big ones", T0);
        complete(alice, task.id(), LATER);

        Task reopened = update(alice, task.id(), new TaskChanges(null, null, false), LATER_STILL).orElseThrow();
        Task completed = update(alice, task.id(), new TaskChanges("Water all plants", null, true), LATER_STILL)
                .orElseThrow();

        assertThat(reopened).isEqualTo(new Task(task.id(), alice, "Water the plants", "the big ones", false, T0,
                LATER_STILL));
        assertThat(completed).isEqualTo(new Task(task.id(), alice, "Water all plants", "the big ones", true, T0,
                LATER_STILL));
        assertThat(list(alice, TaskFilter.COMPLETED)).containsExactly(completed);
    }

    @Test
    public void delete_returns_the_task_as_it_was_and_removes_it() {
        Task task = add(alice, "Obsolete", "no longer needed", T0);

        assertThat(delete(alice, task.id())).contains(task);
        assertThat(find(alice, task.id())).isEmpty();
        assertThat(delete(alice, task.id())).isEmpty();
    }

    @Test
    public void another_users_task_is_missing_for_every_operation_and_stays_unchanged() {
        Task task = add(alice, "Alice's secret", "private", T0);
        TaskId id = task.id();

        assertThat(find(bob, id)).isEmpty();
        assertThat(complete(bob, id, LATER)).isEmpty();
        assertThat(update(bob, id, new TaskChanges("Hijacked", ""), LATER)).isEmpty();
        assertThat(delete(bob, id)).isEmpty();
        assertThat(list(bob, TaskFilter.ALL)).isEmpty();

        assertThat(find(alice, id)).contains(task);
    }

    @Test
    public void an_unknown_task_is_missing() {
        TaskId unknown = new TaskId(Long.MAX_VALUE);

        assertThat(find(alice, unknown)).isEmpty();
        assertThat(complete(alice, unknown, LATER)).isEmpty();
        assertThat(update(alice, unknown, new TaskChanges("x", null), LATER)).isEmpty();
        assertThat(delete(alice, unknown)).isEmpty();
        assertThat(list(alice, TaskFilter.ALL)).isEqualTo(List.of());
    }

    private Task add(UserId owner, String title, String description, Instant at) {
        return storage().inTransaction(unit -> unit.tasks().add(owner, title, description, at));
    }

    private List<Task> list(UserId owner, TaskFilter filter) {
        return storage().inTransaction(unit -> unit.tasks().list(owner, filter));
    }

    private Optional<Task> find(UserId owner, TaskId id) {
        return storage().inTransaction(unit -> unit.tasks().find(owner, id));
    }

    private Optional<Task> complete(UserId owner, TaskId id, Instant at) {
        return storage().inTransaction(unit -> unit.tasks().complete(owner, id, at));
    }

    private Optional<Task> update(UserId owner, TaskId id, TaskChanges changes, Instant at) {
        return storage().inTransaction(unit -> unit.tasks().update(owner, id, changes, at));
    }

    private Optional<Task> delete(UserId owner, TaskId id) {
        return storage().inTransaction(unit -> unit.tasks().delete(owner, id));
    }
}
