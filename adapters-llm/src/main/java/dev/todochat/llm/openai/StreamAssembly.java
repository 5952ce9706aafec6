package dev.todochat.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todochat.domain.ToolCall;
import dev.todochat.domain.Usage;
import dev.todochat.domain.port.ModelReply;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Assembles a streamed completion while handing its text out as it arrives: text deltas are concatenated (a refusal
 * counts as text when there is no other, as in {@link CompletionReplies}), tool-call deltas are joined by their {@code index}
 * (the first carries id and name, the rest argument fragments), and usage is taken from whichever chunk carries it,
 * including the last choice's chunk; a stream may end without a {@code finish_reason}, as compatible servers' do.
 * An exception from the text consumer leaves as a {@link ConsumerFailure}, so that it is never mistaken for a fault
 * of the model service.
 */
final class StreamAssembly {
    private final Consumer<String> textDeltas;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder refusal = new StringBuilder();
    private final Map<Long, PartialCall> calls = new TreeMap<>();
    private Usage usage = Usage.NONE;
    private boolean sawChoice;

    StreamAssembly(Consumer<String> textDeltas) {
        this.textDeltas = textDeltas;
    }

    void add(JsonNode chunk) {
        if (chunk.path("usage").isObject()) {
            usage = CompletionReplies.usage(chunk.get("usage"));
        }
        for (JsonNode choice : chunk.path("choices")) {
            if (choice.path("index").asLong(0) != 0) {
                continue;
            }
            sawChoice = true;
            JsonNode delta = choice.path("delta");
            hand(CompletionReplies.text(delta.get("content")), text);
            hand(CompletionReplies.text(delta.get("refusal")), refusal);
            for (JsonNode call : delta.path("tool_calls")) {
                calls.computeIfAbsent(call.path("index").asLong(0), index -> new PartialCall()).add(call);
            }
        }
    }

    ModelReply reply() {
        if (!sawChoice) {
            throw new CallFault.Unreadable("the stream ended without any choice");
        }
        List<ToolCall> toolCalls = calls.values().stream()
                .map(call -> CompletionReplies.toolCall(call.id, call.name, call.arguments.toString()))
                .toList();
        return new ModelReply(text.isEmpty() ? refusal.toString() : text.toString(), toolCalls, usage);
    }

    private void hand(String piece, StringBuilder into) {
        if (piece != null && !piece.isEmpty()) {
            into.append(piece);
            try {
                textDeltas.accept(piece);
            } catch (RuntimeException e) {
                throw new ConsumerFailure(e);
            }
        }
    }

    /** The text consumer failed; {@link #getCause()} is what it threw. */
    static final class ConsumerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConsumerFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    private static final class PartialCall {
        private String id;
        private String name;
        private final StringBuilder arguments = new StringBuilder();

        void add(JsonNode delta) {
            String newId = CompletionReplies.text(delta.get("id"));
            if (newId != null && !newId.isEmpty()) {
                id = newId;
            }
            JsonNode function = delta.path("function");
            String newName = CompletionReplies.text(function.get("name"));
            if (newName != null && !newName.isEmpty()) {
                name = newName;
            }
            String fragment = CompletionReplies.text(function.get("arguments"));
            if (fragment != null) {
                arguments.append(fragment);
            }
        }
    }
}
