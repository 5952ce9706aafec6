package dev.todochat.http.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.todochat.application.MessagePage;
import dev.todochat.domain.AssistantMessage;
import dev.todochat.domain.RecordedMessage;
import dev.todochat.domain.ToolCall;
import dev.todochat.domain.ToolResultMessage;
import dev.todochat.domain.UserMessage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One message of a transcript as the REST API shows it: {@code content} for what the user and the assistant said,
 * {@code tool_calls} for the tools the assistant asked for, and {@code tool_call_id}, {@code tool_name},
 * {@code result} and {@code is_error} for a tool's answer. Fields a kind does not have are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageJson(long seq, String role, String content, List<ToolCallJson> toolCalls, String toolCallId,
                          String toolName, Map<String, Object> result, Boolean isError, Instant createdAt) {

    /** A tool call the assistant asked for: its id (answered by a result's {@code tool_call_id}), tool, input. */
    public record ToolCallJson(String id, String name, Map<String, Object> arguments) {
        static ToolCallJson of(ToolCall call) {
            return new ToolCallJson(call.id(), call.name(), call.arguments());
        }
    }

    /** {@code GET /api/{user_id}/conversations/{id}/messages}: in order, and the seq to ask after, or null. */
    public record Listing(List<MessageJson> messages, Long nextAfter) {
        static Listing of(MessagePage page) {
            return new Listing(page.messages().stream().map(MessageJson::of).toList(),
                    page.nextAfter().isPresent() ? page.nextAfter().getAsLong() : null);
        }
    }

    static MessageJson of(RecordedMessage recorded) {
        long seq = recorded.seq();
        Instant at = recorded.createdAt();
        return switch (recorded.message()) {
            case UserMessage user -> new MessageJson(seq, user.role(), user.text(), null, null, null, null, null, at);
            case AssistantMessage assistant -> new MessageJson(seq, assistant.role(), assistant.text(),
                    assistant.hasToolCalls() ? assistant.toolCalls().stream().map(ToolCallJson::of).toList() : null,
                    null, null, null, null, at);
            case ToolResultMessage tool -> new MessageJson(seq, tool.role(), null, null, tool.callId(), tool.toolName(),
                    tool.result().value(), tool.result().isError(), at);
        };
    }
}
