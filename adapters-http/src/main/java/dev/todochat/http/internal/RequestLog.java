package dev.todochat.http.internal;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.opentelemetry.api.trace.Span;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * One line per request: method, route template ({@code /api/{user_id}/chat}, so no user id reaches the line; the
 * path for what matched no route), status, milliseconds, also as key-value pairs for JSON logs. Never headers,
 * query strings or bodies. Also the request's timer, when metrics are on.
 */
final class RequestLog implements RequestLogger {
    private static final Logger LOG = LoggerFactory.getLogger("dev.todochat.http.requests");

    private final Optional<ServerMetrics> metrics;

    RequestLog(Optional<ServerMetrics> metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(Context ctx, Float millis) {
        String route = ServerMetrics.route(ctx);
        long duration = Math.round(millis);
        String shown = route.equals(ServerMetrics.UNMATCHED) ? ctx.path() : route;
        Span.current().updateName(ctx.req().getMethod() + " " + route).setAttribute("http.route", route);
        LOG.atInfo().setMessage("{} {} {} {}ms")
                .addArgument(ctx.req().getMethod()).addArgument(shown).addArgument(ctx.statusCode())
                .addArgument(duration)
                .addKeyValue("method", ctx.req().getMethod()).addKeyValue("route", route)
                .addKeyValue("status", ctx.statusCode()).addKeyValue("duration_ms", duration)
                .log();
        metrics.ifPresent(timers -> timers.record(ctx, millis));
    }
}
