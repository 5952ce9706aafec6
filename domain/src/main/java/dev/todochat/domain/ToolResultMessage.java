package dev.todochat.domain;

/** The result of one tool call, answering the call with the same {@code callId}. */
public record ToolResultMessage(String callId, String toolName, ToolResult result) implements Message {
    public ToolResultMessage {
        if (callId == null || toolName == null || result == null) {
            throw new IllegalArgumentException("a tool result needs its call id, tool name and result");
        }
    }

    @Override
    public String role() {
        return "tool";
    }
}
