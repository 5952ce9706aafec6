package dev.todochat.llm.openai;

import com.openai.errors.OpenAIInvalidDataException;
import com.openai.models.chat.completions.ChatCompletionChunk;
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
 * (the first carries id and name, the rest argument fragments), and usage is taken from whichever chunk carries it.
 * An exception from the text consumer leaves as a {@link ConsumerFailure}, so that it is never mistaken for a fault
 * of the model service.
 *
 * <p>Not the SDK's {@code ChatCompletionAccumulator}: that one fails when a server sends the usage in the same chunk
 * as the last choice, or ends the stream without a {@code finish_reason}, both of which compatible servers do.
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

    void add(ChatCompletionChunk chunk) {
        chunk.usage().map(CompletionReplies::usage).ifPresent(used -> usage = used);
        for (ChatCompletionChunk.Choice choice : chunk._choices().asKnown().orElse(List.of())) {
            if (choice.index() != 0) {
                continue;
            }
            sawChoice = true;
            ChatCompletionChunk.Choice.Delta delta = choice.delta();
            delta.content().ifPresent(piece -> hand(piece, text));
            delta.refusal().ifPresent(piece -> hand(piece, refusal));
            delta.toolCalls().orElse(List.of()).forEach(
                    call -> calls.computeIfAbsent(call.index(), index -> new PartialCall()).add(call));
        }
    }

    ModelReply reply() {
        if (!sawChoice) {
            throw new OpenAIInvalidDataException("the stream ended without any choice");
        }
        List<ToolCall> toolCalls = calls.values().stream()
                .map(call -> CompletionReplies.toolCall(call.id, call.name, call.arguments.toString()))
                .toList();
        return new ModelReply(text.isEmpty() ? refusal.toString() : text.toString(), toolCalls, usage);
    }

    private void hand(String piece, StringBuilder into) {
        if (!piece.isEmpty()) {
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

        void add(ChatCompletionChunk.Choice.Delta.ToolCall delta) {
            delta.id().filter(value -> !value.isEmpty()).ifPresent(value -> id = value);
            delta.function().ifPresent(function -> {
                function.name().filter(value -> !value.isEmpty()).ifPresent(value -> name = value);
                function.arguments().ifPresent(arguments::append);
            });
        }
    }
}
