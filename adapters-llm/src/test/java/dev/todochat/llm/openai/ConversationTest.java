package dev.todochat.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todochat.domain.AssistantMessage;
import dev.todochat.domain.Message;
import dev.todochat.domain.ToolCall;
import dev.todochat.domain.ToolResult;
import dev.todochat.domain.ToolResultMessage;
import dev.todochat.domain.UserMessage;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.domain.port.Prompt;
import dev.todochat.testing.openai.OpenAiStub;
import dev.todochat.testing.openai.StubToolCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several turns the way the chat cycle runs them (each reply and each tool result appended to the history, the
 * model called again until it answers in text), checking what the provider receives as the history grows.
 */
class ConversationTest {
    private final OpenAiStub stub = OpenAiStub.start();
    private final OpenAiModel model = Models.model(stub);
    private final List<Message> history = new ArrayList<>();

    @AfterEach
    void stop() {
        model.close();
        stub.close();
    }

    @Test
    void should_replay_every_earlier_call_and_result_in_provider_order_as_the_conversation_grows() {
        stub.replyToolCalls(StubToolCall.of("call_add", "add_task", "{\"title\":\"buy milk\"}"))
                .replyText("Added \"buy milk\".")
                .replyToolCalls(StubToolCall.of("call_list", "list_tasks", "{\"status\":\"pending\"}"))
                .replyToolCalls(StubToolCall.of("call_done", "complete_task", "{\"task_id\":1}"),
                        StubToolCall.of("call_rename", "update_task", "{\"task_id\":2,\"title\":\"call mum\"}"))
                .replyText("Done, and renamed task 2.")
                .replyToolCalls(StubToolCall.of("call_delete", "delete_task", "{\"task_id\":2}"))
                .replyText("Deleted \"call mum\".");

        assertThat(say("add buy milk")).isEqualTo("Added \"buy milk\".");
        assertThat(say("finish the milk one and rename call dad to call mum")).isEqualTo("Done, and renamed task 2.");
        assertThat(say("delete call mum")).isEqualTo("Deleted \"call mum\".");

        JsonNode last = stub.lastRequest().messages();
        assertThat(roles(last)).containsExactly("system",
                "user", "assistant", "tool", "assistant",
                "user", "assistant", "tool", "assistant", "tool", "tool", "assistant",
                "user", "assistant", "tool");
        assertThat(ids(last)).containsExactly("call_add", "call_add", "call_list", "call_list",
                "call_done", "call_rename", "call_done", "call_rename", "call_delete", "call_delete");
        assertThat(stub.requests()).hasSize(7);
        for (int i = 1; i < stub.requests().size(); i++) {
            JsonNode before = stub.requests().get(i - 1).messages();
            JsonNode after = stub.requests().get(i).messages();
            assertThat(after.size()).isGreaterThan(before.size());
            for (int m = 1; m < before.size(); m++) {
                assertThat(after.get(m)).as("request %d keeps message %d of the one before", i, m)
                        .isEqualTo(before.get(m));
            }
        }
        assertThat(stub.ranOut()).isFalse();
    }

    private String say(String text) {
        history.add(new UserMessage(text));
        while (true) {
            ModelReply reply = model.reply(new Prompt(history, Models.TOOLS, Models.NOW));
            if (!reply.hasToolCalls()) {
                history.add(AssistantMessage.answer(reply.text(), reply.usage()));
                return reply.text();
            }
            history.add(reply.asMessage());
            for (ToolCall call : reply.toolCalls()) {
                history.add(new ToolResultMessage(call.id(), call.name(), ToolResult.ok(Map.of("tool", call.name()))));
            }
        }
    }

    private static List<String> roles(JsonNode messages) {
        return StreamSupport.stream(messages.spliterator(), false).map(m -> m.path("role").asText()).toList();
    }

    /** The ids of the calls and of the results, in the order they appear. */
    private static List<String> ids(JsonNode messages) {
        List<String> ids = new ArrayList<>();
        for (JsonNode message : messages) {
            message.path("tool_calls").forEach(call -> ids.add(call.path("id").asText()));
            if (message.has("tool_call_id")) {
                ids.add(message.path("tool_call_id").asText());
            }
        }
        return ids;
    }
}
