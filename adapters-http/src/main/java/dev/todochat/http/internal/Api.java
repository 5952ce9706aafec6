package dev.todochat.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todochat.application.TodoChat;
import dev.todochat.http.Tokens;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.handler.GracefulHandler;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Everything the HTTP API installs into Javalin: JSON, routes, errors, request logs, graceful stop. */
public final class Api {
    /** How long a stop waits for turns in flight before it cuts them off. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private Api() {
    }

    /**
     * @param devSignIn whether to offer {@code POST /api/dev/token}, a token for any name (never in production)
     * @param metrics   {@code GET /metrics} and request timers, when on
     */
    public static void configure(JavalinConfig cfg, TodoChat chat, Tokens tokens, BooleanSupplier databaseReachable,
                                 boolean devSignIn, Optional<ServerMetrics> metrics) {
        ObjectMapper json = Json.mapper();
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.concurrency.useVirtualThreads = true;
        cfg.jsonMapper(new JavalinJackson(json, true));
        cfg.http.prefer405over404 = true;
        cfg.requestLogger.http(new RequestLog(metrics));
        cfg.jetty.modifyServer(server -> {
            server.setHandler(new GracefulHandler());
            server.setStopTimeout(STOP_GRACE.toMillis());
        });
        cfg.routes.get("/health", new HealthRoute(databaseReachable));
        metrics.ifPresent(exposition -> exposition.install(cfg.routes));
        ErrorMapping errors = new ErrorMapping(databaseReachable);
        cfg.routes.post("/api/{user_id}/chat", new ChatRoute(chat, new Authentication(tokens), json));
        cfg.routes.post("/api/{user_id}/chat/stream", new ChatStreamRoute(chat, new Authentication(tokens), json, errors));
        new TaskRoutes(chat, new Authentication(tokens), json).install(cfg.routes);
        new ConversationRoutes(chat, new Authentication(tokens)).install(cfg.routes);
        new WebPage(devSignIn).install(cfg.routes);
        if (devSignIn) {
            cfg.routes.post(DevSignIn.PATH, new DevSignIn(tokens, json));
        }
        errors.install(cfg.routes);
    }
}
