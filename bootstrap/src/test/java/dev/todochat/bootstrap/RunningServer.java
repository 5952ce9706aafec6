package dev.todochat.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.RecordedMessage;
import dev.todochat.domain.Task;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.UserId;
import dev.todochat.domain.chat.ChatLimits;
import dev.todochat.domain.port.LanguageModel;
import dev.todochat.http.Tokens;
import dev.todochat.mcp.McpHttpSettings;
import dev.todochat.persistence.PostgresDatabase;
import dev.todochat.testing.TestPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server as bootstrap wires it, on a fresh database of the real test PostgreSQL and a free port, with a client
 * that speaks its HTTP API. {@link #restart()} stops everything and starts again on the same database, as a
 * redeploy would.
 */
final class RunningServer implements AutoCloseable {
    private static final int POOL_SIZE = 4;

    static final byte[] SECRET = "test-secret-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String databaseUrl;
    private final LanguageModel model;
    private final McpHttpSettings mcp;
    private final boolean devSignIn;
    private final Protection protection;
    private final ChatLimits limits;
    private final Tokens tokens = new Tokens(SECRET, Clock.systemUTC());
    private final HttpClient client = HttpClient.newHttpClient();
    private PostgresDatabase database;
    private Server server;

    private RunningServer(String databaseUrl, LanguageModel model, McpHttpSettings mcp, boolean devSignIn,
                          Protection protection) {
        this(databaseUrl, model, mcp, devSignIn, protection, ChatLimits.DEFAULT);
    }

    private RunningServer(String databaseUrl, LanguageModel model, McpHttpSettings mcp, boolean devSignIn,
                          Protection protection, ChatLimits limits) {
        this.databaseUrl = databaseUrl;
        this.model = model;
        this.mcp = mcp;
        this.devSignIn = devSignIn;
        this.protection = protection;
        this.limits = limits;
        open();
    }

    /** A server on the database at {@code databaseUrl}, which it migrates. */
    static RunningServer on(String databaseUrl, LanguageModel model) {
        return new RunningServer(databaseUrl, model, McpHttpSettings.loopbackOnly(), false, Protection.off());
    }

    /** A server whose turns have these bounds. */
    static RunningServer with(LanguageModel model, ChatLimits limits) {
        return new RunningServer(TestPostgres.freshDatabaseUrl(), model, McpHttpSettings.loopbackOnly(), false,
                Protection.off(), limits);
    }

    static RunningServer with(LanguageModel model) {
        return with(model, McpHttpSettings.loopbackOnly());
    }

    static RunningServer with(LanguageModel model, McpHttpSettings mcp) {
        return new RunningServer(TestPostgres.freshDatabaseUrl(), model, mcp, false, Protection.off());
    }

    /** A server with these rate limits, trusted proxies and CORS origins (the others have none). */
    static RunningServer with(LanguageModel model, Protection protection) {
        return new RunningServer(TestPostgres.freshDatabaseUrl(), model, McpHttpSettings.loopbackOnly(), false,
                protection);
    }

    /** A server whose page offers the development sign-in, as {@code serve} does in its default mode. */
    static RunningServer withDevSignIn(LanguageModel model) {
        return new RunningServer(TestPostgres.freshDatabaseUrl(), model, McpHttpSettings.loopbackOnly(), true,
                Protection.off());
    }

    /** Another instance on the same database, as a second node behind a load balancer would be. */
    RunningServer anotherInstance() {
        return new RunningServer(databaseUrl, model, mcp, devSignIn, protection, limits);
    }

    /**
     * Takes every connection of the server's pool, as a burst of load does, until the returned handle is closed.
     */
    AutoCloseable occupyEveryConnection() throws SQLException {
        List<Connection> held = new ArrayList<>();
        for (int i = 0; i < POOL_SIZE; i++) {
            held.add(database.dataSource().getConnection());
        }
        return () -> {
            for (Connection connection : held) {
                connection.close();
            }
        };
    }

    private void open() {
        database = PostgresDatabase.connect(databaseUrl, POOL_SIZE);
        database.migrate();
        server = Server.start(database, model, tokens, Server.Options.defaults().withMcp(mcp).withDevSignIn(devSignIn)
                .withProtection(protection).withLimits(limits));
    }

    void restart() {
        server.close();
        open();
    }

    /** The routes the HTTP API registered, as {@code METHOD path-template}. */
    List<String> routes() {
        return server.routes();
    }

    String databaseUrl() {
        return databaseUrl;
    }

    /** The database the server runs on, with its counts of statements and transactions. */
    PostgresDatabase database() {
        return database;
    }

    /** Where clients reach it: {@code http://localhost:PORT}. */
    String baseUrl() {
        return "http://localhost:" + server.port();
    }

    String tokenFor(String user) {
        return tokens.issue(new UserId(user), Duration.ofHours(1));
    }

    /** Alice's (or anyone's) chat: the path's user, the token's user, and a message in a fresh conversation. */
    Reply chat(String user, String message) {
        return chat(user, message, null);
    }

    Reply chat(String user, String message, String conversationId) {
        ObjectNode body = JSON.createObjectNode().put("message", message);
        if (conversationId != null) {
            body.put("conversation_id", conversationId);
        }
        return post("/api/" + user + "/chat", "Bearer " + tokenFor(user), body.toString());
    }

    Reply post(String path, String authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    /** A POST whose body is sent chunked, without {@code Content-Length}. */
    Reply postStream(String path, String authorization, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build());
    }

    /** Any request, with an {@code Authorization} header when {@code authorization} is not null. */
    Reply request(String method, String path, String authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    /** A request as {@code user}, with a valid token of theirs. */
    Reply as(String user, String method, String path, String body) {
        return request(method, path, "Bearer " + tokenFor(user), body);
    }

    /** Any request with these headers (and a JSON body when {@code body} is not null). */
    Reply exchange(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    List<Task> tasksOf(String user) {
        return database.storage().inTransaction(unit -> unit.tasks().list(new UserId(user), TaskFilter.ALL));
    }

    List<RecordedMessage> messages(UserId user, ConversationId conversation) {
        return database.storage().inTransaction(unit -> unit.transcript().latest(user, conversation, 1_000));
    }

    /** How many rows each table holds, to show that a refused request changed nothing. */
    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                    + " AND table_name <> 'flyway_schema_history'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    long totalRows() {
        return rowCounts().values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        server.close();
    }

    private URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer, with its body read as JSON. */
    record Reply(int status, Map<String, List<String>> headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("the body is not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(h -> h.getValue().getFirst()).findFirst().orElse(null);
        }

        List<String> tools() {
            List<String> tools = new ArrayList<>();
            json().get("tool_calls").forEach(call -> tools.add(call.get("tool").asText()));
            return tools;
        }
    }
}
