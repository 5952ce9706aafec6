package dev.todochat.persistence.internal;

import dev.todochat.domain.AssistantMessage;
import dev.todochat.domain.Message;
import dev.todochat.domain.ToolResultMessage;
import dev.todochat.domain.UserMessage;
import org.jdbi.v3.core.statement.PreparedBatch;

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

    /** Binds {@code :role}, {@code :content}, {@code :toolCalls}, … for the next row of the batch. */
    PreparedBatch bindTo(PreparedBatch batch) {
        return batch.bind("role", role)
                .bind("content", content)
                .bind("toolCalls", toolCalls)
                .bind("toolCallId", toolCallId)
                .bind("toolName", toolName)
                .bind("toolResult", toolResult)
                .bind("isError", isError)
                .bind("inputTokens", inputTokens)
                .bind("outputTokens", outputTokens);
    }
}
