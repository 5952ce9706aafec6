package dev.todochat.domain.port;

import dev.todochat.domain.AssistantMessage;
import dev.todochat.domain.ToolCall;
import dev.todochat.domain.Usage;

import java.util.List;

/** What one model call answered: text, tool calls to carry out (in order), and the tokens it used. */
public record ModelReply(String text, List<ToolCall> toolCalls, Usage usage) {
    public ModelReply {
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        usage = usage == null ? Usage.NONE : usage;
    }

    public static ModelReply text(String text) {
        return new ModelReply(text, List.of(), Usage.NONE);
    }

    public static ModelReply toolCalls(ToolCall... calls) {
        return new ModelReply("", List.of(calls), Usage.NONE);
    }

    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }

    public AssistantMessage asMessage() {
        return new AssistantMessage(text, toolCalls, usage);
    }
}
