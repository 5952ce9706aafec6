package dev.todochat.llm.offline;

import dev.todochat.domain.ToolCall;
import dev.todochat.domain.Usage;
import dev.todochat.domain.UserMessage;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.domain.port.Prompt;
import dev.todochat.domain.tool.TaskTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TurnsAndAnswersTest {
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void should_add_and_list_in_one_reply_with_two_tool_calls() {
        OfflineChat chat = OfflineChat.withTasks("Buy milk");

        OfflineChat.Answer answer = chat.say("Create a task to call mom and show all");

        assertThat(answer.rounds()).singleElement().satisfies(round -> assertThat(round)
                .extracting(ToolCall::name, ToolCall::arguments)
                .containsExactly(tuple("add_task", Map.of("title", "call mom")),
                        tuple("list_tasks", Map.of("status", "all"))));
        assertThat(chat.titles()).containsExactly("Buy milk", "call mom");
        assertThat(answer.text()).isEqualTo("""
                Added "call mom" to your list (task 2).

                You have 2 tasks:
                #1 Buy milk
                #2 call mom""");
    }

    @Test
    void should_complete_by_name_and_then_list_what_is_pending() {
        OfflineChat chat = OfflineChat.withTasks("Buy milk", "Call mom");

        OfflineChat.Answer answer = chat.say("complete buy milk, then show my pending tasks");

        assertThat(answer.tools()).containsExactly(List.of("list_tasks"), List.of("complete_task", "list_tasks"));
        assertThat(answer.text()).isEqualTo("""
                Marked "Buy milk" as done (task 1).

                You have 1 pending task:
                #2 Call mom""");
    }

    @Test
    void should_explain_a_tool_error_about_a_missing_task() {
        OfflineChat chat = OfflineChat.withTasks("Buy milk");

        OfflineChat.Answer answer = chat.say("complete task 99");

        assertThat(chat.tasks()).noneMatch(task -> task.completed());
        assertThat(answer.text()).isEqualTo("Sorry, I couldn't mark task 99 as done: There is no task with id 99."
                + " Say \"show all tasks\" to see your tasks and their numbers.");
    }

    @Test
    void should_explain_a_tool_error_about_a_title_that_is_too_long() {
        OfflineChat chat = new OfflineChat();

        OfflineChat.Answer answer = chat.say("add " + "x".repeat(250));

        assertThat(chat.tasks()).isEmpty();
        assertThat(answer.text())
                .isEqualTo("Sorry, I couldn't add that task: title must be at most 200 characters (it has 250).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "help", "qwerty asdf zxcv uiop hjkl ghjk", "What's the weather like?"})
    void should_answer_anything_else_with_help_and_no_tool_call(String message) {
        OfflineChat chat = OfflineChat.withTasks("Buy milk");

        OfflineChat.Answer answer = chat.say(message);

        assertThat(answer.rounds()).isEmpty();
        assertThat(chat.titles()).containsExactly("Buy milk");
        assertThat(answer.text()).contains("I'm the offline assistant", "\"add buy milk\"", "\"show my pending tasks\"",
                "\"complete task 3\"", "\"delete task 4\"");
    }

    @Test
    void should_greet_back_and_say_sorry_when_it_did_not_understand() {
        OfflineChat chat = new OfflineChat();

        assertThat(chat.say("Hi!").text()).startsWith("Hi! I'm the offline assistant");
        assertThat(chat.say("how are you doing today?").text()).startsWith("Sorry, I didn't understand that. I'm the offline assistant");
        assertThat(chat.say("thank you").text()).isEqualTo("You're welcome!");
        assertThat(chat.say("bye for now").text()).startsWith("Bye!");
    }

    @Test
    void should_not_take_a_bare_id_for_a_command_without_a_question_before_it() {
        OfflineChat chat = OfflineChat.withTasks("Buy milk");
        chat.say("show all tasks");

        OfflineChat.Answer answer = chat.say("task 1");

        assertThat(answer.rounds()).isEmpty();
        assertThat(chat.tasks()).noneMatch(task -> task.completed());
    }

    @Test
    void should_answer_in_text_once_the_last_step_has_its_results() {
        OfflineChat chat = OfflineChat.withTasks("Buy milk");
        chat.say("complete buy milk");

        ModelReply again = new OfflineAssistant().reply(new Prompt(chat.history().subList(0, chat.history().size() - 1),
                new TaskTools().specs(), NOW));

        assertThat(again.hasToolCalls()).isFalse();
        assertThat(again.text()).isEqualTo("Marked \"Buy milk\" as done (task 1).");
    }

    @Test
    void should_derive_the_same_reply_from_the_same_prompt() {
        Prompt prompt = new Prompt(List.of(new UserMessage("add buy milk")), new TaskTools().specs(), NOW);

        assertThat(new OfflineAssistant().reply(prompt)).isEqualTo(new OfflineAssistant().reply(prompt));
    }

    @Test
    void should_give_different_call_ids_to_histories_of_the_same_size() {
        Prompt first = new Prompt(List.of(new UserMessage("add buy milk")), new TaskTools().specs(), NOW);
        Prompt second = new Prompt(List.of(new UserMessage("add call mom")), new TaskTools().specs(), NOW);

        String firstId = new OfflineAssistant().reply(first).toolCalls().getFirst().id();
        String secondId = new OfflineAssistant().reply(second).toolCalls().getFirst().id();

        assertThat(firstId).startsWith("call_1_").isNotEqualTo(secondId);
    }

    @Test
    void should_describe_itself_and_spend_no_tokens() {
        OfflineAssistant assistant = new OfflineAssistant();
        Prompt prompt = new Prompt(List.of(new UserMessage("add buy milk")), new TaskTools().specs(), NOW);

        assertThat(assistant.describe()).isEqualTo("offline assistant (rule-based, no model service)");
        assertThat(assistant.reply(prompt).usage()).isEqualTo(Usage.NONE);
    }

    @Test
    void should_keep_a_long_conversation_consistent() {
        OfflineChat chat = new OfflineChat();

        chat.say("add buy milk");
        chat.say("remind me to call mom");
        chat.say("I need to pay rent");
        chat.say("mark call mom as done");
        chat.say("rename pay rent to pay the rent");
        chat.say("delete buy milk");
        OfflineChat.Answer answer = chat.say("show all tasks");

        assertThat(answer.text()).isEqualTo("""
                You have 2 tasks (1 done):
                #2 ✓ call mom
                #3 pay the rent""");
    }
}
