package dev.todochat.bootstrap;

import dev.todochat.application.TurnListener;
import dev.todochat.application.TurnReport;
import dev.todochat.domain.Usage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The turn's spans, children of the request's: one per transaction ({@code turn begin}, {@code turn tool_round},
 * {@code turn finish}, {@code turn abandon}) and one per model call ({@code chat MODEL}, with the model's name and
 * the tokens in and out, current while the call runs so the model service gets its {@code traceparent}).
 */
final class TurnTraces implements TurnListener {
    static final String TRACER = "dev.todochat.turns";

    private final Tracer tracer;
    private final String modelName;

    TurnTraces(Tracer tracer, String modelName) {
        this.tracer = tracer;
        this.modelName = modelName;
    }

    @Override
    public <T> T aroundModelCall(Supplier<T> call) {
        Span span = tracer.spanBuilder("chat " + modelName).setSpanKind(SpanKind.CLIENT)
                .setAttribute("gen_ai.operation.name", "chat")
                .setAttribute("gen_ai.request.model", modelName)
                .startSpan();
        return within(span, call);
    }

    @Override
    public void modelCalled(Duration took, Usage usage, String outcome) {
        Span span = Span.current();
        span.setAttribute("gen_ai.usage.input_tokens", usage.inputTokens());
        span.setAttribute("gen_ai.usage.output_tokens", usage.outputTokens());
        span.setAttribute("todochat.outcome", outcome);
        if (!outcome.equals("ok")) {
            span.setStatus(StatusCode.ERROR, outcome);
        }
    }

    @Override
    public <T> T aroundTransaction(String step, Supplier<T> work) {
        Span span = tracer.spanBuilder("turn " + step).setAttribute("todochat.turn.step", step).startSpan();
        return within(span, work);
    }

    @Override
    public void turnEnded(TurnReport report) {
        // the request's span holds the whole turn
    }

    private static <T> T within(Span span, Supplier<T> work) {
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException failure) {
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
            throw failure;
        } finally {
            span.end();
        }
    }
}
