package dev.todochat.bootstrap;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todochat.llm.offline.OfflineAssistant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random input on every surface a client can reach (the chat, the task and conversation REST API, MCP): random JSON
 * shapes, unicode, huge numbers, wrong types, broken bodies and odd path segments, sent by a signed-in user who also
 * aims at another user's ids. The server never answers 5xx and never changes the other user's data. The seed is
 * fixed so a failure can be replayed; it is printed in every assertion message.
 */
class InputFuzzTest {
    private static final long SEED = 20261122L;
    private static final int ROUNDS = 150;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> KEYS = List.of("message", "conversation_id", "title", "description",
            "completed", "task_id", "status", "jsonrpc", "method", "params", "arguments", "name", "id", "", "__proto__");
    private static final List<String> STRANGE_TEXT = List.of("", " ", "\u0000", "\u202Eevil", "😀".repeat(700),
            "x".repeat(2001), "<img src=x onerror=alert(1)>", "'; DROP TABLE tasks; --", "\uD800", "\\u0000",
            "buy milk", "Mark buy milk as done", "Delete task 1", "Rename task 1 to x", "null", "9".repeat(400));

    /** The only complaints random input may cause: the MCP SDK refusing a message, and our shield answering 400. */
    private static final List<String> EXPECTED_COMPLAINTS = List.of(
            "io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport",
            "dev.todochat.mcp.internal.SdkErrorShield");

    private final Random random = new Random(SEED);
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @Test
    void random_input_on_every_surface_never_gets_a_5xx_and_never_touches_another_users_data() throws Exception {
        try (RunningServer server = RunningServer.with(new OfflineAssistant())) {
            RunningServer.Reply bobs = server.chat("bob", "Add a task to guard the castle");
            String bobsConversation = bobs.json().get("conversation_id").asText();
            long bobsTask = bobs.json().at("/tool_calls/0/result/task_id").asLong();
            server.chat("alice", "Add a task to buy milk");
            String before = snapshot(server.databaseUrl(), "bob");
            List<String> targets = List.of("1", "0", "-1", "2", Long.toString(bobsTask), bobsConversation,
                    UUID.randomUUID().toString(), "99999999999999999999999999", "abc", "%00", "..", "1e3", "%F0%9F%98%80",
                    "00000000-0000-0000-0000-000000000000", "1.5", "x".repeat(300));

            for (int round = 0; round < ROUNDS; round++) {
                String target = targets.get(random.nextInt(targets.size()));
                String body = random.nextInt(10) == 0 ? brokenBody() : randomObject(3).toString();
                List<RunningServer.Reply> replies = List.of(
                        once(() -> server.as("alice", "POST", "/api/alice/chat", body)),
                        once(() -> server.as("alice", "POST", "/api/alice/chat/stream", body)),
                        once(() -> server.as("alice", "POST", "/api/alice/tasks", body)),
                        once(() -> server.as("alice", "PATCH", "/api/alice/tasks/" + target, body)),
                        once(() -> server.as("alice", "GET", "/api/alice/tasks/" + target, null)),
                        once(() -> server.as("alice", "DELETE", "/api/alice/tasks/" + target, null)),
                        once(() -> server.as("alice", "GET", "/api/alice/tasks?status=" + query(randomText()), null)),
                        once(() -> server.as("alice", "GET", "/api/alice/conversations?limit=" + query(randomText())
                                + "&cursor=" + query(randomText()), null)),
                        once(() -> server.as("alice", "GET", "/api/alice/conversations/" + target + "/messages?after="
                                + query(randomText()), null)),
                        once(() -> server.as("alice", "DELETE", "/api/alice/conversations/" + target, null)),
                        once(() -> server.as("alice", "POST", "/api/bob/chat", body)),
                        once(() -> server.exchange("POST", "/mcp", mcpHeaders(server), mcpCall(target).toString())));
                for (RunningServer.Reply reply : replies) {
                    assertThat(reply.status()).as("seed %d, round %d, body %s: %s", SEED, round, body, reply.body())
                            .isLessThan(500);
                }
            }

            assertThat(snapshot(server.databaseUrl(), "bob")).as("bob's rows, seed %d", SEED).isEqualTo(before);
            assertThat(logs.problems()).extracting(ILoggingEvent::getLoggerName).isSubsetOf(EXPECTED_COMPLAINTS);
        }
    }

    @Test
    void an_mcp_message_the_sdk_cannot_handle_is_a_clean_json_rpc_error_not_a_500_with_a_stack_trace() {
        try (RunningServer server = RunningServer.with(new OfflineAssistant())) {
            for (String message : List.of(
                    "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/call\", \"params\": {\"name\": \"add_task\", \"arguments\": \"x\"}}",
                    "{\"jsonrpc\": \"2.0\", \"id\": 2, \"method\": \"no/such/method\"}",
                    "{\"jsonrpc\": \"2.0\", \"id\": 3}",
                    "[1, 2, 3]")) {
                RunningServer.Reply reply = server.exchange("POST", "/mcp", mcpHeaders(server), message);

                assertThat(reply.status()).as(message).isBetween(200, 499);
                assertThat(reply.body()).as(message).doesNotContain("stackTrace", "Exception", "at io.");
            }
            assertThat(logs.problems()).extracting(ILoggingEvent::getLoggerName).isSubsetOf(EXPECTED_COMPLAINTS);
        }
    }

    /**
     * One request, sent again once if the connection it was given had been closed: Jetty answers a path it refuses
     * (such as {@code %00}) with a 400 and closes the connection, and the client may have pooled that connection for
     * the next request already. A second failure fails the test.
     */
    private static RunningServer.Reply once(java.util.function.Supplier<RunningServer.Reply> request) {
        try {
            return request.get();
        } catch (java.io.UncheckedIOException closed) {
            return request.get();
        }
    }

    private static Map<String, String> mcpHeaders(RunningServer server) {
        return Map.of("Authorization", "Bearer " + server.tokenFor("alice"),
                "Accept", "application/json, text/event-stream");
    }

    private ObjectNode mcpCall(String target) {
        ObjectNode call = NODES.objectNode().put("jsonrpc", "2.0").put("id", random.nextInt(1000));
        call.put("method", random.nextInt(4) == 0 ? randomText() : "tools/call");
        ObjectNode params = call.putObject("params");
        List<String> tools = List.of("add_task", "list_tasks", "complete_task", "delete_task", "update_task", "nope");
        params.put("name", tools.get(random.nextInt(tools.size())));
        ObjectNode arguments = randomObject(2);
        if (random.nextBoolean()) {
            arguments.put("task_id", target);
        }
        params.set("arguments", random.nextInt(8) == 0 ? randomValue(1) : arguments);
        return call;
    }

    private ObjectNode randomObject(int depth) {
        ObjectNode object = NODES.objectNode();
        int fields = random.nextInt(5);
        for (int i = 0; i < fields; i++) {
            object.set(KEYS.get(random.nextInt(KEYS.size())), randomValue(depth - 1));
        }
        return object;
    }

    private JsonNode randomValue(int depth) {
        return switch (random.nextInt(depth > 0 ? 9 : 7)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(new BigInteger(random.nextInt(200) + 1, random).negate().add(BigInteger.TEN));
            case 3 -> NODES.numberNode(new BigDecimal(random.nextGaussian() * 1e6).scaleByPowerOfTen(random.nextInt(700) - 350));
            case 4 -> NODES.numberNode(random.nextInt());
            case 5, 6 -> NODES.textNode(randomText());
            case 7 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(depth - 1));
                }
                yield array;
            }
            default -> randomObject(depth - 1);
        };
    }

    private String randomText() {
        if (random.nextBoolean()) {
            return STRANGE_TEXT.get(random.nextInt(STRANGE_TEXT.size()));
        }
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            text.appendCodePoint(switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x20 + random.nextInt(0x5f);
                case 2 -> 0xA0 + random.nextInt(0x2000);
                default -> 0x1F600 + random.nextInt(0x50);
            });
        }
        return text.toString();
    }

    private String brokenBody() {
        List<String> broken = List.of("", "{", "[]", "null", "\"text\"", "{\"message\": }", "{\"message\": \"a\"",
                "\u0000\u0001", "{\"message\": \"a\", \"message\": \"b\"}", "{" + "\"a\":{".repeat(2000));
        return broken.get(random.nextInt(broken.size()));
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Every row of {@code user} in every table, as text, in a stable order. */
    private static String snapshot(String databaseUrl, String user) throws SQLException {
        StringBuilder rows = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(databaseUrl);
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = statement.executeQuery("SELECT table_name FROM information_schema.columns"
                    + " WHERE table_schema = current_schema() AND column_name = 'user_id' ORDER BY table_name")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            assertThat(tables).contains("conversations", "messages", "tasks");
            for (String table : tables) {
                try (ResultSet result = statement.executeQuery("SELECT * FROM " + table + " WHERE user_id = '" + user
                        + "' ORDER BY 1, 2")) {
                    ResultSetMetaData meta = result.getMetaData();
                    while (result.next()) {
                        rows.append(table).append(':');
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            rows.append(' ').append(result.getString(column));
                        }
                        rows.append('\n');
                    }
                }
            }
        }
        return rows.toString();
    }
}
