package dev.todochat.llm.offline;

import dev.todochat.domain.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class UpdatingTasksTest {

    @Test
    void should_rename_a_task_named_by_its_title() {
        OfflineChat chat = OfflineChat.withTasks("Call mom", "Buy milk");

        OfflineChat.Answer answer = chat.say("Rename buy milk to buy oat milk");

        assertThat(answer.tools()).containsExactly(List.of("list_tasks"), List.of("update_task"));
        assertThat(chat.titles()).containsExactly("Call mom", "buy oat milk");
        assertThat(answer.text()).isEqualTo("Renamed task 2 to \"buy oat milk\".");
    }

    @Test
    void should_rename_a_task_given_by_id_without_listing_first() {
        OfflineChat chat = OfflineChat.withTasks("Call mom", "Buy milk");

        OfflineChat.Answer answer = chat.say("change task 2 to call dad");

        assertThat(answer.tools()).containsExactly(List.of("update_task"));
        assertThat(chat.titles()).containsExactly("Call mom", "call dad");
        assertThat(answer.text()).isEqualTo("Renamed task 2 to \"call dad\".");
    }

    @Test
    void should_change_the_description_when_the_message_names_it() {
        OfflineChat chat = OfflineChat.withTasks("Buy milk", "Finish the report");

        OfflineChat.Answer answer = chat.say("update the report task description to Q3 numbers");

        assertThat(chat.tasks()).extracting(Task::title, Task::description)
                .containsExactly(tuple("Buy milk", null), tuple("Finish the report", "Q3 numbers"));
        assertThat(answer.text())
                .isEqualTo("Set the description of \"Finish the report\" (task 2) to \"Q3 numbers\".");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"set the description of task 1 to two litres", "update task 1 description: two litres",
            "add a description to task 1: two litres"})
    void should_change_the_description_of_a_task_given_by_id(String message) {
        OfflineChat chat = OfflineChat.withTasks("Buy milk");

        OfflineChat.Answer answer = chat.say(message);

        assertThat(answer.tools()).containsExactly(List.of("update_task"));
        assertThat(chat.tasks()).extracting(Task::description).containsExactly("two litres");
    }

    @Test
    void should_remove_a_description() {
        OfflineChat chat = new OfflineChat().withDescribedTask("Buy milk", "two litres");

        OfflineChat.Answer answer = chat.say("remove the description of buy milk");

        assertThat(chat.tasks()).extracting(Task::title, Task::description).containsExactly(tuple("Buy milk", null));
        assertThat(answer.text()).isEqualTo("Removed the description of \"Buy milk\" (task 1).");
    }
}
