package dev.todochat.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todochat.domain.UserId;
import dev.todochat.http.Tokens;
import dev.todochat.llm.scripted.ScriptedModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the API refuses: each gets its status and error kind, and none changes a row or reaches the model. Alice
 * has one conversation to start with; the scripted model has no step left, so a model call would fail the turn.
 * Since no test may change anything, they share one server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RejectedRequestsTest {
    private final ScriptedModel model = ScriptedModel.create().replyText("Noted.");
    private final RunningServer server = RunningServer.with(model);
    private String alicesConversation;
    private Map<String, Long> rowsBefore;

    @BeforeAll
    void alice_has_a_conversation() {
        alicesConversation = server.chat("alice", "Remember this").json().get("conversation_id").asText();
        rowsBefore = server.rowCounts();
        assertThat(rowsBefore).containsEntry("conversations", 1L).containsEntry("messages", 2L);
    }

    @AfterEach
    void nothing_changed_and_the_model_was_not_asked() {
        assertThat(server.rowCounts()).isEqualTo(rowsBefore);
        assertThat(model.prompts()).hasSize(1);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void bobs_token_on_alices_path_is_forbidden() {
        RunningServer.Reply reply = server.post("/api/alice/chat", "Bearer " + server.tokenFor("bob"),
                "{\"message\": \"What's on my list?\"}");

        assertError(reply, 403, "Forbidden");
    }

    @Test
    void bob_sending_alices_conversation_on_his_own_path_is_not_found() {
        RunningServer.Reply reply = server.chat("bob", "What's on my list?", alicesConversation);

        assertError(reply, 404, "NotFound");
    }

    @Test
    void a_conversation_that_does_not_exist_is_not_found() {
        RunningServer.Reply reply = server.chat("alice", "Hello", "7a4c5a2e-2f7e-4d2e-9d3c-0c9b8f0e1a11");

        assertError(reply, 404, "NotFound");
    }

    @Test
    void no_token_is_unauthorized_with_a_bearer_challenge() {
        RunningServer.Reply reply = server.post("/api/alice/chat", null, "{\"message\": \"Hello\"}");

        assertError(reply, 401, "Unauthorized");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void a_token_with_a_bad_signature_is_unauthorized() {
        String forged = new Tokens("another-secret-that-is-long-enough-too!".getBytes(StandardCharsets.UTF_8), Clock.systemUTC())
                .issue(new UserId("alice"), Duration.ofHours(1));

        RunningServer.Reply reply = server.post("/api/alice/chat", "Bearer " + forged, "{\"message\": \"Hello\"}");

        assertError(reply, 401, "Unauthorized");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
    }

    @Test
    void an_expired_token_is_unauthorized() {
        Clock twoDaysAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(2)), ZoneOffset.UTC);
        String expired = new Tokens(RunningServer.SECRET, twoDaysAgo).issue(new UserId("alice"), Duration.ofHours(1));

        RunningServer.Reply reply = server.post("/api/alice/chat", "Bearer " + expired, "{\"message\": \"Hello\"}");

        assertError(reply, 401, "Unauthorized");
        assertThat(reply.json().get("details").asText()).contains("expired");
    }

    @Test
    void a_header_that_is_not_a_bearer_token_is_unauthorized() {
        RunningServer.Reply reply = server.post("/api/alice/chat", "Basic YWxpY2U6c2VjcmV0", "{\"message\": \"Hi\"}");

        assertError(reply, 401, "Unauthorized");
    }

    @Test
    void an_empty_message_is_a_validation_error() {
        assertError(server.chat("alice", ""), 400, "ValidationFailed");
        assertError(server.chat("alice", "   "), 400, "ValidationFailed");
    }

    @Test
    void a_message_of_2001_characters_is_a_validation_error() {
        RunningServer.Reply reply = server.chat("alice", "a".repeat(2_001));

        assertError(reply, 400, "ValidationFailed");
        assertThat(reply.json().get("details").asText()).contains("2000");
    }

    @Test
    void a_missing_message_is_a_validation_error() {
        assertError(post("{\"conversation_id\": null}"), 400, "ValidationFailed");
    }

    @Test
    void malformed_json_is_a_bad_request() {
        assertError(post("{\"message\": \"Add a task to buy milk\""), 400, "BadRequest");
        assertError(post("not json at all"), 400, "BadRequest");
        assertError(post(""), 400, "BadRequest");
        assertError(post("{\"message\": \"Hello\"} {\"message\": \"again\"}"), 400, "BadRequest");
        assertError(post("{\"message\": \"Hello\", \"message\": \"Add a task to buy milk\"}"), 400, "BadRequest");
    }

    @Test
    void a_body_that_is_not_an_object_is_a_bad_request() {
        assertError(post("[\"Add a task to buy milk\"]"), 400, "BadRequest");
    }

    @Test
    void fields_of_the_wrong_type_are_a_bad_request() {
        assertError(post("{\"message\": 42}"), 400, "BadRequest");
        assertError(post("{\"message\": [\"buy milk\"]}"), 400, "BadRequest");
        assertError(post("{\"message\": \"Hello\", \"conversation_id\": 7}"), 400, "BadRequest");
    }

    @Test
    void a_conversation_id_that_is_not_a_uuid_is_a_validation_error() {
        RunningServer.Reply reply = server.chat("alice", "Hello", "conversation-1");

        assertError(reply, 400, "ValidationFailed");
        assertThat(reply.json().get("details").asText()).contains("conversation_id must be a UUID");
    }

    @Test
    void a_body_over_64_kib_is_too_large() {
        RunningServer.Reply reply = post("{\"message\": \"" + "a".repeat(70_000) + "\"}");

        assertError(reply, 413, "PayloadTooLarge");
    }

    /**
     * The server answers as soon as it sees the declared length, while the client is still sending. If it then
     * closed without reading the rest, the client's next write would be reset and the reset would discard the
     * 413 it had already received (this once failed CI as "header parser received no bytes").
     */
    @Test
    void a_client_still_sending_a_large_body_receives_the_413() throws Exception {
        byte[] body = ("{\"message\": \"" + "a".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        URI base = URI.create(server.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/alice/chat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + server.tokenFor("alice") + "\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 1_000);
            out.flush();
            // a slow client: the old server had answered and closed by the time the rest arrived
            LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
            out.write(body, 1_000, body.length - 1_000);
            out.flush();

            String answer = new String(socket.getInputStream().readNBytes(200), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void a_chunked_body_over_64_kib_is_too_large() {
        byte[] body = ("{\"message\": \"" + "a".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < 5; attempt++) {
            assertError(server.postStream("/api/alice/chat", "Bearer " + server.tokenFor("alice"), body),
                    413, "PayloadTooLarge");
        }
    }

    @Test
    void an_unknown_path_is_not_found_in_the_error_format() {
        assertError(server.get("/api/alice/nothing-here"), 404, "NotFound");
    }

    @Test
    void a_known_path_with_another_method_is_not_allowed() {
        assertError(server.get("/api/alice/chat"), 405, "MethodNotAllowed");
    }

    private RunningServer.Reply post(String body) {
        return server.post("/api/alice/chat", "Bearer " + server.tokenFor("alice"), body);
    }

    private static void assertError(RunningServer.Reply reply, int status, String kind) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode body = reply.json();
        assertThat(body.get("error").asText()).isEqualTo(kind);
        assertThat(body.get("details").asText()).isNotBlank();
        assertThat(body.size()).isEqualTo(2);
    }
}
