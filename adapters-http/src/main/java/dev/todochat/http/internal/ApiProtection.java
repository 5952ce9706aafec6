package dev.todochat.http.internal;

import dev.todochat.http.Tokens;
import dev.todochat.http.TrustedProxies;
import io.javalin.config.JavalinConfig;
import io.opentelemetry.api.trace.Tracer;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;

import java.util.EnumSet;
import java.util.List;

/**
 * What protects the API beyond authentication: request ids and security headers on every answer, the CORS
 * allow-list on {@code /api/}, and the shared rate limits in front of chat turns.
 *
 * @param perUser     chat turns a minute for one user; 0 is no limit
 * @param perAddress  chat turns a minute from one client address; 0 is no limit
 * @param proxies     whose {@code X-Forwarded-For} names the client
 * @param corsOrigins browser origins allowed to call the API; empty adds no CORS header at all
 */
public record ApiProtection(int perUser, int perAddress, TrustedProxies proxies,
                         List<String> corsOrigins) {
    private static final List<String> CHAT_PATHS = List.of("/api/{user_id}/chat", "/api/{user_id}/chat/stream");

    public ApiProtection {
        if (perUser < 0 || perAddress < 0) {
            throw new IllegalArgumentException("a rate limit is a number of turns a minute, 0 for none");
        }
        corsOrigins = List.copyOf(corsOrigins);
        corsOrigins.forEach(CorsFilter::origin);
    }

    public void install(JavalinConfig cfg, Tokens tokens, Tracer tracer) {
        cfg.jetty.modifyServletContextHandler(context -> {
            context.addFilter(new FilterHolder(new RequestContextFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
            if (!corsOrigins.isEmpty()) {
                context.addFilter(new FilterHolder(new CorsFilter(corsOrigins)), "/api/*",
                        EnumSet.of(DispatcherType.REQUEST));
            }
        });
        if (perUser > 0 || perAddress > 0) {
            TurnRateLimiter limiter = new TurnRateLimiter(perUser, perAddress, new ClientAddress(proxies),
                    new Authentication(tokens, tracer));
            CHAT_PATHS.forEach(path -> cfg.routes.before(path, limiter));
        }
    }
}
