package dev.todochat.llm.openai;

import dev.todochat.domain.ToolCall;
import dev.todochat.domain.Usage;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.testing.openai.OpenAiStub;
import dev.todochat.testing.openai.StubReply;
import dev.todochat.testing.openai.StubToolCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionRepliesTest {
    private final OpenAiStub stub = OpenAiStub.start();
    private final OpenAiModel model = Models.model(stub);

    @AfterEach
    void stop() {
        model.close();
        stub.close();
    }

    @Test
    void should_return_a_text_reply_with_its_usage() {
        stub.reply(StubReply.text("You have no tasks yet.").withUsage(120, 9));

        ModelReply reply = model.reply(Models.prompt("what is on my list?"));

        assertThat(reply).isEqualTo(new ModelReply("You have no tasks yet.", null, new Usage(120, 9)));
    }

    @Test
    void should_return_one_tool_call_with_its_arguments_parsed() {
        stub.replyToolCalls(StubToolCall.of("call_a1", "add_task",
                "{\"title\":\"review the mockups\",\"description\":\"before Friday\"}"));

        ModelReply reply = model.reply(Models.prompt("add a task to review the mockups before Friday"));

        assertThat(reply.text()).isEmpty();
        assertThat(reply.toolCalls()).containsExactly(new ToolCall("call_a1", "add_task",
                Map.of("title", "review the mockups", "description", "before Friday")));
    }

    @Test
    void should_keep_the_order_and_the_ids_of_several_tool_calls_in_one_reply() {
        stub.reply(StubReply.toolCalls(
                        StubToolCall.of("call_2", "complete_task", "{\"task_id\":3}"),
                        StubToolCall.of("call_1", "delete_task", "{\"task_id\":7}"))
                .withText("Doing both now.")
                .withUsage(300, 40));

        ModelReply reply = model.reply(Models.prompt("finish task 3 and delete task 7"));

        assertThat(reply.toolCalls()).containsExactly(
                new ToolCall("call_2", "complete_task", Map.of("task_id", 3)),
                new ToolCall("call_1", "delete_task", Map.of("task_id", 7)));
        assertThat(reply.text()).isEqualTo("Doing both now.");
        assertThat(reply.usage()).isEqualTo(new Usage(300, 40));
    }

    @Test
    void should_read_empty_or_null_arguments_as_no_arguments() {
        stub.replyToolCalls(StubToolCall.of("call_1", "list_tasks", ""),
                StubToolCall.of("call_2", "list_tasks", "null"));

        ModelReply reply = model.reply(Models.prompt("show my list"));

        assertThat(reply.toolCalls()).containsExactly(new ToolCall("call_1", "list_tasks", Map.of()),
                new ToolCall("call_2", "list_tasks", Map.of()));
    }

    @Test
    void should_pass_arguments_that_are_not_a_json_object_on_under_a_marker_the_tools_reject() {
        stub.replyToolCalls(StubToolCall.of("call_1", "complete_task", "{\"task_id\": 3"),
                StubToolCall.of("call_2", "delete_task", "[4]"));

        ModelReply reply = model.reply(Models.prompt("finish task 3, delete task 4"));

        assertThat(reply.toolCalls()).containsExactly(
                new ToolCall("call_1", "complete_task", Map.of("invalid_arguments_json", "{\"task_id\": 3")),
                new ToolCall("call_2", "delete_task", Map.of("invalid_arguments_json", "[4]")));
    }

    @Test
    void should_report_no_usage_when_the_service_sends_none() {
        stub.respond(200, "application/json", """
                {"id":"c1","object":"chat.completion","created":1,"model":"m",
                 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"Hi"}}]}""",
                Map.of());

        assertThat(model.reply(Models.prompt("hello"))).isEqualTo(ModelReply.text("Hi"));
    }
}
