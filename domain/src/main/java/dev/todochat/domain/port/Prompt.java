package dev.todochat.domain.port;

import dev.todochat.domain.Message;
import dev.todochat.domain.tool.ToolSpec;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the model is given for one call: the history window, oldest first (ending with the newest user message or
 * with the results of the tools it asked for), the tools it may call, the current time, and when the turn must have
 * finished: a model that waits on a service should give up by then (the turn is over anyway).
 */
public record Prompt(List<Message> history, List<ToolSpec> tools, Instant now, Optional<Instant> deadline) {
    public Prompt {
        history = List.copyOf(history);
        tools = List.copyOf(tools);
        if (now == null) {
            throw new IllegalArgumentException("a prompt needs the current time");
        }
        deadline = deadline == null ? Optional.empty() : deadline;
    }

    /** A prompt with no deadline. */
    public Prompt(List<Message> history, List<ToolSpec> tools, Instant now) {
        this(history, tools, now, Optional.empty());
    }
}
