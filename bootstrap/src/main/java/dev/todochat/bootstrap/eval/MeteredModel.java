package dev.todochat.bootstrap.eval;

import dev.todochat.domain.port.LanguageModel;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.domain.port.Prompt;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/** Wraps the model under test to measure it: how many calls, how long they took, how many tokens they used. */
final class MeteredModel implements LanguageModel {
    private final LanguageModel model;
    private final LongAdder calls = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final LongAdder inputTokens = new LongAdder();
    private final LongAdder outputTokens = new LongAdder();

    MeteredModel(LanguageModel model) {
        this.model = model;
    }

    @Override
    public ModelReply reply(Prompt prompt) {
        return reply(prompt, text -> { });
    }

    @Override
    public ModelReply reply(Prompt prompt, Consumer<String> textDeltas) {
        long start = System.nanoTime();
        try {
            ModelReply reply = model.reply(prompt, textDeltas);
            inputTokens.add(reply.usage().inputTokens());
            outputTokens.add(reply.usage().outputTokens());
            return reply;
        } finally {
            nanos.add(System.nanoTime() - start);
            calls.increment();
        }
    }

    @Override
    public String describe() {
        return model.describe();
    }

    Meter meter() {
        return new Meter(calls.sum(), nanos.sum(), inputTokens.sum(), outputTokens.sum());
    }

    /** The figures so far. */
    record Meter(long calls, long nanos, long inputTokens, long outputTokens) {
        double averageMillis() {
            return calls == 0 ? 0 : nanos / 1e6 / calls;
        }

        double averageTokens() {
            return calls == 0 ? 0 : (double) (inputTokens + outputTokens) / calls;
        }
    }
}
