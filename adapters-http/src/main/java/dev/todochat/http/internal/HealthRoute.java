package dev.todochat.http.internal;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.function.BooleanSupplier;

/** {@code GET /health}: 200 when the database answers, 503 when it does not, so a load balancer can route around. */
final class HealthRoute implements Handler {
    private final BooleanSupplier databaseReachable;

    HealthRoute(BooleanSupplier databaseReachable) {
        this.databaseReachable = databaseReachable;
    }

    @Override
    public void handle(Context ctx) {
        if (databaseReachable.getAsBoolean()) {
            ctx.status(200).json(new Health("ok", "up"));
        } else {
            ctx.status(503).json(new Health("unavailable", "down"));
        }
    }

    /** The health answer. */
    public record Health(String status, String database) {
    }
}
