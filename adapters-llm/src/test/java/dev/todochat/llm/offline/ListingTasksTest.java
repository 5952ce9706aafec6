package dev.todochat.llm.offline;

import dev.todochat.domain.ToolCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ListingTasksTest {

    private static OfflineChat chatWithThreeTasks() {
        return OfflineChat.withTasks("Buy milk", "Call mom").withDescribedTask("Write report", "Q3 numbers")
                .withCompleted(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Show my pending tasks       | pending
            What's on my list?          | all
            show all tasks              | all
            list completed tasks        | completed
            what have I finished?       | completed
            what is still open?         | pending
            Can you show me my tasks?   | all
            What do I have left to do?  | pending
            my tasks                    | all
            how many tasks are done     | completed
            I need to see my tasks      | all
            what did I complete today?  | completed
            show                        | all
            """)
    void should_list_the_tasks_the_question_asks_for(String message, String status) {
        OfflineChat chat = chatWithThreeTasks();

        OfflineChat.Answer answer = chat.say(message);

        assertThat(answer.rounds()).singleElement().satisfies(round -> assertThat(round)
                .extracting(ToolCall::name, ToolCall::arguments)
                .containsExactly(tuple("list_tasks", Map.of("status", status))));
        assertThat(chat.tasks()).hasSize(3);
    }

    @Test
    void should_show_every_task_led_by_its_own_number_and_a_tick_when_done() {
        OfflineChat chat = chatWithThreeTasks();

        OfflineChat.Answer answer = chat.say("show all tasks");

        assertThat(answer.text()).isEqualTo("""
                You have 3 tasks (1 done):
                #1 Buy milk
                #2 ✓ Call mom
                #3 Write report — Q3 numbers""");
    }

    @Test
    void should_show_only_pending_tasks_when_asked_what_is_open() {
        OfflineChat chat = chatWithThreeTasks();

        OfflineChat.Answer answer = chat.say("What is still open?");

        assertThat(answer.text()).isEqualTo("""
                You have 2 pending tasks:
                #1 Buy milk
                #3 Write report — Q3 numbers""");
    }

    @Test
    void should_show_completed_tasks_when_asked_what_is_finished() {
        OfflineChat chat = chatWithThreeTasks();

        OfflineChat.Answer answer = chat.say("What have I finished?");

        assertThat(answer.text()).isEqualTo("You have completed 1 task:\n#2 ✓ Call mom");
    }

    @Test
    void should_say_so_when_nothing_is_pending() {
        OfflineChat chat = OfflineChat.withTasks("Buy milk").withCompleted(1);

        OfflineChat.Answer answer = chat.say("Show my pending tasks");

        assertThat(answer.text()).isEqualTo("You have no pending tasks.");
    }

    @Test
    void should_say_so_when_nothing_is_completed() {
        OfflineChat chat = OfflineChat.withTasks("Buy milk");

        OfflineChat.Answer answer = chat.say("list completed tasks");

        assertThat(answer.text()).isEqualTo("You have no completed tasks.");
    }

    @Test
    void should_say_the_list_is_empty_and_how_to_add_a_task() {
        OfflineChat chat = new OfflineChat();

        OfflineChat.Answer answer = chat.say("What's on my list?");

        assertThat(answer.tools()).containsExactly(List.of("list_tasks"));
        assertThat(answer.text()).isEqualTo("Your list is empty. Say \"add buy milk\" to add a task.");
    }
}
