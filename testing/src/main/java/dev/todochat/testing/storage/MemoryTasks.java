package dev.todochat.testing.storage;

import dev.todochat.domain.Task;
import dev.todochat.domain.TaskChanges;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.TaskId;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.Tasks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link Tasks} in memory: ids from one sequence shared by all users, as the table's identity column gives them. */
final class MemoryTasks implements Tasks {
    private final MemoryState state;

    MemoryTasks(MemoryState state) {
        this.state = state;
    }

    @Override
    public Task add(UserId owner, String title, String description, Instant at) {
        Instant time = MemoryState.stored(at);
        long number = state.lastTaskNumbers.merge(owner, 1L, Long::sum);
        return save(new Task(new TaskId(number), owner, title, description, false, time, time));
    }

    @Override
    public List<Task> list(UserId owner, TaskFilter filter) {
        return state.tasksOf(owner).values().stream().filter(filter::accepts).toList();
    }

    @Override
    public Optional<Task> find(UserId owner, TaskId id) {
        return Optional.ofNullable(state.tasksOf(owner).get(id.value()));
    }

    @Override
    public Optional<Task> complete(UserId owner, TaskId id, Instant at) {
        return find(owner, id).map(task -> task.completed() ? task : save(new Task(task.id(), owner, task.title(),
                task.description(), true, task.createdAt(), MemoryState.stored(at))));
    }

    @Override
    public Optional<Task> update(UserId owner, TaskId id, TaskChanges changes, Instant at) {
        return find(owner, id).map(task -> save(new Task(task.id(), owner, changes.applyTitle(task.title()),
                changes.applyDescription(task.description()), changes.applyCompleted(task.completed()),
                task.createdAt(), MemoryState.stored(at))));
    }

    @Override
    public Optional<Task> delete(UserId owner, TaskId id) {
        return find(owner, id).map(task -> state.tasksOf(owner).remove(task.id().value()));
    }

    private Task save(Task task) {
        state.tasksOf(task.owner()).put(task.id().value(), task);
        return task;
    }
}
