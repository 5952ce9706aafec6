package dev.todochat.persistence.internal;

import dev.todochat.domain.AssistantMessage;
import dev.todochat.domain.Message;
import dev.todochat.domain.ToolResultMessage;
import dev.todochat.domain.UserMessage;
import org.jdbi.v3.core.statement.SqlStatement;

/** The columns one message kind fills; the others stay null. */
record MessageColumns(String role, String content, String toolCalls, String toolCallId, String toolName,
                      String toolResult, Boolean isError, Long inputTokens, Long outputTokens) {

    static MessageColumns of(Message message, JsonColumns json) {
        return switch (message) {
            case UserMessage user -> new MessageColumns(user.role(), user.text(), null, null, null, null, null, null, null);
            case AssistantMessage assistant -> new MessageColumns(assistant.role(), assistant.text(),
                    assistant.hasToolCalls() ? json.writeToolCalls(assistant.toolCalls()) : null, null, null, null, null,
                    assistant.usage().inputTokens(), assistant.usage().outputTokens());
            case ToolResultMessage tool -> new MessageColumns(tool.role(), null, null, tool.callId(), tool.toolName(),
                    json.writeObject(tool.result().value()), tool.result().isError(), null, null);
        };
    }

    /** The placeholders of row {@code row} of a multi-row {@code VALUES}, in the order of {@link #bindTo}. */
    static String placeholders(int row) {
        return "CAST(:role" + row + " AS text), CAST(:content" + row + " AS text), CAST(:toolCalls" + row
                + " AS jsonb), CAST(:toolCallId" + row + " AS text), CAST(:toolName" + row + " AS text), CAST(:toolResult"
                + row + " AS jsonb), CAST(:isError" + row + " AS boolean), CAST(:inputTokens" + row
                + " AS bigint), CAST(:outputTokens" + row + " AS bigint)";
    }

    /** Binds {@code :role0}, {@code :content0}, … for row {@code row} of a multi-row {@code VALUES}. */
    <T extends SqlStatement<T>> T bindTo(T statement, int row) {
        return statement.bind("role" + row, role)
                .bind("content" + row, content)
                .bind("toolCalls" + row, toolCalls)
                .bind("toolCallId" + row, toolCallId)
                .bind("toolName" + row, toolName)
                .bind("toolResult" + row, toolResult)
                .bind("isError" + row, isError)
                .bind("inputTokens" + row, inputTokens)
                .bind("outputTokens" + row, outputTokens);
    }
}
