package dev.todochat.http.internal;

import dev.todochat.http.Readiness;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /ready}: 200 when the instance can serve (its checks passed), 503 {@code {"error": "NotReady",
 * "details"}} with the reason otherwise; both carry what was checked. Unlike {@code /health}, it asks the database
 * about its schema, so a load balancer or Kubernetes probes it less often.
 */
final class ReadyRoute implements Handler {
    private final Supplier<Readiness> readiness;

    ReadyRoute(Supplier<Readiness> readiness) {
        this.readiness = readiness;
    }

    @Override
    public void handle(Context ctx) {
        Readiness now = readiness.get();
        ctx.header("Cache-Control", "no-store");
        if (now.ready()) {
            ctx.status(200).json(new Ready("ready", now.checks()));
        } else {
            ctx.status(503).json(new NotReady("NotReady", now.problem().orElseThrow(), now.checks()));
        }
    }

    /** The answer of a ready instance. */
    public record Ready(String status, Map<String, Object> checks) {
    }

    /** The error body, with what was checked. */
    public record NotReady(String error, String details, Map<String, Object> checks) {
    }
}
