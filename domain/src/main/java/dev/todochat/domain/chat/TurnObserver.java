package dev.todochat.domain.chat;

import dev.todochat.domain.ConversationId;

import java.util.List;
import java.util.function.Consumer;

/**
 * What a turn reports while it runs, for a caller that shows its progress (the streaming endpoint). Called on the
 * turn's own thread, never inside a transaction. An observer that throws ends the turn as a model failure would:
 * what was recorded stays, and the conversation is freed for the next message.
 */
public interface TurnObserver {

    /**
     * The turn's first transaction committed: its user message is recorded in {@code conversation} (a new one when
     * the request named none). Comes before any model call, so a caller that loses the rest can still find the
     * transcript. A replayed turn does not report it.
     */
    default void started(ConversationId conversation) {
        // most observers want only the progress
    }

    /** A piece of text a model reply is writing, in order; a reply that also calls tools may write some first. */
    void text(String delta);

    /**
     * Whether {@link #text(String)} is wanted as the reply is written. When it is not, the turn asks the model for
     * whole replies, which costs less than a stream; {@link #none()} is such an observer.
     */
    default boolean wantsText() {
        return true;
    }

    /**
     * The tools one model reply asked for, after they ran and their effects, the call and the results were committed
     * together: what is reported here is durable, whatever happens to the rest of the turn.
     */
    void toolsRan(List<ToolInvocation> invocations);

    /** An observer that wants only the text. */
    static TurnObserver text(Consumer<String> deltas) {
        return new TurnObserver() {
            @Override
            public void text(String delta) {
                deltas.accept(delta);
            }

            @Override
            public void toolsRan(List<ToolInvocation> invocations) {
                // only the text is wanted
            }
        };
    }

    /** An observer that wants nothing, so the turn's model replies are not streamed. */
    static TurnObserver none() {
        return new TurnObserver() {
            @Override
            public void text(String delta) {
                // nothing is wanted
            }

            @Override
            public boolean wantsText() {
                return false;
            }

            @Override
            public void toolsRan(List<ToolInvocation> invocations) {
                // nothing is wanted
            }
        };
    }
}
