package dev.todochat.persistence.internal;

import dev.todochat.domain.Task;
import dev.todochat.domain.TaskChanges;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.TaskId;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.Tasks;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link Tasks} on the {@code tasks} table; every statement is bounded by {@code user_id = :owner}. */
final class JdbiTasks implements Tasks {
    private static final TaskMapper MAPPER = new TaskMapper();
    private static final String RETURNING = " RETURNING " + TaskMapper.COLUMNS;
    private static final String SELECT = "SELECT " + TaskMapper.COLUMNS + " FROM tasks WHERE user_id = :owner";
    private static final String ONE = " AND id = :id";
    /**
     * Takes the user's next task number, in the same statement as the insert: the upsert's row lock serialises one
     * user's concurrent adds, and a number once taken is never given again, even after its task is deleted.
     */
    private static final String NEXT_NUMBER = "WITH next AS (INSERT INTO task_numbers (user_id, last_id)"
            + " VALUES (:owner, 1) ON CONFLICT (user_id) DO UPDATE SET last_id = task_numbers.last_id + 1"
            + " RETURNING last_id) ";

    private final Handle handle;

    JdbiTasks(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Task add(UserId owner, String title, String description, Instant at) {
        return handle.createQuery(NEXT_NUMBER + "INSERT INTO tasks (user_id, id, title, description, created_at,"
                        + " updated_at) SELECT :owner, last_id, :title, :description, :at, :at FROM next" + RETURNING)
                .bind("owner", owner.value())
                .bind("title", title)
                .bind("description", description)
                .bind("at", Columns.stored(at))
                .map(MAPPER)
                .one();
    }

    @Override
    public List<Task> list(UserId owner, TaskFilter filter) {
        String status = switch (filter) {
            case ALL -> "";
            case PENDING -> " AND NOT completed";
            case COMPLETED -> " AND completed";
        };
        return handle.createQuery(SELECT + status + " ORDER BY id")
                .bind("owner", owner.value())
                .map(MAPPER)
                .list();
    }

    @Override
    public Optional<Task> find(UserId owner, TaskId id) {
        return one(SELECT + ONE, owner, id).map(MAPPER).findOne();
    }

    @Override
    public Optional<Task> complete(UserId owner, TaskId id, Instant at) {
        return one("UPDATE tasks SET completed = true, updated_at = CASE WHEN completed THEN updated_at ELSE :at END"
                + " WHERE user_id = :owner" + ONE + RETURNING, owner, id)
                .bind("at", Columns.stored(at))
                .map(MAPPER)
                .findOne();
    }

    @Override
    public Optional<Task> update(UserId owner, TaskId id, TaskChanges changes, Instant at) {
        return one(SELECT + ONE + " FOR UPDATE", owner, id).map(MAPPER).findOne()
                .map(current -> one("UPDATE tasks SET title = :title, description = :description,"
                        + " completed = :completed, updated_at = :at WHERE user_id = :owner" + ONE + RETURNING, owner, id)
                        .bind("title", changes.applyTitle(current.title()))
                        .bind("description", changes.applyDescription(current.description()))
                        .bind("completed", changes.applyCompleted(current.completed()))
                        .bind("at", Columns.stored(at))
                        .map(MAPPER)
                        .one());
    }

    @Override
    public Optional<Task> delete(UserId owner, TaskId id) {
        return one("DELETE FROM tasks WHERE user_id = :owner" + ONE + RETURNING, owner, id).map(MAPPER).findOne();
    }

    private Query one(String sql, UserId owner, TaskId id) {
        return handle.createQuery(sql).bind("owner", owner.value()).bind("id", id.value());
    }
}
