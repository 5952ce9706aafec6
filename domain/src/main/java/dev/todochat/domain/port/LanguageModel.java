package dev.todochat.domain.port;

import java.util.function.Consumer;

/**
 * The model that decides what to say and which tools to call. It sees the history and the tool specs, never a user
 * id, and it never touches storage: tool calls come back to the {@code ChatCycle}, which runs them.
 */
public interface LanguageModel {
    /**
     * One model call.
     *
     * @throws ModelFailure when the model could not answer (unavailable, rate limited, timed out, bad response)
     */
    ModelReply reply(Prompt prompt);

    /**
     * One model call that hands out the reply's text as it arrives. The returned reply is the same as
     * {@link #reply(Prompt)} would give (text, tool calls and usage assembled from the stream). A model that cannot
     * stream hands out the whole text at once.
     *
     * @param textDeltas receives the text in the order it arrives; never called for tool calls
     * @throws ModelFailure as {@link #reply(Prompt)}
     */
    default ModelReply reply(Prompt prompt, Consumer<String> textDeltas) {
        ModelReply reply = reply(prompt);
        if (!reply.text().isEmpty()) {
            textDeltas.accept(reply.text());
        }
        return reply;
    }

    /** A short human description for start-up and health output, such as {@code "offline assistant"}. */
    String describe();
}
