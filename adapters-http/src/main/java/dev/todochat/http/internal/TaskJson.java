package dev.todochat.http.internal;

import dev.todochat.domain.Task;

import java.time.Instant;
import java.util.List;

/** A task as the REST API shows it (names become snake_case). */
public record TaskJson(long id, String title, String description, boolean completed, Instant createdAt,
                       Instant updatedAt) {
    static TaskJson of(Task task) {
        return new TaskJson(task.id().value(), task.title(), task.description(), task.completed(), task.createdAt(),
                task.updatedAt());
    }

    /** {@code GET /api/{user_id}/tasks}: oldest first. */
    public record Listing(List<TaskJson> tasks) {
        static Listing of(List<Task> tasks) {
            return new Listing(tasks.stream().map(TaskJson::of).toList());
        }
    }
}
