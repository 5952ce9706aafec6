package dev.todochat.llm.offline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeletingTasksTest {

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Delete the old refactoring task  | refactoring
            Delete the old refactoring task  | old refactoring code
            remove buy milk                  | Buy milk
            Please get rid of buy milk       | Buy milk
            remove buy milk from my list     | Buy milk
            """)
    void should_look_the_task_up_by_name_then_delete_it(String message, String title) {
        OfflineChat chat = OfflineChat.withTasks("Call mom", title, "Pay rent");

        OfflineChat.Answer answer = chat.say(message);

        assertThat(answer.tools()).containsExactly(List.of("list_tasks"), List.of("delete_task"));
        assertThat(chat.titles()).containsExactly("Call mom", "Pay rent");
        assertThat(answer.text()).isEqualTo("Deleted \"" + title + "\" (task 2).");
    }

    @Test
    void should_delete_a_task_given_by_id_without_listing_first() {
        OfflineChat chat = OfflineChat.withTasks("Call mom", "Pay rent", "Buy milk", "Refactor the parser");

        OfflineChat.Answer answer = chat.say("delete task 4");

        assertThat(answer.tools()).containsExactly(List.of("delete_task"));
        assertThat(chat.titles()).containsExactly("Call mom", "Pay rent", "Buy milk");
        assertThat(answer.text()).isEqualTo("Deleted \"Refactor the parser\" (task 4).");
    }

    @Test
    void should_ask_which_one_when_several_tasks_match() {
        OfflineChat chat = OfflineChat.withTasks("Call mom", "Call dad");

        OfflineChat.Answer answer = chat.say("delete the call task");

        assertThat(chat.titles()).containsExactly("Call mom", "Call dad");
        assertThat(answer.text()).startsWith("2 tasks match \"call\":")
                .endsWith("Which one should I delete? Say \"the first one\", or its number, for example \"task 1\".");
    }

    @Test
    void should_delete_nothing_when_no_task_matches() {
        OfflineChat chat = OfflineChat.withTasks("Call mom");

        OfflineChat.Answer answer = chat.say("remove the gym session");

        assertThat(chat.titles()).containsExactly("Call mom");
        assertThat(answer.text()).startsWith("No task matches \"gym session\", so I changed nothing.");
    }
}
