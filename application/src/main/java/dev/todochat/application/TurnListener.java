package dev.todochat.application;

import dev.todochat.domain.Usage;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Told what each turn did, for logs, metrics and traces. Called on the turn's thread; must be quick and must not
 * throw (what it throws is dropped, never the turn's problem).
 */
public interface TurnListener {

    /**
     * Runs one model call; a listener may wrap it (a trace span that is current while the call runs, so the call's
     * outgoing request carries it). Must run {@code call} exactly once and return or throw what it does.
     */
    default <T> T aroundModelCall(Supplier<T> call) {
        return call.get();
    }

    /**
     * Runs one transaction of a turn, named by the step it serves: {@code begin} (the first), {@code tool_round},
     * {@code finish} (the answer), {@code abandon} (freeing the conversation after a failure). Same rules as
     * {@link #aroundModelCall}.
     */
    default <T> T aroundTransaction(String step, Supplier<T> work) {
        return work.get();
    }

    /** One model call ended: how long it took, the tokens it used, and {@code ok} or the failure's kind. */
    default void modelCalled(Duration took, Usage usage, String outcome) {
    }

    /** One transaction ended (waiting for its connection included). */
    default void transactionEnded(Duration took, boolean committed) {
    }

    /** The turn is over. */
    void turnEnded(TurnReport report);

    /** Tells each of {@code listeners} in turn. */
    static TurnListener all(TurnListener... listeners) {
        List<TurnListener> each = List.of(listeners);
        return new TurnListener() {
            @Override
            public <T> T aroundModelCall(Supplier<T> call) {
                Supplier<T> wrapped = call;
                for (TurnListener listener : each.reversed()) {
                    Supplier<T> inner = wrapped;
                    wrapped = () -> listener.aroundModelCall(inner);
                }
                return wrapped.get();
            }

            @Override
            public <T> T aroundTransaction(String step, Supplier<T> work) {
                Supplier<T> wrapped = work;
                for (TurnListener listener : each.reversed()) {
                    Supplier<T> inner = wrapped;
                    wrapped = () -> listener.aroundTransaction(step, inner);
                }
                return wrapped.get();
            }

            @Override
            public void modelCalled(Duration took, Usage usage, String outcome) {
                each.forEach(listener -> listener.modelCalled(took, usage, outcome));
            }

            @Override
            public void transactionEnded(Duration took, boolean committed) {
                each.forEach(listener -> listener.transactionEnded(took, committed));
            }

            @Override
            public void turnEnded(TurnReport report) {
                each.forEach(listener -> listener.turnEnded(report));
            }
        };
    }

    /** A listener that wants nothing. */
    static TurnListener none() {
        return report -> { };
    }
}
