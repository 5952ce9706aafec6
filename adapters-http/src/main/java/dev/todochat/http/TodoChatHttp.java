package dev.todochat.http;

import dev.todochat.application.TodoChat;
import dev.todochat.http.internal.Api;
import dev.todochat.http.internal.ServerMetrics;
import dev.todochat.http.internal.CorsFilter;
import dev.todochat.http.internal.ApiProtection;
import dev.todochat.http.internal.ServletMounts;
import io.javalin.Javalin;
import io.opentelemetry.api.OpenTelemetry;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The JSON API over HTTP ({@code POST /api/{user_id}/chat}, the user's tasks and conversations under
 * {@code /api/{user_id}/}, {@code GET /health}, {@code GET /ready}) and the chat page at {@code /}, on Javalin with virtual threads.
 * It holds no state of its own; every request is served from the {@link TodoChat} it is given.
 *
 * <pre>{@code
 * try (TodoChatHttp http = TodoChatHttp.builder().chat(chat).tokens(tokens)
 *         .databaseReachable(database::isReachable).port(8080).start()) {
 *     ...
 * }
 * }</pre>
 */
public final class TodoChatHttp implements AutoCloseable {
    private final Javalin app;

    private TodoChatHttp(Javalin app) {
        this.app = app;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port it listens on: the one asked for, or the one the system picked for port 0. */
    public int port() {
        return app.port();
    }

    /**
     * Every route the API serves, as {@code METHOD path-template} ({@code POST /api/{user_id}/chat}), for checking
     * the OpenAPI document against the server; servlets mounted beside it are not listed.
     */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(handler -> handler.endpoint.method.isHttpMethod())
                .map(handler -> handler.endpoint.method.name() + " " + handler.endpoint.path)
                .distinct().sorted().toList();
    }

    /** Stops taking requests, lets the ones in flight finish (up to a grace period), and frees the port. */
    @Override
    public void close() {
        app.stop();
    }

    /** Collects what the API needs; {@link #start()} binds the port. */
    public static final class Builder {
        private TodoChat chat;
        private Tokens tokens;
        private BooleanSupplier databaseReachable;
        private int port = 8080;
        private String host;
        private boolean devSignIn;
        private int turnsPerUser;
        private int turnsPerAddress;
        private TrustedProxies trustedProxies = TrustedProxies.none();
        private List<String> corsOrigins = List.of();
        private final ServletMounts mounts = new ServletMounts();
        private ServerMetrics metrics;
        private Supplier<Readiness> readiness;
        private OpenTelemetry telemetry = OpenTelemetry.noop();

        private Builder() {
        }

        /**
         * Serves {@code GET /metrics} with {@code scrape} (the registry's text exposition, such as
         * {@code PrometheusMeterRegistry::scrape}) and times every request in {@code registry}.
         */
        public Builder metrics(MeterRegistry registry, Supplier<String> scrape) {
            this.metrics = new ServerMetrics(registry, scrape);
            return this;
        }

        public Builder chat(TodoChat chat) {
            this.chat = chat;
            return this;
        }

        public Builder tokens(Tokens tokens) {
            this.tokens = tokens;
            return this;
        }

        /** Asked by {@code GET /health}; must answer quickly and never throw. */
        public Builder databaseReachable(BooleanSupplier databaseReachable) {
            this.databaseReachable = databaseReachable;
            return this;
        }

        /**
         * Asked by {@code GET /ready}; must answer within a few seconds and never throw. Without it, {@code /ready}
         * is ready whenever the database answers.
         */
        public Builder readiness(Supplier<Readiness> readiness) {
            this.readiness = Objects.requireNonNull(readiness, "readiness");
            return this;
        }

        /**
         * Records a span for each API request (continuing an incoming W3C {@code traceparent}) and for its
         * authentication, in {@code telemetry}; none without this call.
         */
        public Builder openTelemetry(OpenTelemetry telemetry) {
            this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
            return this;
        }

        /**
         * Whether to offer the development sign-in: {@code POST /api/dev/token} gives a token for any user name, and
         * the page asks for one. Off by default; only for a server that nobody else can reach or that holds no real
         * data.
         */
        public Builder devSignIn(boolean devSignIn) {
            this.devSignIn = devSignIn;
            return this;
        }

        /** The port to bind; 0 picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Serves {@code servlet} at {@code pathSpec} on the same port, beside the API (an exact path wins over the
         * API's routes), so that an embedder can add another protocol without a second port. The API's error mapping
         * and request log do not apply to it.
         */
        public Builder servlet(String pathSpec, Servlet servlet) {
            mounts.servlet(pathSpec, servlet);
            return this;
        }

        /** Runs {@code filter} in front of whatever serves {@code pathSpec}, such as a {@link #servlet} there. */
        public Builder filter(String pathSpec, Filter filter) {
            mounts.filter(pathSpec, filter);
            return this;
        }

        /**
         * The address to listen on, such as {@code 127.0.0.1} for this machine only or {@code 0.0.0.0} for every IPv4
         * interface; null (the default) is every interface.
         */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /**
         * Limits chat turns per minute for each user and for each client address, counted in the chat's storage
         * (shared by all instances on it) by the turn's first transaction; over a limit a turn gets 429 with
         * {@code Retry-After}. 0 is no limit; without this call there is none.
         */
        public Builder rateLimits(int turnsPerUserPerMinute, int turnsPerAddressPerMinute) {
            this.turnsPerUser = turnsPerUserPerMinute;
            this.turnsPerAddress = turnsPerAddressPerMinute;
            return this;
        }

        /** The proxies whose {@code X-Forwarded-For} names the client address; none unless set. */
        public Builder trustedProxies(TrustedProxies proxies) {
            this.trustedProxies = Objects.requireNonNull(proxies, "proxies");
            return this;
        }

        /**
         * Browser origins (such as {@code https://app.example.com}) allowed to call the API across origins; none
         * unless set.
         *
         * @throws IllegalArgumentException for an entry that is not an origin
         */
        public Builder corsOrigins(List<String> origins) {
            this.corsOrigins = List.copyOf(origins);
            origins.forEach(CorsFilter::origin);
            return this;
        }

        /** Starts the server; the call returns once it is listening. */
        public TodoChatHttp start() {
            TodoChat todoChat = Objects.requireNonNull(chat, "chat");
            Tokens verifier = Objects.requireNonNull(tokens, "tokens");
            BooleanSupplier reachable = Objects.requireNonNull(databaseReachable, "databaseReachable");
            Supplier<Readiness> ready = readiness != null ? readiness : () -> reachable.getAsBoolean()
                    ? new Readiness(Optional.empty(), Map.of("database", "up"))
                    : new Readiness(Optional.of("the database does not answer"), Map.of("database", "down"));
            ApiProtection protection = new ApiProtection(turnsPerUser, turnsPerAddress, trustedProxies,
                    corsOrigins);
            Javalin app = Javalin.create(cfg -> {
                Api.configure(cfg, todoChat, verifier, reachable, ready, devSignIn, Optional.ofNullable(metrics),
                        telemetry);
                protection.install(cfg, verifier, Api.tracer(telemetry));
                cfg.jetty.port = port;
                cfg.jetty.host = host;
                cfg.jetty.modifyServletContextHandler(mounts::install);
            });
            return new TodoChatHttp(app.start());
        }
    }
}
