package dev.todochat.testing.openai;

import java.util.List;

/**
 * One successful answer of the stub's model: text (in pieces, each one delta when the client streams), tool calls
 * in order, and the token usage it reports. The stub answers in the form the request asks for: one JSON completion,
 * or a stream of chunks when the request has {@code "stream": true} (with a usage chunk when it asks for one).
 */
public record StubReply(List<String> textPieces, List<StubToolCall> toolCalls, long promptTokens,
                        long completionTokens) {
    public StubReply {
        textPieces = List.copyOf(textPieces);
        toolCalls = List.copyOf(toolCalls);
        if (promptTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }

    /** A text answer; streamed, each piece is one delta. Usage 10 + 5 tokens unless changed. */
    public static StubReply text(String... pieces) {
        return new StubReply(List.of(pieces), List.of(), 10, 5);
    }

    /** Tool calls without text. Usage 10 + 5 tokens unless changed. */
    public static StubReply toolCalls(StubToolCall... calls) {
        if (calls.length == 0) {
            throw new IllegalArgumentException("a tool call reply needs at least one call");
        }
        return new StubReply(List.of(), List.of(calls), 10, 5);
    }

    public StubReply withUsage(long prompt, long completion) {
        return new StubReply(textPieces, toolCalls, prompt, completion);
    }

    /** The same reply with text before its tool calls. */
    public StubReply withText(String... pieces) {
        return new StubReply(List.of(pieces), toolCalls, promptTokens, completionTokens);
    }

    public String text() {
        return String.join("", textPieces);
    }
}
