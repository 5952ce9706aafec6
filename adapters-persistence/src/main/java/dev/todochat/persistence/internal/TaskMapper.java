package dev.todochat.persistence.internal;

import dev.todochat.domain.Task;
import dev.todochat.domain.TaskId;
import dev.todochat.domain.UserId;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A {@code tasks} row as a {@link Task}. */
final class TaskMapper implements RowMapper<Task> {
    static final String COLUMNS = "id, user_id, title, description, completed, created_at, updated_at";

    @Override
    public Task map(ResultSet row, StatementContext context) throws SQLException {
        return new Task(new TaskId(row.getLong("id")), new UserId(row.getString("user_id")), row.getString("title"),
                row.getString("description"), row.getBoolean("completed"),
                Columns.instant(row, "created_at"), Columns.instant(row, "updated_at"));
    }
}
