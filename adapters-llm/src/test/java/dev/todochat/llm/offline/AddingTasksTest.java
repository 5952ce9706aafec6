package dev.todochat.llm.offline;

import dev.todochat.domain.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AddingTasksTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Add a task to review the mockups          | review the mockups
            add buy milk                              | buy milk
            Create a task to call mom                 | call mom
            remind me to pay rent                     | pay rent
            I need to buy groceries                   | buy groceries
            Please add buy milk.                      | buy milk
            Can you add a task to water the plants?   | water the plants
            Could you please create a todo: book flights | book flights
            Put renew the passport on my list         | renew the passport
            Don't let me forget to send the invoice!  | send the invoice
            add "Call Mom" please                     | Call Mom
            """)
    void should_add_the_task_named_in_plain_english(String message, String title) {
        OfflineChat chat = new OfflineChat();

        OfflineChat.Answer answer = chat.say(message);

        assertThat(chat.titles()).containsExactly(title);
        assertThat(answer.tools()).containsExactly(List.of("add_task"));
        assertThat(answer.text()).isEqualTo("Added \"" + title + "\" to your list (task 1).");
    }

    @Test
    void should_give_the_next_id_when_the_list_has_tasks() {
        OfflineChat chat = OfflineChat.withTasks("review the mockups", "pay rent");

        OfflineChat.Answer answer = chat.say("add buy milk");

        assertThat(chat.titles()).containsExactly("review the mockups", "pay rent", "buy milk");
        assertThat(answer.text()).isEqualTo("Added \"buy milk\" to your list (task 3).");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Add a task to prepare slides with description for Monday | prepare slides | for Monday
            Add a task to plan the trip: flights and hotel           | plan the trip  | flights and hotel
            add pay rent with the details: 1200 to the landlord       | pay rent       | 1200 to the landlord
            """)
    void should_add_a_description_when_one_is_given(String message, String title, String description) {
        OfflineChat chat = new OfflineChat();

        OfflineChat.Answer answer = chat.say(message);

        assertThat(chat.tasks()).singleElement().satisfies(task -> {
            assertThat(task.title()).isEqualTo(title);
            assertThat(task.description()).isEqualTo(description);
        });
        assertThat(answer.text()).isEqualTo(
                "Added \"" + title + "\" to your list (task 1), with the description \"" + description + "\".");
    }

    @Test
    void should_keep_a_time_with_a_colon_in_the_title() {
        OfflineChat chat = new OfflineChat();

        chat.say("add standup at 9:30");

        assertThat(chat.tasks()).extracting(Task::title, Task::description)
                .containsExactly(tuple("standup at 9:30", null));
    }

    @Test
    void should_keep_an_and_that_belongs_to_a_quoted_title() {
        OfflineChat chat = new OfflineChat();

        OfflineChat.Answer answer = chat.say("add \"salt and pepper\"");

        assertThat(chat.titles()).containsExactly("salt and pepper");
        assertThat(answer.tools()).containsExactly(List.of("add_task"));
    }

    @Test
    void should_add_each_item_of_a_list_as_its_own_task() {
        OfflineChat chat = new OfflineChat();

        OfflineChat.Answer answer = chat.say("add eggs, flour and sugar");

        assertThat(chat.titles()).containsExactly("eggs", "flour", "sugar");
        assertThat(answer.tools()).containsExactly(List.of("add_task", "add_task", "add_task"));
        assertThat(answer.text()).isEqualTo("Added \"eggs\" to your list (task 1).\n\n"
                + "Added \"flour\" to your list (task 2).\n\nAdded \"sugar\" to your list (task 3).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Add a task", "remind me", "add"})
    void should_ask_what_to_add_when_no_title_is_given(String message) {
        OfflineChat chat = new OfflineChat();

        OfflineChat.Answer answer = chat.say(message);

        assertThat(chat.tasks()).isEmpty();
        assertThat(answer.rounds()).isEmpty();
        assertThat(answer.text()).startsWith("What should the task say?").contains("\"add buy milk\"");
    }
}
