package dev.todochat.domain.chat;

import dev.todochat.domain.ConversationId;
import dev.todochat.domain.Usage;

import java.util.List;

/**
 * What a turn answers: the conversation, the assistant's reply, the tools it ran in order, and the tokens used.
 * {@code replayed} says the answer is the stored one of an earlier run of the same idempotent request: nothing ran
 * again.
 */
public record TurnResult(ConversationId conversationId, String response, List<ToolInvocation> toolCalls, Usage usage,
                         boolean replayed) {
    public TurnResult {
        toolCalls = List.copyOf(toolCalls);
    }

    public TurnResult(ConversationId conversationId, String response, List<ToolInvocation> toolCalls, Usage usage) {
        this(conversationId, response, toolCalls, usage, false);
    }

    public TurnResult asReplay() {
        return new TurnResult(conversationId, response, toolCalls, usage, true);
    }
}
