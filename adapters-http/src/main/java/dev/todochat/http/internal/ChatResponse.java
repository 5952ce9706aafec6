package dev.todochat.http.internal;

import dev.todochat.domain.Usage;
import dev.todochat.domain.chat.ToolInvocation;
import dev.todochat.domain.chat.TurnResult;

import java.util.List;
import java.util.Map;

/** The answer to a chat turn, as it goes on the wire (names become snake_case). */
public record ChatResponse(String conversationId, String response, List<ToolCallView> toolCalls, UsageView usage) {

    /** One tool the assistant ran: its name, the input it was given, and its result (with {@code error} on failure). */
    public record ToolCallView(String tool, Map<String, Object> input, Map<String, Object> result) {
        static ToolCallView of(ToolInvocation invocation) {
            return new ToolCallView(invocation.tool(), invocation.input(), invocation.result().value());
        }
    }

    /** Tokens the turn used across all its model calls. */
    public record UsageView(long inputTokens, long outputTokens, long totalTokens) {
        static UsageView of(Usage usage) {
            return new UsageView(usage.inputTokens(), usage.outputTokens(), usage.totalTokens());
        }
    }

    static ChatResponse of(TurnResult turn) {
        return new ChatResponse(turn.conversationId().toString(), turn.response(),
                turn.toolCalls().stream().map(ToolCallView::of).toList(), UsageView.of(turn.usage()));
    }
}
