package dev.todochat.llm.offline;

import dev.todochat.domain.Task;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** "It", "that one", "the second one", answers to the assistant's questions: read from the replayed history. */
class FollowingTheConversationTest {

    @Test
    void should_complete_what_was_just_added_when_told_to_mark_it_as_done() {
        OfflineChat chat = new OfflineChat();
        chat.say("add buy milk");

        OfflineChat.Answer answer = chat.say("mark it as done");

        assertThat(onlyCalls(answer)).containsExactly(tuple("complete_task", Map.of("task_id", 1L)));
        assertThat(chat.tasks()).allMatch(Task::completed);
    }

    @Test
    void should_take_the_second_one_from_the_listing_the_user_saw_not_the_task_numbered_2() {
        OfflineChat chat = OfflineChat.withTasks("Buy milk", "Car wash", "Call mom").withCompleted(2);
        chat.say("what's still open?");

        OfflineChat.Answer answer = chat.say("delete the second one");

        assertThat(onlyCalls(answer)).containsExactly(tuple("delete_task", Map.of("task_id", 3L)));
        assertThat(chat.titles()).containsExactly("Buy milk", "Car wash");
    }

    @Test
    void should_ask_which_task_it_means_when_the_conversation_mentioned_none() {
        OfflineChat chat = OfflineChat.withTasks("Buy milk", "Call mom");

        OfflineChat.Answer answer = chat.say("delete that one");

        assertThat(answer.rounds()).isEmpty();
        assertThat(chat.titles()).containsExactly("Buy milk", "Call mom");
        assertThat(answer.text()).startsWith("Which task do you mean?");
    }

    @Test
    void should_ask_naming_the_candidates_when_it_follows_a_listing_of_several() {
        OfflineChat chat = OfflineChat.withTasks("Buy milk", "Call mom");
        chat.say("show my tasks");

        OfflineChat.Answer answer = chat.say("mark it as done");

        assertThat(answer.rounds()).isEmpty();
        assertThat(answer.text()).contains("\"Buy milk\" (task 1)", "\"Call mom\" (task 2)");
        assertThat(chat.tasks()).noneMatch(Task::completed);
    }

    @Test
    void should_say_what_was_just_added() {
        OfflineChat chat = new OfflineChat();
        chat.say("add call the bank");

        OfflineChat.Answer answer = chat.say("what did I just add?");

        assertThat(answer.rounds()).isEmpty();
        assertThat(answer.text()).isEqualTo("You just added \"call the bank\" (task 1).");
    }

    @Test
    void should_settle_a_which_one_question_by_place_by_word_or_not_at_all() {
        OfflineChat byPlace = OfflineChat.withTasks("Quarterly report", "Call mom", "Annual report");
        byPlace.say("delete the report");
        assertThat(onlyCalls(byPlace.say("the second one"))).containsExactly(tuple("delete_task", Map.of("task_id", 3L)));

        OfflineChat byWord = OfflineChat.withTasks("Quarterly report", "Call mom", "Annual report");
        byWord.say("delete the report");
        assertThat(onlyCalls(byWord.say("the quarterly one")))
                .containsExactly(tuple("delete_task", Map.of("task_id", 1L)));

        OfflineChat notAtAll = OfflineChat.withTasks("Quarterly report", "Annual report");
        notAtAll.say("delete the report");
        OfflineChat.Answer cancelled = notAtAll.say("never mind");
        assertThat(cancelled.rounds()).isEmpty();
        assertThat(notAtAll.titles()).hasSize(2);
    }

    @Test
    void should_add_an_offered_bare_item_when_the_user_says_yes() {
        OfflineChat chat = new OfflineChat();

        OfflineChat.Answer offer = chat.say("Oat milk");
        assertThat(offer.rounds()).isEmpty();
        assertThat(offer.text()).isEqualTo("Should I add \"Oat milk\" to your list? Say \"yes\", or \"add Oat milk\".");

        chat.say("yes");
        assertThat(chat.titles()).containsExactly("Oat milk");
    }

    @Test
    void should_rename_what_was_just_added_when_told_to_call_it_something_else() {
        OfflineChat chat = new OfflineChat();
        chat.say("add book flights");

        chat.say("call it book flights to Lisbon instead");

        assertThat(chat.titles()).containsExactly("book flights to Lisbon");
    }

    private static List<org.assertj.core.groups.Tuple> onlyCalls(OfflineChat.Answer answer) {
        return answer.rounds().stream().flatMap(List::stream)
                .filter(call -> !call.name().equals("list_tasks"))
                .map(call -> tuple(call.name(), call.arguments())).toList();
    }
}
