package dev.todochat.http.internal;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * One line per request: method, path (no query string), status, milliseconds. Never headers or bodies. Also the
 * request's timer, when metrics are on.
 */
final class RequestLog implements RequestLogger {
    private static final Logger LOG = LoggerFactory.getLogger("dev.todochat.http.requests");

    private final Optional<ServerMetrics> metrics;

    RequestLog(Optional<ServerMetrics> metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(Context ctx, Float millis) {
        LOG.info("{} {} {} {}ms", ctx.req().getMethod(), ctx.path(), ctx.statusCode(), Math.round(millis));
        metrics.ifPresent(timers -> timers.record(ctx, millis));
    }
}
