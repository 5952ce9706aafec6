package dev.todochat.application;

import dev.todochat.domain.NotFound;
import dev.todochat.domain.Task;
import dev.todochat.domain.TaskChanges;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.TaskId;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.Storage;

import java.time.Clock;
import java.util.List;

/**
 * One user's tasks, read and changed directly (for a REST API or an embedding app) with the same rules as the chat
 * tools: each call is one short transaction, and another user's task is missing exactly like one that never existed.
 *
 * <pre>{@code
 * Task task = chat.tasks(alice).add("Review the mockups", null);
 * chat.tasks(alice).update(task.id(), new TaskChanges(null, null, true));
 * }</pre>
 */
public final class UserTasks {
    private final Storage storage;
    private final Clock clock;
    private final UserId owner;

    UserTasks(Storage storage, Clock clock, UserId owner) {
        this.storage = storage;
        this.clock = clock;
        this.owner = owner;
    }

    /** Oldest first. */
    public List<Task> list(TaskFilter filter) {
        return storage.inTransaction(unit -> unit.tasks().list(owner, filter));
    }

    /**
     * Adds a pending task.
     *
     * @throws dev.todochat.domain.InvalidInput when the title is not 1..200 characters on one line, or the description
     *                                          is over 2,000 characters or holds control characters
     */
    public Task add(String title, String description) {
        String checkedTitle = Task.checkTitle(title);
        String checkedDescription = Task.checkDescription(description);
        return storage.inTransaction(unit -> unit.tasks().add(owner, checkedTitle, checkedDescription, clock.instant()));
    }

    /** @throws NotFound when the user has no such task */
    public Task get(TaskId id) {
        return storage.inTransaction(unit -> unit.tasks().find(owner, id)).orElseThrow(() -> missing(id));
    }

    /** @throws NotFound when the user has no such task */
    public Task update(TaskId id, TaskChanges changes) {
        return storage.inTransaction(unit -> unit.tasks().update(owner, id, changes, clock.instant()))
                .orElseThrow(() -> missing(id));
    }

    /**
     * Deletes the task.
     *
     * @return the task as it was
     * @throws NotFound when the user has no such task
     */
    public Task delete(TaskId id) {
        return storage.inTransaction(unit -> unit.tasks().delete(owner, id)).orElseThrow(() -> missing(id));
    }

    private static NotFound missing(TaskId id) {
        return NotFound.task(id);
    }
}
