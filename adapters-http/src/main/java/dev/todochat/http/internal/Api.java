package dev.todochat.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todochat.application.TodoChat;
import dev.todochat.http.Readiness;
import dev.todochat.http.Tokens;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.server.handler.GracefulHandler;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Everything the HTTP API installs into Javalin: JSON, routes, errors, request logs, graceful stop. */
public final class Api {
    /** How long a stop waits for turns in flight before it cuts them off. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private Api() {
    }

    /** The tracer every part of the API records its spans with. */
    public static Tracer tracer(OpenTelemetry telemetry) {
        return telemetry.getTracer(HttpTracing.TRACER);
    }

    /**
     * @param readiness what {@code GET /ready} answers
     * @param devSignIn whether to offer {@code POST /api/dev/token}, a token for any name (never in production)
     * @param metrics   {@code GET /metrics} and request timers, when on
     * @param telemetry where request and authentication spans go ({@link OpenTelemetry#noop()} for none)
     */
    public static void configure(JavalinConfig cfg, TodoChat chat, Tokens tokens, BooleanSupplier databaseReachable,
                                 Supplier<Readiness> readiness, boolean devSignIn, Optional<ServerMetrics> metrics,
                                 OpenTelemetry telemetry) {
        ObjectMapper json = Json.mapper();
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.concurrency.useVirtualThreads = true;
        cfg.jsonMapper(new JavalinJackson(json, true));
        cfg.http.prefer405over404 = true;
        cfg.requestLogger.http(new RequestLog(metrics));
        cfg.jetty.modifyServletContextHandler(context -> context.addFilter(
                new FilterHolder(new HttpTracing(telemetry)), "/*", EnumSet.of(DispatcherType.REQUEST)));
        cfg.jetty.modifyServer(server -> {
            server.setHandler(new GracefulHandler());
            server.setStopTimeout(STOP_GRACE.toMillis());
        });
        cfg.routes.get("/health", new HealthRoute(databaseReachable));
        cfg.routes.get("/ready", new ReadyRoute(readiness));
        cfg.routes.get(OpenApiRoute.PATH, new OpenApiRoute());
        metrics.ifPresent(exposition -> exposition.install(cfg.routes));
        ErrorMapping errors = new ErrorMapping(databaseReachable);
        Authentication authentication = new Authentication(tokens, tracer(telemetry));
        cfg.routes.post("/api/{user_id}/chat", new ChatRoute(chat, authentication, json));
        cfg.routes.post("/api/{user_id}/chat/stream", new ChatStreamRoute(chat, authentication, json, errors));
        new TaskRoutes(chat, authentication, json).install(cfg.routes);
        new ConversationRoutes(chat, authentication).install(cfg.routes);
        new WebPage(devSignIn).install(cfg.routes);
        if (devSignIn) {
            cfg.routes.post(DevSignIn.PATH, new DevSignIn(tokens, json));
        }
        errors.install(cfg.routes);
    }
}
