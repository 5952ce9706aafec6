package dev.todochat.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.RecordedMessage;
import dev.todochat.domain.Task;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.UserId;
import dev.todochat.domain.AssistantMessage;
import dev.todochat.http.Tokens;
import dev.todochat.persistence.PostgresDatabase;
import dev.todochat.testing.TestPostgres;
import dev.todochat.testing.openai.OpenAiStub;
import dev.todochat.testing.openai.StubToolCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server processes on one database, one model service: requests alternate between them, one is killed with
 * SIGKILL in the middle of a turn, and the conversation goes on on the other once the dead turn's lease lapses.
 * Every turn that got a 200 has all its rows; no row is duplicated; the killed turn's completed tool round stays
 * recorded, and nothing claims it finished.
 */
class TwoInstancesTest {
    private static final String SECRET = "two-instances-secret-of-32-bytes-at-least";
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    private final HttpClient client = HttpClient.newHttpClient();
    private final String token = new Tokens(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC())
            .issue(new UserId("alice"), Duration.ofHours(1));

    @Test
    void a_killed_instance_loses_nothing_and_its_conversation_continues_on_the_other() throws Exception {
        String databaseUrl = TestPostgres.freshDatabaseUrl();
        try (OpenAiStub model = OpenAiStub.start();
             Instance a = Instance.start("a", environment(databaseUrl, model), workDir);
             Instance b = Instance.start("b", environment(databaseUrl, model), workDir)) {
            List<String> answered = new ArrayList<>();

            model.replyText("Hello from the model.");
            JsonNode first = chat(a, "hi", null).json();
            String conversation = first.get("conversation_id").asText();
            answered.add(first.get("response").asText());
            model.replyToolCalls(StubToolCall.of("c1", "add_task", "{\"title\": \"buy milk\"}")).replyText("Added buy milk.");
            answered.add(chat(b, "Add a task to buy milk", conversation).json().get("response").asText());
            model.replyToolCalls(StubToolCall.of("c2", "list_tasks", "{\"status\": \"all\"}")).replyText("You have buy milk.");
            answered.add(chat(a, "What's on my list?", conversation).json().get("response").asText());

            model.replyToolCalls(StubToolCall.of("c3", "add_task", "{\"title\": \"call mom\"}"))
                    .stall(Duration.ofMinutes(5));
            int before = model.requests().size();
            CompletableFuture<Reply> doomed = CompletableFuture.supplyAsync(() -> chat(b, "Add call mom", conversation));
            awaitRequests(model, before + 2);
            b.kill();
            assertThat(doomed.handle((reply, error) -> error != null || reply.status() >= 500).join())
                    .as("the killed instance's client got no answer").isTrue();

            Reply refused = chat(a, "Did that work?", conversation);
            assertThat(refused.status()).as("the dead turn still holds the conversation").isEqualTo(409);
            assertThat(refused.retryAfter()).isBetween(1L, LEASE.toSeconds());

            model.replyText("call mom is on your list.");
            Reply continued = chatHonouringRetryAfter(a, "Did that work?", conversation);
            assertThat(continued.status()).isEqualTo(200);
            answered.add(continued.json().get("response").asText());
            model.replyText("Anything else?");
            answered.add(chat(a, "Thanks", conversation).json().get("response").asText());

            try (PostgresDatabase database = PostgresDatabase.connect(databaseUrl, 2)) {
                UserId alice = new UserId("alice");
                List<RecordedMessage> stored = database.storage().inTransaction(unit ->
                        unit.transcript().latest(alice, ConversationId.parse(conversation), 1000));
                assertThat(stored).extracting(RecordedMessage::seq)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, stored.size()).boxed().toList());
                List<String> roles = stored.stream().map(m -> m.message().role()).toList();
                assertThat(roles).containsExactly(
                        "user", "assistant",
                        "user", "assistant", "tool", "assistant",
                        "user", "assistant", "tool", "assistant",
                        "user", "assistant", "tool",
                        "user", "assistant",
                        "user", "assistant");
                List<String> answers = stored.stream().map(RecordedMessage::message)
                        .filter(m -> m instanceof AssistantMessage assistant && !assistant.hasToolCalls())
                        .map(m -> ((AssistantMessage) m).text()).toList();
                assertThat(answers).containsExactlyElementsOf(answered);
                List<Task> tasks = database.storage().inTransaction(unit -> unit.tasks().list(alice, TaskFilter.ALL));
                assertThat(tasks).extracting(Task::title).containsExactly("buy milk", "call mom");
            }
        }
    }

    private static Map<String, String> environment(String databaseUrl, OpenAiStub model) {
        return Map.of("DATABASE_URL", databaseUrl, "JWT_SECRET", SECRET, "OPENAI_BASE_URL", model.baseUrl(),
                "OPENAI_MAX_RETRIES", "0", "OPENAI_TIMEOUT", "10m", "TURN_LEASE", LEASE.toSeconds() + "s",
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    private Reply chat(Instance instance, String message, String conversation) {
        String body = conversation == null ? "{\"message\": \"" + message + "\"}"
                : "{\"message\": \"" + message + "\", \"conversation_id\": \"" + conversation + "\"}";
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(instance.uri("/api/alice/chat"))
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a well-behaved client does with a 409: wait as long as {@code Retry-After} says, then try again. */
    private Reply chatHonouringRetryAfter(Instance instance, String message, String conversation) {
        Instant deadline = Instant.now().plus(LEASE.multipliedBy(5));
        Reply reply = chat(instance, message, conversation);
        while (reply.status() == 409 && Instant.now().isBefore(deadline)) {
            Waiting.pause(Duration.ofSeconds(reply.retryAfter()));
            reply = chat(instance, message, conversation);
        }
        return reply;
    }

    private static void awaitRequests(OpenAiStub model, int count) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (model.requests().size() < count) {
            assertThat(Instant.now()).as("the model saw the turn's second call").isBefore(deadline);
            Waiting.pause(Duration.ofMillis(20));
        }
    }

    private record Reply(int status, String retryAfterHeader, String body) {
        long retryAfter() {
            return retryAfterHeader == null ? 0 : Long.parseLong(retryAfterHeader);
        }

        JsonNode json() {
            assertThat(status).as("status of %s", body).isEqualTo(200);
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(body, e);
            }
        }
    }
}
