package dev.todochat.http.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code GET /metrics} in the registry's text format (Prometheus), and a timer of every request by method, route
 * template (never the raw path, so user ids never become labels) and status.
 */
public final class ServerMetrics {
    static final String UNMATCHED = "unmatched";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final MeterRegistry registry;
    private final Supplier<String> scrape;

    /** @param scrape the registry's current text exposition, such as {@code PrometheusMeterRegistry::scrape} */
    public ServerMetrics(MeterRegistry registry, Supplier<String> scrape) {
        this.registry = registry;
        this.scrape = scrape;
    }

    void install(RoutesConfig routes) {
        routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(scrape.get()));
    }

    void record(Context ctx, float millis) {
        if (ctx.statusCode() == 429) {
            Counter.builder("todochat.rate_limit.refusals")
                    .description("Requests refused with 429 by the rate limits, by route template")
                    .tag("route", route(ctx))
                    .register(registry)
                    .increment();
        }
        Timer.builder("http.server.requests")
                .description("HTTP requests by method, route template and status")
                .tag("method", ctx.req().getMethod())
                .tag("route", route(ctx))
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record(Math.round(millis * 1_000_000.0), TimeUnit.NANOSECONDS);
    }

    /** The route template the request matched, or {@value #UNMATCHED}. */
    static String route(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException noEndpoint) {
            return UNMATCHED;
        }
    }
}
