package dev.todochat.application;

import dev.todochat.domain.Conversation;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.InvalidInput;
import dev.todochat.domain.NotFound;
import dev.todochat.domain.RecordedMessage;
import dev.todochat.domain.UserId;
import dev.todochat.domain.chat.ChatRequest;
import dev.todochat.llm.scripted.ScriptedModel;
import dev.todochat.llm.scripted.ToolCalls;
import dev.todochat.testing.ManualClock;
import dev.todochat.testing.storage.InMemoryStorage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A user's conversations: listed newest first page by page, read message by message, deleted. */
class UserConversationsTest {
    private static final UserId ALICE = new UserId("alice");
    private static final UserId BOB = new UserId("bob");

    private final ManualClock clock = ManualClock.at(Instant.parse("2026-05-04T08:00:00Z"));
    private final ScriptedModel model = ScriptedModel.create();
    private final TodoChat chat = TodoChat.builder().storage(new InMemoryStorage()).model(model).clock(clock).build();

    @Test
    void pages_of_conversations_come_newest_first_and_the_cursor_visits_each_once() {
        List<ConversationId> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            started.add(talk("Conversation " + i));
            clock.advance(Duration.ofMinutes(1));
        }

        ConversationPage first = chat.conversations(ALICE).list(Optional.empty(), 2);
        ConversationPage second = chat.conversations(ALICE).list(first.next(), 2);
        ConversationPage last = chat.conversations(ALICE).list(second.next(), 2);

        List<ConversationId> visited = new ArrayList<>();
        for (ConversationPage page : List.of(first, second, last)) {
            page.conversations().stream().map(Conversation::id).forEach(visited::add);
        }
        assertThat(visited).containsExactlyElementsOf(started.reversed());
        assertThat(last.next()).isEmpty();
    }

    @Test
    void the_messages_of_a_turn_read_in_order_with_the_tool_call_and_its_result() {
        model.replyToolCalls(ToolCalls.addTask("buy milk"));
        ConversationId conversation = talk("Add a task to buy milk");

        MessagePage first = chat.conversations(ALICE).messages(conversation, 0, 3);
        MessagePage rest = chat.conversations(ALICE).messages(conversation, first.nextAfter().orElseThrow(), 3);

        assertThat(first.messages()).extracting(m -> m.message().role()).containsExactly("user", "assistant", "tool");
        assertThat(rest.messages()).extracting(RecordedMessage::seq).containsExactly(4L);
        assertThat(rest.nextAfter()).isEmpty();
    }

    @Test
    void a_deleted_conversation_is_gone_with_its_messages() {
        ConversationId conversation = talk("Forget me");

        chat.conversations(ALICE).delete(conversation);

        assertThatThrownBy(() -> chat.conversations(ALICE).get(conversation)).isInstanceOf(NotFound.class)
                .hasMessage("conversation " + conversation + " was not found");
        assertThatThrownBy(() -> chat.conversations(ALICE).messages(conversation, 0, 10)).isInstanceOf(NotFound.class);
        assertThat(chat.conversations(ALICE).list(Optional.empty(), 10).conversations()).isEmpty();
    }

    @Test
    void another_users_conversation_is_missing_exactly_like_one_that_never_existed() {
        ConversationId conversation = talk("Private");

        for (ConversationId id : List.of(conversation, new ConversationId(UUID.randomUUID()))) {
            assertThatThrownBy(() -> chat.conversations(BOB).get(id)).isInstanceOf(NotFound.class)
                    .hasMessage("conversation " + id + " was not found");
            assertThatThrownBy(() -> chat.conversations(BOB).messages(id, 0, 10)).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> chat.conversations(BOB).delete(id)).isInstanceOf(NotFound.class);
        }
        assertThat(chat.conversations(ALICE).get(conversation).title()).isEqualTo("Private");
    }

    @Test
    void page_sizes_and_positions_outside_their_range_are_refused() {
        assertThatThrownBy(() -> chat.conversations(ALICE).list(Optional.empty(), 0)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> chat.conversations(ALICE).list(Optional.empty(), UserConversations.MAX_PAGE + 1))
                .isInstanceOf(InvalidInput.class);
        ConversationId conversation = talk("Hello");
        assertThatThrownBy(() -> chat.conversations(ALICE).messages(conversation, -1, 10))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> chat.conversations(ALICE).messages(conversation, 0,
                UserConversations.MAX_MESSAGES + 1)).isInstanceOf(InvalidInput.class);
    }

    /** One turn of Alice's in a new conversation, answered "OK." after whatever tool calls were scripted. */
    private ConversationId talk(String message) {
        model.replyText("OK.");
        return chat.chat(ALICE, ChatRequest.newConversation(message)).conversationId();
    }
}
