package dev.todochat.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.todochat.domain.port.ModelFailure;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.http.TrustedProxies;
import dev.todochat.llm.scripted.ScriptedModel;
import dev.todochat.llm.scripted.ToolCalls;
import dev.todochat.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document at {@code /openapi.json} matches the server: the same routes, and real responses of every
 * documented route and status validate against the document's schemas (JSON Schema 2020-12).
 */
class OpenApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> JSON_TYPES = Set.of("application/json");

    private final List<String> exercised = new ArrayList<>();
    private final Set<String> exercisedResponses = new HashSet<>();
    private JsonNode document;

    @Test
    void every_route_the_server_registers_is_documented_and_every_documented_route_exists() {
        try (RunningServer server = RunningServer.withDevSignIn(ScriptedModel.create())) {
            JsonNode doc = server.get("/openapi.json").json();
            Set<String> documented = new TreeSet<>();
            doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
                if (!operation.getKey().equals("parameters")) {
                    documented.add(operation.getKey().toUpperCase() + " " + path.getKey());
                }
            }));

            assertThat(server.routes()).isNotEmpty();
            assertThat(new TreeSet<>(server.routes())).isEqualTo(documented);
        }
    }

    @Test
    void real_responses_of_every_documented_route_and_status_validate_against_its_schema() throws Exception {
        CountDownLatch modelHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ScriptedModel model = ScriptedModel.create()
                .replyToolCalls(ToolCalls.addTask("buy milk")).replyText("Added it.")
                .replyText("Streamed.")
                .thenFail(ModelFailure.Kind.UPSTREAM_ERROR)
                .thenFail(ModelFailure.Kind.UNAVAILABLE)
                .thenFail(ModelFailure.Kind.TIMEOUT)
                .then(prompt -> {
                    modelHeld.countDown();
                    await(release);
                    return ModelReply.text("Late.");
                });
        try (CapturedLogs quiet = new CapturedLogs();
             RunningServer server = RunningServer.withDevSignIn(model)) {
            document = server.get("/openapi.json").json();
            String chat = "/api/{user_id}/chat";
            RunningServer.Reply answered = check(server, "POST", chat, "/api/alice/chat", alice(server),
                    "{\"message\": \"Add a task to buy milk\"}", 200);
            String conversation = answered.json().get("conversation_id").asText();
            check(server, "POST", "/api/{user_id}/chat/stream", "/api/alice/chat/stream", alice(server),
                    "{\"message\": \"hi\", \"conversation_id\": \"" + conversation + "\"}", 200);
            check(server, "POST", chat, "/api/alice/chat", alice(server), "{\"message\": \"\"}", 400);
            check(server, "POST", chat, "/api/alice/chat", Map.of(), "{\"message\": \"hi\"}", 401);
            check(server, "POST", chat, "/api/bob/chat", alice(server), "{\"message\": \"hi\"}", 403);
            check(server, "POST", chat, "/api/alice/chat", alice(server),
                    "{\"message\": \"hi\", \"conversation_id\": \"00000000-0000-0000-0000-000000000000\"}", 404);
            check(server, "POST", chat, "/api/alice/chat", alice(server),
                    "{\"message\": \"" + "x".repeat(70_000) + "\"}", 413);
            check(server, "POST", chat, "/api/alice/chat", alice(server), "{\"message\": \"one\"}", 502);
            check(server, "POST", chat, "/api/alice/chat", alice(server), "{\"message\": \"two\"}", 503);
            check(server, "POST", chat, "/api/alice/chat", alice(server), "{\"message\": \"three\"}", 504);
            Map<String, String> keyed = with(alice(server), "Idempotency-Key", "k-1");
            CompletableFuture<RunningServer.Reply> held = CompletableFuture.supplyAsync(() -> server.exchange("POST",
                    "/api/alice/chat", keyed, "{\"message\": \"hold\", \"conversation_id\": \"" + conversation + "\"}"));
            await(modelHeld);
            check(server, "POST", chat, "/api/alice/chat", alice(server),
                    "{\"message\": \"meanwhile\", \"conversation_id\": \"" + conversation + "\"}", 409);
            release.countDown();
            assertThat(held.get().status()).isEqualTo(200);
            check(server, "POST", chat, "/api/alice/chat", keyed, "{\"message\": \"another\"}", 422);
            check(server, "POST", chat, "/api/alice/chat", alice(server), "{\"message\": \"no script left\"}", 500);

            String tasks = "/api/{user_id}/tasks";
            String task = "/api/{user_id}/tasks/{task_id}";
            check(server, "GET", tasks, "/api/alice/tasks?status=all", alice(server), null, 200);
            check(server, "GET", tasks, "/api/alice/tasks?status=maybe", alice(server), null, 400);
            RunningServer.Reply added = check(server, "POST", tasks, "/api/alice/tasks", alice(server),
                    "{\"title\": \"water the plants\"}", 201);
            String id = added.json().get("id").asText();
            check(server, "POST", tasks, "/api/alice/tasks", alice(server), "{\"title\": \"\"}", 400);
            check(server, "POST", tasks, "/api/alice/tasks", alice(server),
                    "{\"title\": \"" + "x".repeat(70_000) + "\"}", 413);
            check(server, "GET", task, "/api/alice/tasks/" + id, alice(server), null, 200);
            check(server, "GET", task, "/api/alice/tasks/abc", alice(server), null, 400);
            check(server, "GET", task, "/api/alice/tasks/999999", alice(server), null, 404);
            check(server, "PATCH", task, "/api/alice/tasks/" + id, alice(server), "{\"completed\": true}", 200);
            check(server, "PATCH", task, "/api/alice/tasks/" + id, alice(server), "{\"completed\": \"yes\"}", 400);
            check(server, "PATCH", task, "/api/alice/tasks/999999", alice(server), "{\"completed\": true}", 404);
            check(server, "PATCH", task, "/api/alice/tasks/" + id, alice(server),
                    "{\"title\": \"" + "x".repeat(70_000) + "\"}", 413);
            check(server, "DELETE", task, "/api/alice/tasks/" + id, alice(server), null, 204);
            check(server, "DELETE", task, "/api/alice/tasks/abc", alice(server), null, 400);
            check(server, "DELETE", task, "/api/alice/tasks/" + id, alice(server), null, 404);

            String conversations = "/api/{user_id}/conversations";
            String one = "/api/{user_id}/conversations/{conversation_id}";
            String messages = "/api/{user_id}/conversations/{conversation_id}/messages";
            check(server, "GET", conversations, "/api/alice/conversations?limit=1", alice(server), null, 200);
            check(server, "GET", conversations, "/api/alice/conversations?limit=0", alice(server), null, 400);
            check(server, "GET", one, "/api/alice/conversations/" + conversation, alice(server), null, 200);
            check(server, "GET", one, "/api/alice/conversations/nope", alice(server), null, 400);
            check(server, "GET", one, "/api/bob/conversations/" + conversation, bob(server), null, 404);
            check(server, "GET", messages, "/api/alice/conversations/" + conversation + "/messages", alice(server),
                    null, 200);
            check(server, "GET", messages, "/api/alice/conversations/" + conversation + "/messages?limit=0",
                    alice(server), null, 400);
            check(server, "GET", messages, "/api/bob/conversations/" + conversation + "/messages", bob(server),
                    null, 404);
            check(server, "DELETE", one, "/api/alice/conversations/nope", alice(server), null, 400);
            check(server, "DELETE", one, "/api/alice/conversations/" + conversation, alice(server), null, 204);
            check(server, "DELETE", one, "/api/alice/conversations/" + conversation, alice(server), null, 404);

            check(server, "POST", "/api/dev/token", "/api/dev/token", Map.of(), "{\"user\": \"carol\"}", 200);
            check(server, "POST", "/api/dev/token", "/api/dev/token", Map.of(), "{\"user\": \"\"}", 400);
            check(server, "GET", "/health", "/health", Map.of(), null, 200);
            check(server, "GET", "/ready", "/ready", Map.of(), null, 200);
            check(server, "GET", "/metrics", "/metrics", Map.of(), null, 200);
            check(server, "GET", "/openapi.json", "/openapi.json", Map.of(), null, 200);
            for (String asset : List.of("/", "/app.js", "/app.css", "/favicon.svg")) {
                check(server, "GET", asset, asset, Map.of(), null, 200);
            }
        }
        try (RunningServer limited = RunningServer.with(ScriptedModel.create().replyText("Hello."),
                new Protection(1, 0, TrustedProxies.none(), List.of(), Clock.systemUTC()))) {
            limited.chat("alice", "hi");
            check(limited, "POST", "/api/{user_id}/chat", "/api/alice/chat", alice(limited),
                    "{\"message\": \"again\"}", 429);
        }
        checkWithoutDatabase();

        assertThat(documentedButNotExercised()).as("documented responses no test produced").isEmpty();
    }

    /** {@code /health} and {@code /ready} while the database is gone: their 503 bodies. */
    private void checkWithoutDatabase() throws IOException {
        String url = TestPostgres.freshDatabaseUrl();
        Matcher address = Pattern.compile("//([^/:]+):(\\d+)/").matcher(url);
        assertThat(address.find()).isTrue();
        try (CuttableProxy line = new CuttableProxy(address.group(1), Integer.parseInt(address.group(2)));
             RunningServer server = RunningServer.on(address.replaceFirst("//127.0.0.1:" + line.port() + "/"),
                     ScriptedModel.create())) {
            line.cut();
            check(server, "GET", "/health", "/health", Map.of(), null, 503);
            check(server, "GET", "/ready", "/ready", Map.of(), null, 503);
        }
    }

    private RunningServer.Reply check(RunningServer server, String method, String route, String path,
                                      Map<String, String> headers, String body, int status) {
        RunningServer.Reply reply = server.exchange(method, path, headers, body);
        assertThat(reply.status()).as("%s %s: %s", method, path, reply.body()).isEqualTo(status);
        String pointer = "/paths/" + route.replace("~", "~0").replace("/", "~1") + "/" + method.toLowerCase();
        JsonNode response = document.at(pointer + "/responses/" + status);
        assertThat(response.isMissingNode()).as("%s %s documents status %s", method, route, status).isFalse();
        if (response.has("$ref")) {
            exercisedResponses.add(response.get("$ref").asText());
            response = document.at(response.get("$ref").asText().substring(1));
        }
        exercised.add(method + " " + route + " " + status);
        JsonNode content = response.path("content");
        if (content.isMissingNode()) {
            assertThat(reply.body()).as("%s %s %s has no body", method, route, status).isEmpty();
            return reply;
        }
        String type = reply.header("Content-Type");
        String documentedType = content.fieldNames().next();
        assertThat(type).as("%s %s %s", method, route, status).startsWith(documentedType);
        if (JSON_TYPES.contains(documentedType)) {
            List<Error> errors = schema(content.get(documentedType).get("schema")).validate(reply.json());
            assertThat(errors).as("%s %s %s: %s", method, route, status, reply.body()).isEmpty();
        }
        return reply;
    }

    /** The response's schema as a JSON Schema 2020-12 document, with the document's schemas as its {@code $defs}. */
    private Schema schema(JsonNode schema) {
        try {
            String definitions = document.at("/components/schemas").toString();
            String root = "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"$defs\": " + definitions
                    + ", \"allOf\": [" + schema + "]}";
            JsonNode node = JSON.readTree(root.replace("#/components/schemas/", "#/$defs/"));
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(node);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Every documented route and status a request above produced; a status documented through a shared response
     * (such as the 503 of every authenticated route) counts when that shared response was produced on any route.
     */
    private List<String> documentedButNotExercised() {
        List<String> missing = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (operation.getKey().equals("parameters")) {
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> statuses = operation.getValue().get("responses").properties()
                    .iterator();
            while (statuses.hasNext()) {
                Map.Entry<String, JsonNode> status = statuses.next();
                String key = operation.getKey().toUpperCase() + " " + path.getKey() + " " + status.getKey();
                boolean shared = status.getValue().has("$ref")
                        && exercisedResponses.contains(status.getValue().get("$ref").asText());
                if (!exercised.contains(key) && !shared) {
                    missing.add(key);
                }
            }
        }));
        return missing;
    }

    private static Map<String, String> alice(RunningServer server) {
        return Map.of("Authorization", "Bearer " + server.tokenFor("alice"));
    }

    private static Map<String, String> bob(RunningServer server) {
        return Map.of("Authorization", "Bearer " + server.tokenFor("bob"));
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return more;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
