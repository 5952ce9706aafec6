package dev.todochat.llm.openai;

import dev.todochat.domain.ToolCall;
import dev.todochat.domain.Usage;
import dev.todochat.domain.port.ModelFailure;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.testing.CapturedLog;
import dev.todochat.testing.openai.OpenAiStub;
import dev.todochat.testing.openai.StubReply;
import dev.todochat.testing.openai.StubToolCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamingTest {
    private static final String SSE = "text/event-stream";
    private static final String HI = """
            {"id":"c","object":"chat.completion.chunk","created":1,"model":"m",\
            "choices":[{"index":0,"delta":{"content":"Hi"}}]}""";

    private final OpenAiStub stub = OpenAiStub.start();
    private final OpenAiModel model = Models.model(stub);
    private final List<String> deltas = new ArrayList<>();
    private final CapturedLog logged = CapturedLog.of(OpenAiModel.class);

    @AfterEach
    void stop() {
        logged.close();
        model.close();
        stub.close();
    }

    @Test
    void should_hand_out_text_deltas_in_order_and_return_what_the_plain_call_returns() {
        StubReply answer = StubReply.text("You have ", "two open ", "tasks.").withUsage(80, 7);
        stub.reply(answer).reply(answer);

        ModelReply streamed = model.reply(Models.prompt("what is open?"), deltas::add);
        ModelReply plain = model.reply(Models.prompt("what is open?"));

        assertThat(deltas).containsExactly("You have ", "two open ", "tasks.");
        assertThat(streamed).isEqualTo(plain).isEqualTo(new ModelReply("You have two open tasks.", null,
                new Usage(80, 7)));
        assertThat(stub.requests().get(0).streaming()).isTrue();
        assertThat(stub.requests().get(0).body().path("stream_options").path("include_usage").asBoolean()).isTrue();
    }

    @Test
    void should_assemble_streamed_tool_calls_like_the_plain_call() {
        StubReply calls = StubReply.toolCalls(
                        StubToolCall.of("call_1", "list_tasks", "{\"status\":\"pending\"}"),
                        StubToolCall.of("call_2", "update_task", "{\"task_id\":4,\"title\":\"call dad\"}"))
                .withUsage(200, 30);
        stub.reply(calls).reply(calls);

        ModelReply streamed = model.reply(Models.prompt("rename the phone task to call dad"), deltas::add);
        ModelReply plain = model.reply(Models.prompt("rename the phone task to call dad"));

        assertThat(streamed).isEqualTo(plain);
        assertThat(streamed.toolCalls()).containsExactly(
                new ToolCall("call_1", "list_tasks", Map.of("status", "pending")),
                new ToolCall("call_2", "update_task", Map.of("task_id", 4, "title", "call dad")));
        assertThat(streamed.usage()).isEqualTo(new Usage(200, 30));
        assertThat(deltas).isEmpty();
    }

    @Test
    void should_accept_usage_in_the_last_choice_chunk_and_a_stream_without_finish_reason() {
        stub.respond(200, SSE, event(HI) + event("""
                {"id":"c","object":"chat.completion.chunk","created":1,"model":"m",\
                "choices":[{"index":0,"delta":{"content":" there"}}],\
                "usage":{"prompt_tokens":12,"completion_tokens":2,"total_tokens":14}}""") + event("[DONE]"), Map.of());

        ModelReply reply = model.reply(Models.prompt("hello"), deltas::add);

        assertThat(reply).isEqualTo(new ModelReply("Hi there", null, new Usage(12, 2)));
        assertThat(deltas).containsExactly("Hi", " there");
    }

    @Test
    void should_fail_as_an_upstream_error_when_the_stream_reports_an_error() {
        stub.respond(200, SSE, event(HI)
                + event("{\"error\":{\"message\":\"overloaded, key sk-upstream-secret\",\"type\":\"server_error\"}}"),
                Map.of());

        assertThatThrownBy(() -> model.reply(Models.prompt("hello"), deltas::add))
                .isInstanceOfSatisfying(ModelFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.UPSTREAM_ERROR);
                    assertThat(failure.getMessage()).doesNotContain("sk-upstream-secret", "overloaded");
                });
        assertThat(deltas).containsExactly("Hi");
        assertThat(logged.events()).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .contains("UPSTREAM_ERROR").doesNotContain("sk-upstream-secret"));
    }

    @Test
    void should_fail_as_an_upstream_error_on_an_error_event() {
        stub.respond(200, SSE, event(HI) + "event: error\ndata: {\"message\":\"overloaded\"}\n\n", Map.of());

        assertThatThrownBy(() -> model.reply(Models.prompt("hello"), deltas::add))
                .isInstanceOfSatisfying(ModelFailure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.UPSTREAM_ERROR));
        assertThat(deltas).containsExactly("Hi");
    }

    @Test
    void should_skip_comments_join_multi_line_data_and_accept_a_stream_that_ends_without_done() {
        stub.respond(200, SSE, ": keep-alive\n\n" + event(HI) + "data: {\"choices\":[{\"index\":0,\n"
                + "data: \"delta\":{\"content\":\"!\"}}]}\n\n", Map.of());

        ModelReply reply = model.reply(Models.prompt("hello"), deltas::add);

        assertThat(reply).isEqualTo(ModelReply.text("Hi!"));
        assertThat(deltas).containsExactly("Hi", "!");
    }

    private static String event(String data) {
        return "data: " + data + "\n\n";
    }

    @Test
    void should_let_a_failing_text_consumer_fail_as_itself() {
        stub.replyText("Hello", " again");
        IllegalStateException gone = new IllegalStateException("the client went away");

        assertThatThrownBy(() -> model.reply(Models.prompt("hello"), piece -> {
            throw gone;
        })).isSameAs(gone);
    }
}
