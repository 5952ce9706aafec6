package dev.todochat.domain.tool;

import dev.todochat.domain.Task;
import dev.todochat.domain.TaskChanges;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.TaskId;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.Tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A list in memory, for the tools' argument handling; storage itself is tested on PostgreSQL. */
final class InMemoryTasks implements Tasks {
    private final List<Task> tasks = new ArrayList<>();
    private long nextId = 1;

    @Override
    public Task add(UserId owner, String title, String description, Instant at) {
        Task task = new Task(new TaskId(nextId++), owner, title, description, false, at, at);
        tasks.add(task);
        return task;
    }

    @Override
    public List<Task> list(UserId owner, TaskFilter filter) {
        return tasks.stream().filter(t -> t.owner().equals(owner) && filter.accepts(t)).toList();
    }

    @Override
    public Optional<Task> find(UserId owner, TaskId id) {
        return tasks.stream().filter(t -> t.owner().equals(owner) && t.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Task> complete(UserId owner, TaskId id, Instant at) {
        return replace(owner, id, t -> new Task(t.id(), t.owner(), t.title(), t.description(), true, t.createdAt(), at));
    }

    @Override
    public Optional<Task> update(UserId owner, TaskId id, TaskChanges changes, Instant at) {
        return replace(owner, id, t -> new Task(t.id(), t.owner(), changes.applyTitle(t.title()),
                changes.applyDescription(t.description()), changes.applyCompleted(t.completed()), t.createdAt(), at));
    }

    @Override
    public Optional<Task> delete(UserId owner, TaskId id) {
        Optional<Task> found = find(owner, id);
        found.ifPresent(tasks::remove);
        return found;
    }

    private Optional<Task> replace(UserId owner, TaskId id, java.util.function.UnaryOperator<Task> change) {
        return find(owner, id).map(t -> {
            Task changed = change.apply(t);
            tasks.set(tasks.indexOf(t), changed);
            return changed;
        });
    }
}
