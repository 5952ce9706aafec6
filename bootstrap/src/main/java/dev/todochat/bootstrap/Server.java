package dev.todochat.bootstrap;

import dev.todochat.application.TodoChat;
import dev.todochat.application.TurnListener;
import dev.todochat.domain.chat.ChatLimits;
import dev.todochat.domain.port.LanguageModel;
import dev.todochat.http.Tokens;
import dev.todochat.http.TodoChatHttp;
import dev.todochat.mcp.McpHttpSettings;
import dev.todochat.persistence.PostgresDatabase;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The running server: the HTTP API and the MCP endpoint over one {@link TodoChat} over one database. It owns both;
 * closing it stops the HTTP side first (turns in flight may finish), then closes the database, which stops an
 * embedded PostgreSQL.
 */
final class Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    private final TodoChatHttp http;
    private final PostgresDatabase database;
    private final LanguageModel model;
    private final Telemetry telemetry;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Server(TodoChatHttp http, PostgresDatabase database, LanguageModel model, Telemetry telemetry) {
        this.http = http;
        this.database = database;
        this.model = model;
        this.telemetry = telemetry;
    }

    /**
     * The database {@code DATABASE_URL} names, or the embedded one in the data folder, which another process may be
     * running already (then the message says how to share it). Not migrated yet.
     */
    static PostgresDatabase openDatabase(Config config) {
        if (config.databaseUrl().isEmpty()) {
            EmbeddedPostgresInUse.find(config.embeddedPostgresDir()).ifPresent(running -> {
                throw new ConfigException(running.explanation(config.embeddedPostgresDir()));
            });
            return PostgresDatabase.embedded(config.dataDir());
        }
        try {
            return PostgresDatabase.connect(config.databaseUrl().get(), config.database().poolSize(),
                    config.database().poolWait());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("DATABASE_URL: " + e.getMessage());
        }
    }

    /**
     * How one server is set up besides its database, model and tokens.
     *
     * @param port       the HTTP port; 0 picks a free one
     * @param host       the address to listen on; empty is every interface
     * @param mcp        the MCP endpoint's origins, hosts and public address
     * @param devSignIn  whether the page offers sign-in with any name (see {@link Serve#offersDevSignIn})
     * @param protection the rate limits, trusted proxies and CORS origins
     * @param limits     the bounds of a turn, its lease and the lifetime of idempotency keys
     * @param tracing    where spans go (off unless {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set); the server closes it
     */
    record Options(int port, Optional<String> host, McpHttpSettings mcp, boolean devSignIn, Protection protection,
                   ChatLimits limits, Tracing tracing) {
        /**
         * A free port on every interface, MCP for loopback clients, no dev sign-in, no rate limits, the default turn
         * limits, no traces.
         */
        static Options defaults() {
            return new Options(0, Optional.empty(), McpHttpSettings.loopbackOnly(), false, Protection.off(),
                    ChatLimits.DEFAULT, Tracing.off());
        }

        Options withMcp(McpHttpSettings settings) {
            return new Options(port, host, settings, devSignIn, protection, limits, tracing);
        }

        Options withDevSignIn(boolean offered) {
            return new Options(port, host, mcp, offered, protection, limits, tracing);
        }

        Options withProtection(Protection settings) {
            return new Options(port, host, mcp, devSignIn, settings, limits, tracing);
        }

        Options withListening(int listenPort, Optional<String> listenHost) {
            return new Options(listenPort, listenHost, mcp, devSignIn, protection, limits, tracing);
        }

        Options withLimits(ChatLimits bounds) {
            return new Options(port, host, mcp, devSignIn, protection, bounds, tracing);
        }
    }

    /**
     * Serves {@code database} (already migrated) with {@code model}: the chat API, the page and {@code /mcp} on one
     * port. The server owns both from here: it closes them when it stops, or at once if the port cannot be bound (a
     * model that holds connections, such as the OpenAI client, is {@link AutoCloseable}).
     */
    static Server start(PostgresDatabase database, LanguageModel model, Tokens tokens, Options options) {
        Telemetry telemetry = new Telemetry(database, options.tracing());
        TodoChat chat = TodoChat.builder().storage(database.storage()).model(model).limits(options.limits())
                .clock(options.protection().clock())
                .listener(TurnListener.all(new TurnLog(), telemetry.turns(), telemetry.traces(model))).build();
        try {
            TodoChatHttp.Builder api = TodoChatHttp.builder()
                    .chat(chat)
                    .tokens(tokens)
                    .databaseReachable(database::isReachable)
                    .readiness(new ReadinessChecks(database, model, Clock.systemUTC()))
                    .port(options.port())
                    .host(options.host().orElse(null))
                    .devSignIn(options.devSignIn())
                    .metrics(telemetry.registry(), telemetry.registry()::scrape)
                    .openTelemetry(options.tracing().telemetry());
            options.protection().applyTo(api);
            TodoChatHttp http = McpMount.onto(api, chat, tokens, options.mcp()).start();
            return new Server(http, database, model, telemetry);
        } catch (RuntimeException e) {
            telemetry.close();
            close(model);
            database.close();
            throw Listening.explainFailure(e, options.port(), options.host());
        }
    }

    int port() {
        return http.port();
    }

    /** The HTTP API's routes, as {@code METHOD path-template}. */
    java.util.List<String> routes() {
        return http.routes();
    }

    /** Blocks until {@link #close()} has finished, from whichever thread. */
    void awaitClosed() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("stopping: no new requests; turns in flight may finish");
        try {
            http.close();
        } finally {
            telemetry.close();
            close(model);
            database.close();
            LOG.info("stopped");
            stopped.countDown();
        }
    }

    private static void close(LanguageModel model) {
        if (model instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("the model's client did not close cleanly: {}", e.toString());
            }
        }
    }
}
