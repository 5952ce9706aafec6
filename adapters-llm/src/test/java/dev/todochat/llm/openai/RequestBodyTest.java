package dev.todochat.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.todochat.domain.AssistantMessage;
import dev.todochat.domain.ToolCall;
import dev.todochat.domain.ToolResult;
import dev.todochat.domain.ToolResultMessage;
import dev.todochat.domain.Usage;
import dev.todochat.domain.UserMessage;
import dev.todochat.domain.tool.ToolSpec;
import dev.todochat.testing.openai.OpenAiStub;
import dev.todochat.testing.openai.RecordedRequest;
import dev.todochat.testing.openai.StubToolCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBodyTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OpenAiStub stub = OpenAiStub.start();
    private final OpenAiModel model = Models.model(stub);

    @AfterEach
    void stop() {
        model.close();
        stub.close();
    }

    @Test
    void should_send_the_system_prompt_first_with_todays_date() {
        stub.replyText("Hello!");

        model.reply(Models.prompt("hi"));

        JsonNode messages = stub.lastRequest().messages();
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).path("content").asText())
                .contains("Today is Sunday, 22 November 2026")
                .contains("list_tasks")
                .doesNotContain("{{");
        assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(1).path("content").asText()).isEqualTo("hi");
        assertThat(messages).hasSize(2);
    }

    @Test
    void should_tell_the_model_how_tasks_are_numbered_and_how_to_act_on_them_in_every_request() {
        stub.replyToolCalls(StubToolCall.of("call_1", "list_tasks", "{\"status\":\"all\"}"))
                .replyText("Which report do you mean: task 1 or task 3?");

        model.reply(Models.prompt("complete the report"));
        model.reply(Models.prompt("complete the report"));

        assertThat(stub.requests()).hasSize(2).allSatisfy(request -> assertThat(
                request.messages().get(0).path("content").asText())
                .contains("each user's tasks are numbered 1, 2, 3, … for that user",
                        "a number is never given to another task",
                        "Look a task up before changing it by name", "call list_tasks",
                        "When several tasks match what the user means, do not guess and change nothing",
                        "ask which one they mean",
                        "Act on every task in one message", "three add_task calls"));
    }

    @Test
    void should_render_every_tool_from_its_spec() throws Exception {
        stub.replyText("Hello!");

        model.reply(Models.prompt("hi"));

        JsonNode tools = stub.lastRequest().body().path("tools");
        assertThat(tools).hasSize(5);
        for (int i = 0; i < Models.TOOLS.size(); i++) {
            ToolSpec spec = Models.TOOLS.get(i);
            JsonNode tool = tools.get(i);
            assertThat(tool.path("type").asText()).isEqualTo("function");
            assertThat(tool.path("function").path("name").asText()).isEqualTo(spec.name());
            assertThat(tool.path("function").path("description").asText()).isEqualTo(spec.description());
            assertThat(tool.path("function").path("parameters"))
                    .isEqualTo(JSON.readTree(JSON.writeValueAsString(spec.inputSchema())));
        }
        assertThat(tools).extracting(tool -> tool.path("function").path("name").asText())
                .containsExactly("add_task", "list_tasks", "complete_task", "delete_task", "update_task");
    }

    @Test
    void should_replay_earlier_tool_calls_each_followed_by_its_result() throws Exception {
        ToolCall milk = new ToolCall("call_1", "add_task", Map.of("title", "milk"));
        ToolCall eggs = new ToolCall("call_2", "add_task", Map.of("title", "eggs"));
        ToolCall finish = new ToolCall("call_3", "complete_task", Map.of("task_id", 9));
        stub.replyText("Task 9 does not exist.");

        model.reply(Models.prompt(
                new UserMessage("add milk and eggs"),
                new AssistantMessage("", List.of(milk, eggs), new Usage(50, 10)),
                new ToolResultMessage("call_1", "add_task", ToolResult.ok(Map.of("task_id", 1, "title", "milk"))),
                new ToolResultMessage("call_2", "add_task", ToolResult.ok(Map.of("task_id", 2, "title", "eggs"))),
                AssistantMessage.answer("Added both.", new Usage(60, 5)),
                new UserMessage("finish task 9"),
                new AssistantMessage("", List.of(finish), Usage.NONE),
                new ToolResultMessage("call_3", "complete_task", ToolResult.error("There is no task 9."))));

        JsonNode messages = stub.lastRequest().messages();
        assertThat(roles(messages)).containsExactly(
                "system", "user", "assistant", "tool", "tool", "assistant", "user", "assistant", "tool");
        JsonNode calls = messages.get(2);
        assertThat(calls.has("content")).isFalse();
        assertThat(calls.path("tool_calls")).extracting(call -> call.path("id").asText())
                .containsExactly("call_1", "call_2");
        assertThat(calls.path("tool_calls").get(0).path("type").asText()).isEqualTo("function");
        assertThat(calls.path("tool_calls").get(0).path("function").path("name").asText()).isEqualTo("add_task");
        assertThat(JSON.readTree(calls.path("tool_calls").get(1).path("function").path("arguments").asText()))
                .isEqualTo(JSON.readTree("{\"title\":\"eggs\"}"));
        assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(JSON.readTree(messages.get(3).path("content").asText()))
                .isEqualTo(JSON.readTree("{\"task_id\":1,\"title\":\"milk\"}"));
        assertThat(messages.get(4).path("tool_call_id").asText()).isEqualTo("call_2");
        assertThat(messages.get(5).path("content").asText()).isEqualTo("Added both.");
        assertThat(messages.get(8).path("tool_call_id").asText()).isEqualTo("call_3");
        assertThat(JSON.readTree(messages.get(8).path("content").asText()))
                .isEqualTo(JSON.readTree("{\"error\":\"There is no task 9.\"}"));
    }

    @Test
    void should_drop_tool_results_without_their_call_and_calls_without_their_result() {
        ToolCall list = new ToolCall("call_a", "list_tasks", Map.of("status", "all"));
        ToolCall complete = new ToolCall("call_b", "complete_task", Map.of("task_id", 1));
        ToolCall delete = new ToolCall("call_c", "delete_task", Map.of("task_id", 2));
        stub.replyText("Done.");

        model.reply(Models.prompt(
                new ToolResultMessage("call_0", "list_tasks", ToolResult.ok(Map.of("count", 0))),
                new UserMessage("check my list and finish task 1"),
                new AssistantMessage("Let me check.", List.of(list, complete), Usage.NONE),
                new ToolResultMessage("call_a", "list_tasks", ToolResult.ok(Map.of("count", 1))),
                new ToolResultMessage("call_z", "delete_task", ToolResult.ok(Map.of("task_id", 5))),
                new AssistantMessage("", List.of(delete), Usage.NONE),
                AssistantMessage.answer("Checked.", Usage.NONE),
                new ToolResultMessage("call_a", "list_tasks", ToolResult.ok(Map.of("count", 1))),
                new UserMessage("thanks")));

        JsonNode messages = stub.lastRequest().messages();
        assertThat(roles(messages)).containsExactly("system", "user", "assistant", "tool", "assistant", "user");
        assertThat(messages.get(2).path("content").asText()).isEqualTo("Let me check.");
        assertThat(messages.get(2).path("tool_calls")).extracting(call -> call.path("id").asText())
                .containsExactly("call_a");
        assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo("call_a");
        assertThat(messages.get(4).path("content").asText()).isEqualTo("Checked.");
    }

    @Test
    void should_send_the_model_and_only_the_options_that_were_set() {
        OpenAiSettings plain = Models.settings(stub);
        stub.replyText("one").replyText("two");

        try (OpenAiModel defaults = Models.model(plain, new RecordingSleeper());
             OpenAiModel tuned = Models.model(plain.withTemperature(0.2).withMaxOutputTokens(300),
                     new RecordingSleeper())) {
            defaults.reply(Models.prompt("hi"));
            tuned.reply(Models.prompt("hi"));
        }

        JsonNode first = stub.requests().get(0).body();
        JsonNode second = stub.requests().get(1).body();
        assertThat(first.path("model").asText()).isEqualTo("stub-model");
        assertThat(first.has("temperature")).isFalse();
        assertThat(first.has("max_completion_tokens")).isFalse();
        assertThat(first.has("stream")).isFalse();
        assertThat(second.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(second.path("max_completion_tokens").asInt()).isEqualTo(300);
    }

    @Test
    void should_send_the_key_as_a_bearer_token_and_no_authorization_without_a_key() {
        stub.replyText("one").replyText("two");
        OpenAiSettings keyless = Models.settings(stub).withApiKey(null);

        model.reply(Models.prompt("hi"));
        try (OpenAiModel local = Models.model(keyless, new RecordingSleeper())) {
            local.reply(Models.prompt("hi"));
        }

        List<RecordedRequest> requests = stub.requests();
        assertThat(requests.get(0).header("Authorization")).contains("Bearer " + Models.KEY);
        assertThat(requests.get(1).header("Authorization")).isEmpty();
    }

    @Test
    void should_reach_a_server_whose_base_url_has_no_version_path() {
        stub.replyText("Hello!");
        OpenAiSettings bare = Models.settings(stub).withBaseUrl("http://127.0.0.1:" + stub.port() + "/");

        try (OpenAiModel local = Models.model(bare, new RecordingSleeper())) {
            assertThat(local.reply(Models.prompt("hi")).text()).isEqualTo("Hello!");
        }

        assertThat(stub.lastRequest().path()).isEqualTo("/chat/completions");
    }

    private static List<String> roles(JsonNode messages) {
        return StreamSupport.stream(messages.spliterator(), false).map(m -> m.path("role").asText()).toList();
    }
}
