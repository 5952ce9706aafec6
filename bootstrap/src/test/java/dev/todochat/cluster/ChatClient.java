package dev.todochat.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.todochat.domain.UserId;
import dev.todochat.http.Tokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A client of the chat API as the cluster tests use it: tokens signed with the instances' secret, one chat turn per
 * call, every answer kept whole (status, {@code Retry-After}, the instance that served it when a proxy says so). A
 * request that gets no answer at all (a hang past the timeout, a reset connection) is an answer too: status 0.
 */
final class ChatClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final Tokens tokens;
    private final Function<String, URI> address;
    private final Duration timeout;

    /**
     * @param address where a path goes: an instance, or the proxy in front of several
     * @param timeout how long one request may take before it counts as hanging
     */
    ChatClient(String secret, Function<String, URI> address, Duration timeout) {
        this.tokens = new Tokens(secret.getBytes(StandardCharsets.UTF_8), java.time.Clock.systemUTC());
        this.address = address;
        this.timeout = timeout;
    }

    /**
     * One turn of a user of its own on a server that just started, with all the time it needs: the first turn of a
     * JVM loads and compiles most of the code, which on a busy machine takes longer than any later one may.
     */
    static void warmUp(String secret, Function<String, URI> address) {
        try (ChatClient client = new ChatClient(secret, address, Duration.ofMinutes(2))) {
            Reply reply = client.chat("warm-up", "warm up", null);
            if (reply.status() != 200) {
                throw new IllegalStateException("the warm-up turn failed: " + reply);
            }
        }
    }

    Reply chat(String user, String message, String conversation) {
        return chat(user, message, conversation, null);
    }

    Reply chat(String user, String message, String conversation, String idempotencyKey) {
        ObjectNode body = JSON.createObjectNode().put("message", message);
        if (conversation != null) {
            body.put("conversation_id", conversation);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(address.apply("/api/" + user + "/chat"))
                .header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "application/json")
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Retry-After"),
                    response.headers().firstValue("X-Upstream"), response.body());
        } catch (IOException e) {
            return new Reply(0, Optional.empty(), Optional.empty(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String token(String user) {
        return tokens.issue(new UserId(user), Duration.ofHours(1));
    }

    @Override
    public void close() {
        http.close();
    }

    /**
     * One answer.
     *
     * @param status     the HTTP status, or 0 when none came
     * @param retryAfter the {@code Retry-After} header
     * @param servedBy   the instance nginx sent the request to ({@code X-Upstream}, added by the test's nginx)
     */
    record Reply(int status, Optional<String> retryAfter, Optional<String> servedBy, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        String conversationId() {
            return json().path("conversation_id").asText();
        }

        boolean isServerError() {
            return status == 0 || status >= 500;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
