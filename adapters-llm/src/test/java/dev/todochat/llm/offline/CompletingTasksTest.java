package dev.todochat.llm.offline;

import dev.todochat.domain.Task;
import dev.todochat.domain.ToolCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CompletingTasksTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Mark the design review as done   | Design review
            complete buy milk                | Buy milk
            I finished the report            | Write the report
            I'm done with the design review  | Design review
            check off buy milk please        | Buy milk
            the report is done               | Write the report
            mark buy milk done               | Buy milk
            """)
    void should_look_the_task_up_by_name_then_complete_it(String message, String title) {
        OfflineChat chat = OfflineChat.withTasks("Buy milk", "Design review", "Write the report");

        OfflineChat.Answer answer = chat.say(message);

        assertThat(answer.tools()).containsExactly(List.of("list_tasks"), List.of("complete_task"));
        assertThat(chat.tasks()).filteredOn(Task::completed).extracting(Task::title).containsExactly(title);
        Task done = chat.tasks().stream().filter(Task::completed).findFirst().orElseThrow();
        assertThat(answer.text()).isEqualTo("Marked \"" + title + "\" as done (task " + done.id() + ").");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            done with task 3      | 3
            mark task 3 complete  | 3
            complete #2           | 2
            set task 1 to done    | 1
            completed task 2      | 2
            """)
    void should_complete_a_task_given_by_id_without_listing_first(String message, long id) {
        OfflineChat chat = OfflineChat.withTasks("Buy milk", "Design review", "Write the report");

        OfflineChat.Answer answer = chat.say(message);

        assertThat(answer.rounds()).singleElement().satisfies(round -> assertThat(round)
                .extracting(ToolCall::name, ToolCall::arguments)
                .containsExactly(tuple("complete_task", Map.of("task_id", id))));
        assertThat(chat.tasks()).filteredOn(Task::completed).extracting(task -> task.id().value()).containsExactly(id);
        assertThat(answer.text()).endsWith("as done (task " + id + ").");
    }

    @Test
    void should_ask_which_one_when_several_tasks_match_and_change_nothing() {
        OfflineChat chat = OfflineChat.withTasks("Write report", "Buy milk", "Send report");

        OfflineChat.Answer answer = chat.say("complete the report");

        assertThat(answer.tools()).containsExactly(List.of("list_tasks"));
        assertThat(chat.tasks()).noneMatch(Task::completed);
        assertThat(answer.text()).isEqualTo("""
                2 tasks match "report":
                #1 Write report
                #3 Send report
                Which one should I mark as done? Say "the first one", or its number, for example "task 1".""");
    }

    @Test
    void should_complete_the_task_whose_id_answers_the_question() {
        OfflineChat chat = OfflineChat.withTasks("Write report", "Buy milk", "Send report");
        chat.say("complete the report");

        OfflineChat.Answer answer = chat.say("task 3");

        assertThat(answer.tools()).containsExactly(List.of("complete_task"));
        assertThat(chat.tasks()).filteredOn(Task::completed).extracting(Task::title).containsExactly("Send report");
        assertThat(answer.text()).isEqualTo("Marked \"Send report\" as done (task 3).");
    }

    @Test
    void should_say_no_task_matches_and_suggest_listing() {
        OfflineChat chat = OfflineChat.withTasks("Buy milk");

        OfflineChat.Answer answer = chat.say("Mark the dentist appointment as done");

        assertThat(chat.tasks()).noneMatch(Task::completed);
        assertThat(answer.text()).isEqualTo("No task matches \"dentist appointment\", so I changed nothing."
                + " Say \"show all tasks\" to see your tasks and their numbers.");
    }

    @Test
    void should_offer_the_closest_titles_and_change_nothing_when_only_some_words_match() {
        OfflineChat chat = OfflineChat.withTasks("Renew passport", "Pay the water bill");

        OfflineChat.Answer answer = chat.say("mark the electricity bill as paid");

        assertThat(chat.tasks()).noneMatch(Task::completed);
        assertThat(answer.text()).isEqualTo("No task matches \"electricity bill\", so I changed nothing."
                + " Did you mean \"Pay the water bill\" (task 2)? Say it with the task's number, for example \"task 2\".");
    }

    @Test
    void should_say_the_list_is_empty_when_there_is_nothing_to_complete() {
        OfflineChat chat = new OfflineChat();

        OfflineChat.Answer answer = chat.say("complete buy milk");

        assertThat(answer.text()).isEqualTo("Your list is empty, so there is no task \"buy milk\" to mark as done.");
    }

    @Test
    void should_prefer_the_pending_task_when_a_done_one_has_the_same_title() {
        OfflineChat chat = OfflineChat.withTasks("Buy milk", "Buy milk").withCompleted(1);

        OfflineChat.Answer answer = chat.say("complete buy milk");

        assertThat(chat.tasks()).allMatch(Task::completed);
        assertThat(answer.text()).isEqualTo("Marked \"Buy milk\" as done (task 2).");
    }

    @Test
    void should_prefer_an_exact_title_over_one_that_contains_the_words() {
        OfflineChat chat = OfflineChat.withTasks("Buy oat milk", "Buy milk");

        chat.say("complete buy milk");

        assertThat(chat.tasks()).filteredOn(Task::completed).extracting(Task::title).containsExactly("Buy milk");
    }

    @Test
    void should_not_take_not_done_for_done() {
        OfflineChat chat = OfflineChat.withTasks("Buy milk").withCompleted(1);

        OfflineChat.Answer answer = chat.say("mark buy milk as not done");

        assertThat(answer.rounds()).isEmpty();
        assertThat(answer.text()).startsWith("OK, I haven't changed anything.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            mark everything as done | I change tasks you name, not all of them at once
            delete all tasks        | I change tasks you name, not all of them at once
            mark as done            | Which task do you mean?
            delete it               | Which task do you mean?
            """)
    void should_ask_for_one_task_when_the_message_names_none(String message, String question) {
        OfflineChat chat = OfflineChat.withTasks("Buy milk", "Call mom");

        OfflineChat.Answer answer = chat.say(message);

        assertThat(answer.rounds()).isEmpty();
        assertThat(chat.tasks()).hasSize(2).noneMatch(Task::completed);
        assertThat(answer.text()).startsWith(question);
    }
}
