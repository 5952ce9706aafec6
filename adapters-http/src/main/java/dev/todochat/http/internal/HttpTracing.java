package dev.todochat.http.internal;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;
import java.util.Set;

/**
 * A server span around each API request, continuing the caller's trace when it sends a W3C {@code traceparent}, and
 * current while the request runs, so the turn's spans (and the model call's outgoing {@code traceparent}) belong to
 * it. The request log renames it after the route template. Probes and metrics scrapes are not traced.
 */
final class HttpTracing implements Filter {
    static final String TRACER = "dev.todochat.http";
    private static final Set<String> UNTRACED = Set.of("/health", "/ready", "/metrics");
    private static final TextMapGetter<HttpServletRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServletRequest request) {
            return Collections.list(request.getHeaderNames());
        }

        @Override
        public String get(HttpServletRequest request, String name) {
            return request == null ? null : request.getHeader(name);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    HttpTracing(OpenTelemetry telemetry) {
        this.tracer = telemetry.getTracer(TRACER);
        this.propagator = telemetry.getPropagators().getTextMapPropagator();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (UNTRACED.contains(request.getRequestURI())) {
            chain.doFilter(req, res);
            return;
        }
        Context parent = propagator.extract(Context.current(), request, HEADERS);
        Span span = tracer.spanBuilder(request.getMethod()).setParent(parent).setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", request.getMethod())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            chain.doFilter(req, res);
        } finally {
            int status = ((HttpServletResponse) res).getStatus();
            span.setAttribute("http.response.status_code", status);
            if (status >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }
    }
}
