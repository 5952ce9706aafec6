package dev.todochat.bootstrap;

import dev.todochat.application.TurnListener;
import dev.todochat.application.TurnReport;
import dev.todochat.domain.Usage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The turn's series in {@code /metrics}, with stable names and small label sets (never a user or conversation id):
 * turns by outcome and kind, turn and model call durations as histograms (buckets published, so percentiles can be
 * computed across instances), tokens by direction, tool calls by tool and outcome, lease conflicts, and transaction
 * times. Listed in {@code docs/operations.md}.
 */
final class TurnMetrics implements TurnListener {
    private static final Duration LONGEST_TURN = Duration.ofMinutes(5);

    private final MeterRegistry registry;
    private final Set<String> tools;
    private final Counter tokensIn;
    private final Counter tokensOut;
    private final Counter leaseConflicts;

    /** @param tools the tools there are; a name a model made up counts as {@code unknown}, so labels stay few */
    TurnMetrics(MeterRegistry registry, Set<String> tools) {
        this.registry = registry;
        this.tools = Set.copyOf(tools);
        this.tokensIn = tokens("in");
        this.tokensOut = tokens("out");
        this.leaseConflicts = Counter.builder("todochat.lease.conflicts")
                .description("Turns refused (409) because another turn held the conversation or the key")
                .register(registry);
    }

    @Override
    public void modelCalled(Duration took, Usage usage, String outcome) {
        Timer.builder("todochat.model.calls")
                .description("Model calls by outcome (ok, or the failure's kind)")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .maximumExpectedValue(LONGEST_TURN)
                .register(registry)
                .record(took);
        tokensIn.increment(usage.inputTokens());
        tokensOut.increment(usage.outputTokens());
    }

    @Override
    public void transactionEnded(Duration took, boolean committed) {
        Timer.builder("todochat.db.transactions")
                .description("Transactions of chat turns, waiting for a connection included")
                .tag("outcome", committed ? "committed" : "rolled_back")
                .register(registry)
                .record(took);
    }

    @Override
    public void turnEnded(TurnReport report) {
        String outcome = report.outcome().name().toLowerCase(Locale.ROOT);
        String kind = report.kind().isEmpty() ? "none" : report.kind();
        Counter.builder("todochat.turns")
                .description("Chat turns by outcome (answered, replayed, refused, failed) and kind")
                .tag("outcome", outcome)
                .tag("kind", kind)
                .register(registry)
                .increment();
        Timer.builder("todochat.turn.duration")
                .description("Whole chat turns, by outcome")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .maximumExpectedValue(LONGEST_TURN)
                .register(registry)
                .record(report.duration());
        report.tools().forEach(run -> Counter.builder("todochat.tool.calls")
                .description("Tool calls of chat turns, by tool and outcome")
                .tag("tool", tools.contains(run.tool()) ? run.tool() : "unknown")
                .tag("outcome", run.ok() ? "ok" : "error")
                .register(registry)
                .increment());
        if (kind.equals("conflict")) {
            leaseConflicts.increment();
        }
    }

    private Counter tokens(String direction) {
        return Counter.builder("todochat.model.tokens")
                .description("Tokens the model read (in) and wrote (out)")
                .tag("direction", direction)
                .register(registry);
    }
}
