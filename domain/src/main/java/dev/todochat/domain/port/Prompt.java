package dev.todochat.domain.port;

import dev.todochat.domain.Message;
import dev.todochat.domain.tool.ToolSpec;

import java.time.Instant;
import java.util.List;

/**
 * What the model is given for one call: the history window, oldest first (ending with the newest user message or
 * with the results of the tools it asked for), the tools it may call, and the current time.
 */
public record Prompt(List<Message> history, List<ToolSpec> tools, Instant now) {
    public Prompt {
        history = List.copyOf(history);
        tools = List.copyOf(tools);
        if (now == null) {
            throw new IllegalArgumentException("a prompt needs the current time");
        }
    }
}
