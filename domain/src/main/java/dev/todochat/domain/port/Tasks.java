package dev.todochat.domain.port;

import dev.todochat.domain.Task;
import dev.todochat.domain.TaskChanges;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.TaskId;
import dev.todochat.domain.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Each user's tasks. A task of another user is treated exactly like a missing one. Titles and descriptions
 * arrive already checked ({@link Task#checkTitle}, {@link Task#checkDescription}).
 */
public interface Tasks {
    Task add(UserId owner, String title, String description, Instant at);

    /** Oldest first. */
    List<Task> list(UserId owner, TaskFilter filter);

    Optional<Task> find(UserId owner, TaskId id);

    /** Marks the task completed; completing a completed task changes nothing and still returns it. */
    Optional<Task> complete(UserId owner, TaskId id, Instant at);

    Optional<Task> update(UserId owner, TaskId id, TaskChanges changes, Instant at);

    /** Deletes the task and returns it as it was. */
    Optional<Task> delete(UserId owner, TaskId id);
}
