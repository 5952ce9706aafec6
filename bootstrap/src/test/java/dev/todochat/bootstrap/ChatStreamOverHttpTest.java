package dev.todochat.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.todochat.domain.port.LanguageModel;
import dev.todochat.domain.port.ModelFailure;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.domain.port.Prompt;
import dev.todochat.llm.openai.OpenAiModel;
import dev.todochat.llm.openai.OpenAiSettings;
import dev.todochat.testing.openai.OpenAiStub;
import dev.todochat.testing.openai.StubToolCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/{user_id}/chat/stream}: the same turn, its text as it is written and its tools as they are
 * committed, then the whole answer.
 */
class ChatStreamOverHttpTest {
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Event(String name, JsonNode data) {
    }

    private static List<Event> events(String body) throws IOException {
        List<Event> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            if (block.isBlank()) {
                continue;
            }
            String name = null;
            String data = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            events.add(new Event(name, JSON.readTree(data)));
        }
        return events;
    }

    private static RunningServer.Reply stream(RunningServer server, String user, String body) {
        return server.exchange("POST", "/api/" + user + "/chat/stream",
                Map.of("Authorization", "Bearer " + server.tokenFor(user)), body);
    }

    @Test
    void the_answer_arrives_as_deltas_then_done_carries_what_chat_would_answer() throws IOException {
        try (OpenAiStub stub = OpenAiStub.start();
             RunningServer server = RunningServer.with(new OpenAiModel(OpenAiSettings.defaults()
                     .withBaseUrl(stub.baseUrl()).withMaxRetries(0)))) {
            stub.replyToolCalls(StubToolCall.of("c1", "add_task", "{\"title\": \"buy milk\"}"))
                    .replyText("Added ", "buy ", "milk.");

            RunningServer.Reply reply = stream(server, "alice", "{\"message\": \"Add a task to buy milk\"}");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("Content-Type")).startsWith("text/event-stream");
            List<Event> events = events(reply.body());
            assertThat(events).extracting(Event::name)
                    .containsExactly("conversation", "tool_call", "delta", "delta", "delta", "done");
            assertThat(events.getFirst().data().get("conversation_id"))
                    .isEqualTo(events.getLast().data().get("conversation_id"));
            events = events.subList(1, events.size());
            JsonNode toolCall = events.get(0).data();
            assertThat(toolCall.get("tool").asText()).isEqualTo("add_task");
            assertThat(toolCall.at("/input/title").asText()).isEqualTo("buy milk");
            assertThat(toolCall.at("/result/title").asText()).isEqualTo("buy milk");
            assertThat(events.subList(1, 4)).extracting(event -> event.data().get("text").asText())
                    .containsExactly("Added ", "buy ", "milk.");
            JsonNode done = events.get(4).data();
            assertThat(done.get("response").asText()).isEqualTo("Added buy milk.");
            assertThat(done.get("tool_calls")).containsExactly(toolCall);
            assertThat(server.tasksOf("alice")).hasSize(1);
        }
    }

    @Test
    void a_tool_call_event_reports_an_effect_that_stays_when_a_later_round_fails() throws IOException {
        try (OpenAiStub stub = OpenAiStub.start();
             RunningServer server = RunningServer.with(new OpenAiModel(OpenAiSettings.defaults()
                     .withBaseUrl(stub.baseUrl()).withMaxRetries(0)))) {
            stub.replyToolCalls(StubToolCall.of("c1", "add_task", "{\"title\": \"buy milk\"}"),
                            StubToolCall.of("c2", "add_task", "{\"title\": \"call mom\"}"))
                    .fail(500);

            RunningServer.Reply reply = stream(server, "alice", "{\"message\": \"Add milk and mom\"}");

            List<Event> events = events(reply.body());
            assertThat(events).extracting(Event::name)
                    .containsExactly("conversation", "tool_call", "tool_call", "error");
            events = events.subList(1, events.size());
            assertThat(events.subList(0, 2)).extracting(event -> event.data().at("/input/title").asText())
                    .containsExactly("buy milk", "call mom");
            assertThat(events.get(2).data().get("error").asText()).startsWith("Model");
            assertThat(server.tasksOf("alice")).extracting(task -> task.title())
                    .containsExactlyInAnyOrder("buy milk", "call mom");
            assertThat(logs.problemsBesideTurnLines()).isNotEmpty().allSatisfy(warning ->
                    assertThat(warning.getFormattedMessage()).contains("failed: UPSTREAM_ERROR"));
            assertThat(logs.failedTurnLines()).singleElement().satisfies(turn -> assertThat(turn.getFormattedMessage())
                    .startsWith("turn failed (model_upstream_error)").contains("add_task:ok,add_task:ok"));
        }
    }

    @Test
    void the_first_event_names_the_conversation_before_the_model_is_called() throws IOException {
        try (OpenAiStub stub = OpenAiStub.start();
             RunningServer server = RunningServer.with(new OpenAiModel(OpenAiSettings.defaults()
                     .withBaseUrl(stub.baseUrl()).withMaxRetries(0)))) {
            stub.fail(500);

            RunningServer.Reply reply = stream(server, "alice", "{\"message\": \"Add a task to buy milk\"}");

            List<Event> events = events(reply.body());
            assertThat(events).extracting(Event::name).containsExactly("conversation", "error");
            String conversation = events.get(0).data().get("conversation_id").asText();
            RunningServer.Reply transcript = server.as("alice", "GET",
                    "/api/alice/conversations/" + conversation + "/messages", null);
            assertThat(transcript.status()).isEqualTo(200);
            assertThat(transcript.body()).contains("Add a task to buy milk");
        }
    }

    @Test
    void an_error_event_carries_the_wait_a_retry_after_header_would_have() throws IOException {
        ModelFailure limited = new ModelFailure(ModelFailure.Kind.RATE_LIMITED, "the model service limits our rate",
                java.time.Duration.ofSeconds(7), null);
        try (RunningServer server = RunningServer.with(dev.todochat.llm.scripted.ScriptedModel.create()
                .thenFail(limited))) {
            List<Event> events = events(stream(server, "alice", "{\"message\": \"hi\"}").body());

            assertThat(events).extracting(Event::name).containsExactly("conversation", "error");
            assertThat(events.get(1).data().get("error").asText()).isEqualTo("ModelUnavailable");
            assertThat(events.get(1).data().get("retry_after").asLong()).isEqualTo(7);
        }
    }

    @Test
    void a_request_refused_before_the_model_speaks_is_an_ordinary_json_error() {
        try (RunningServer server = RunningServer.with(new dev.todochat.llm.offline.OfflineAssistant())) {
            String conversation = server.chat("alice", "hi").json().get("conversation_id").asText();
            long rows = server.totalRows();

            RunningServer.Reply reply = stream(server, "bob",
                    "{\"message\": \"show me\", \"conversation_id\": \"" + conversation + "\"}");

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.header("Content-Type")).startsWith("application/json");
            assertThat(reply.json().get("error").asText()).isEqualTo("NotFound");
            assertThat(server.totalRows()).isEqualTo(rows);
        }
    }

    @Test
    void a_model_failure_after_the_stream_began_ends_it_with_an_error_event() throws IOException {
        LanguageModel breaksMidway = new LanguageModel() {
            @Override
            public ModelReply reply(Prompt prompt) {
                throw new AssertionError("the stream route asks for deltas");
            }

            @Override
            public ModelReply reply(Prompt prompt, Consumer<String> textDeltas) {
                textDeltas.accept("Let me");
                throw new ModelFailure(ModelFailure.Kind.TIMEOUT, "the model did not answer in time");
            }

            @Override
            public String describe() {
                return "a model that fails midway";
            }
        };
        try (RunningServer server = RunningServer.with(breaksMidway)) {
            RunningServer.Reply reply = stream(server, "alice", "{\"message\": \"hi\"}");

            List<Event> events = events(reply.body());
            assertThat(events).extracting(Event::name).containsExactly("conversation", "delta", "error");
            assertThat(events.get(2).data().get("error").asText()).isEqualTo("ModelTimeout");
            assertThat(events.get(2).data().get("details").asText()).isEqualTo("the model did not answer in time");
            assertThat(server.rowCounts()).containsEntry("messages", 1L);
        }
    }
}
