package dev.todochat.persistence.internal;

import dev.todochat.domain.Conversation;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.UserId;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** A {@code conversations} row as a {@link Conversation}. */
final class ConversationMapper implements RowMapper<Conversation> {
    static final String COLUMNS = "id, user_id, title, created_at, updated_at";

    @Override
    public Conversation map(ResultSet row, StatementContext context) throws SQLException {
        return new Conversation(new ConversationId(row.getObject("id", UUID.class)), new UserId(row.getString("user_id")),
                row.getString("title"), Columns.instant(row, "created_at"), Columns.instant(row, "updated_at"));
    }
}
