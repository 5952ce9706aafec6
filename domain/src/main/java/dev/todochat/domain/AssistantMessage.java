package dev.todochat.domain;

import java.util.List;

/**
 * What the assistant said: text, tool calls, or both. {@code usage} is the tokens spent to produce it (for the
 * final answer of a turn, the whole turn's sum).
 */
public record AssistantMessage(String text, List<ToolCall> toolCalls, Usage usage) implements Message {
    public AssistantMessage {
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        usage = usage == null ? Usage.NONE : usage;
    }

    public static AssistantMessage answer(String text, Usage usage) {
        return new AssistantMessage(text, List.of(), usage);
    }

    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }

    @Override
    public String role() {
        return "assistant";
    }
}
