package dev.todochat.bootstrap;

import dev.todochat.application.TodoChat;
import dev.todochat.domain.chat.ChatLimits;
import dev.todochat.domain.port.LanguageModel;
import dev.todochat.http.Tokens;
import dev.todochat.http.TodoChatHttp;
import dev.todochat.mcp.McpHttpSettings;
import dev.todochat.persistence.PostgresDatabase;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The running server: the HTTP API and the MCP endpoint over one {@link TodoChat} over one database. It owns both;
 * closing it stops the HTTP side first (turns in flight may finish), then closes the database, which stops an
 * embedded PostgreSQL.
 */
final class Server implements AutoCloseable {
    /** Enough for the short transactions of a turn: no connection is held while the model thinks. */
    static final int POOL_SIZE = 10;
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    private final TodoChatHttp http;
    private final PostgresDatabase database;
    private final Telemetry telemetry;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Server(TodoChatHttp http, PostgresDatabase database, Telemetry telemetry) {
        this.http = http;
        this.database = database;
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
            return PostgresDatabase.connect(config.databaseUrl().get(), POOL_SIZE);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("DATABASE_URL: " + e.getMessage());
        }
    }

    /**
     * How one server is set up besides its database, model and tokens.
     *
     * @param port       the HTTP port; 0 picks a free one
     * @param mcp        the MCP endpoint's origins, hosts and public address
     * @param devSignIn  whether the page offers sign-in with any name (see {@link Serve#offersDevSignIn})
     * @param protection the rate limits, trusted proxies and CORS origins
     * @param limits     the bounds of a turn, its lease and the lifetime of idempotency keys
     */
    record Options(int port, McpHttpSettings mcp, boolean devSignIn, Protection protection, ChatLimits limits) {
        /** A free port, MCP for loopback clients, no dev sign-in, no rate limits, the default turn limits. */
        static Options defaults() {
            return new Options(0, McpHttpSettings.loopbackOnly(), false, Protection.off(), ChatLimits.DEFAULT);
        }

        Options withMcp(McpHttpSettings settings) {
            return new Options(port, settings, devSignIn, protection, limits);
        }

        Options withDevSignIn(boolean offered) {
            return new Options(port, mcp, offered, protection, limits);
        }

        Options withProtection(Protection settings) {
            return new Options(port, mcp, devSignIn, settings, limits);
        }
    }

    /**
     * Serves {@code database} (already migrated) with {@code model}: the chat API, the page and {@code /mcp} on one
     * port. Closes the database if the port cannot be bound.
     */
    static Server start(PostgresDatabase database, LanguageModel model, Tokens tokens, Options options) {
        TodoChat chat = TodoChat.builder().storage(database.storage()).model(model).limits(options.limits())
                .clock(options.protection().clock()).build();
        Telemetry telemetry = new Telemetry(database);
        try {
            TodoChatHttp.Builder api = TodoChatHttp.builder()
                    .chat(chat)
                    .tokens(tokens)
                    .databaseReachable(database::isReachable)
                    .port(options.port())
                    .devSignIn(options.devSignIn())
                    .metrics(telemetry.registry(), telemetry.registry()::scrape);
            options.protection().applyTo(api);
            TodoChatHttp http = McpMount.onto(api, chat, tokens, options.mcp()).start();
            return new Server(http, database, telemetry);
        } catch (RuntimeException e) {
            telemetry.close();
            database.close();
            throw e;
        }
    }

    int port() {
        return http.port();
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
            database.close();
            LOG.info("stopped");
            stopped.countDown();
        }
    }
}
