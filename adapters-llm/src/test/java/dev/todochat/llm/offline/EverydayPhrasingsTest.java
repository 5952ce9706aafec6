package dev.todochat.llm.offline;

import dev.todochat.domain.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How people say things beyond plain commands: tasks done in passing, removal verbs, intentions, negations. */
class EverydayPhrasingsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the car wash is sorted           | Car wash
            I'm through with the slides      | Prepare slides
            I called mom                     | Call mom
            just paid the rent               | Pay rent
            got the concert tickets          | Buy concert tickets
            I've walked the dog              | Walk the dog
            finished the slides thing        | Prepare slides
            3 is done                        | Call mom
            """)
    void should_complete_a_task_stated_as_done_in_any_tense(String message, String title) {
        OfflineChat chat = OfflineChat.withTasks("Car wash", "Prepare slides", "Call mom", "Pay rent",
                "Buy concert tickets", "Walk the dog");

        chat.say(message);

        assertThat(chat.tasks()).filteredOn(Task::completed).extracting(Task::title).containsExactly(title);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bin the gym task", "drop the gym", "scrap task 2", "forget about the gym",
            "take the gym off my list", "I don't need to go to the gym anymore"})
    void should_delete_with_any_removal_verb(String message) {
        OfflineChat chat = OfflineChat.withTasks("Buy milk", "Go to the gym");

        chat.say(message);

        assertThat(chat.titles()).containsExactly("Buy milk");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            I should renew my passport            | renew my passport
            I've got to pick up the kids at 3     | pick up the kids at 3
            I must remember to water the plants   | water the plants
            gotta fix the bike                    | fix the bike
            need to book a haircut                | book a haircut
            reminder: renew car insurance         | renew car insurance
            put down 'call the electrician' for me | call the electrician
            """)
    void should_add_what_the_user_needs_or_intends_to_do(String message, String title) {
        OfflineChat chat = new OfflineChat();

        chat.say(message);

        assertThat(chat.titles()).containsExactly(title);
    }

    @Test
    void should_offer_a_phrase_that_only_starts_like_a_command_rather_than_add_it() {
        OfflineChat chat = new OfflineChat();

        OfflineChat.Answer answer = chat.say("address the letter to Sam");

        assertThat(answer.rounds()).isEmpty();
        assertThat(answer.text()).startsWith("Should I add \"address the letter to Sam\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"don't delete the gym task", "should I delete the gym task?", "I haven't been to the gym yet",
            "is the gym task done?", "what would happen if I deleted task 2?", "don't mark the gym as done yet"})
    void should_change_nothing_on_a_question_or_a_negation(String message) {
        OfflineChat chat = OfflineChat.withTasks("Buy milk", "Go to the gym");

        OfflineChat.Answer answer = chat.say(message);

        assertThat(answer.rounds()).allMatch(round -> round.stream().allMatch(call -> call.name().equals("list_tasks")));
        assertThat(chat.titles()).containsExactly("Buy milk", "Go to the gym");
        assertThat(chat.tasks()).noneMatch(Task::completed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            mark task 1 as done and delete task 2     | 1 | Buy milk,Call mom
            finished the slides and the car wash      | 2 | Buy milk,Call mom
            booked the car wash this morning          | 1 | Prepare slides,Buy milk,Call mom
            """)
    void should_act_on_several_tasks_in_one_message(String message, int completed, String remaining) {
        OfflineChat chat = OfflineChat.withTasks("Car wash", "Prepare slides", "Buy milk", "Call mom");

        chat.say(message);

        assertThat(chat.tasks()).filteredOn(task -> !task.completed()).extracting(Task::title)
                .containsExactly(remaining.split(","));
        assertThat(chat.tasks()).filteredOn(Task::completed).hasSize(completed);
    }
}
