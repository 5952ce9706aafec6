package dev.todochat.persistence.internal;

import dev.todochat.domain.AssistantMessage;
import dev.todochat.domain.Message;
import dev.todochat.domain.RecordedMessage;
import dev.todochat.domain.ToolResult;
import dev.todochat.domain.ToolResultMessage;
import dev.todochat.domain.Usage;
import dev.todochat.domain.UserMessage;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A {@code messages} row as a {@link RecordedMessage}, its kind chosen by {@code role}. */
final class RecordedMessageMapper implements RowMapper<RecordedMessage> {
    static final String COLUMNS = "seq, role, content, tool_calls, tool_call_id, tool_name, tool_result, is_error, "
            + "input_tokens, output_tokens, created_at";

    private final JsonColumns json;

    RecordedMessageMapper(JsonColumns json) {
        this.json = json;
    }

    @Override
    public RecordedMessage map(ResultSet row, StatementContext context) throws SQLException {
        return new RecordedMessage(row.getLong("seq"), Columns.instant(row, "created_at"), message(row));
    }

    private Message message(ResultSet row) throws SQLException {
        String role = row.getString("role");
        return switch (role) {
            case "user" -> new UserMessage(row.getString("content"));
            case "assistant" -> new AssistantMessage(row.getString("content"),
                    json.readToolCalls(row.getString("tool_calls")),
                    new Usage(row.getLong("input_tokens"), row.getLong("output_tokens")));
            case "tool" -> new ToolResultMessage(row.getString("tool_call_id"), row.getString("tool_name"),
                    new ToolResult(row.getBoolean("is_error"), json.readObject(row.getString("tool_result"))));
            default -> throw new IllegalStateException("a stored message has the unknown role " + role);
        };
    }
}
