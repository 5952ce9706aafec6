package dev.todochat.llm.offline;

import dev.todochat.domain.Task;
import dev.todochat.domain.TaskChanges;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.TaskId;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.Tasks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The {@link Tasks} port in memory: ids from 1, oldest first, each user's tasks apart. */
final class InMemoryTasks implements Tasks {
    private final TreeMap<Long, Task> tasks = new TreeMap<>();
    private long lastId;

    @Override
    public Task add(UserId owner, String title, String description, Instant at) {
        Task task = new Task(new TaskId(++lastId), owner, title, description, false, at, at);
        tasks.put(lastId, task);
        return task;
    }

    @Override
    public List<Task> list(UserId owner, TaskFilter filter) {
        return tasks.values().stream().filter(task -> task.owner().equals(owner) && filter.accepts(task)).toList();
    }

    @Override
    public Optional<Task> find(UserId owner, TaskId id) {
        return Optional.ofNullable(tasks.get(id.value())).filter(task -> task.owner().equals(owner));
    }

    @Override
    public Optional<Task> complete(UserId owner, TaskId id, Instant at) {
        return find(owner, id).map(task -> save(new Task(task.id(), owner, task.title(), task.description(), true,
                task.createdAt(), at)));
    }

    @Override
    public Optional<Task> update(UserId owner, TaskId id, TaskChanges changes, Instant at) {
        return find(owner, id).map(task -> save(new Task(task.id(), owner, changes.applyTitle(task.title()),
                changes.applyDescription(task.description()), task.completed(), task.createdAt(), at)));
    }

    @Override
    public Optional<Task> delete(UserId owner, TaskId id) {
        return find(owner, id).map(task -> tasks.remove(task.id().value()));
    }

    private Task save(Task task) {
        tasks.put(task.id().value(), task);
        return task;
    }
}
