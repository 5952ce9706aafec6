package dev.todochat.testing.contract;

import dev.todochat.domain.AssistantMessage;
import dev.todochat.domain.Conversation;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.Message;
import dev.todochat.domain.RecordedMessage;
import dev.todochat.domain.ToolCall;
import dev.todochat.domain.ToolResult;
import dev.todochat.domain.ToolResultMessage;
import dev.todochat.domain.Usage;
import dev.todochat.domain.UserId;
import dev.todochat.domain.UserMessage;
import dev.todochat.domain.port.Storage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static dev.todochat.testing.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a conversation's transcript forwards, page by page, as a client showing it does. Extend it with the
 * storage to check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TranscriptPagesContract {
    /** The storage under test; every test uses users of its own, so one storage may serve them all. */
    protected abstract Storage storage();

    private UserId alice;
    private ConversationId conversation;

    @BeforeEach
    void a_conversation_with_five_messages() {
        alice = Fixtures.newUser("alice");
        Conversation created = Fixtures.conversationOf(alice, "Plants");
        List<Message> messages = List.of(
                new UserMessage("Add a task to water the plants"),
                new AssistantMessage("", List.of(new ToolCall("call_1", "add_task", Map.of("title", "water the plants"))),
                        Usage.NONE),
                new ToolResultMessage("call_1", "add_task", ToolResult.ok(Map.of("task_id", 1L, "status", "created"))),
                AssistantMessage.answer("Added.", new Usage(10, 2)),
                new UserMessage("Thanks"));
        storage().inTransaction(unit -> {
            unit.conversations().create(created);
            return unit.transcript().append(alice, created.id(), messages, T0);
        });
        conversation = created.id();
    }

    @Test
    public void pages_follow_each_other_in_order_with_tool_calls_and_results() {
        List<RecordedMessage> first = page(alice, 0, 2);
        List<RecordedMessage> second = page(alice, 2, 2);
        List<RecordedMessage> third = page(alice, 4, 2);

        assertThat(first).extracting(RecordedMessage::seq).containsExactly(1L, 2L);
        assertThat(second).extracting(RecordedMessage::seq).containsExactly(3L, 4L);
        assertThat(third).extracting(RecordedMessage::seq).containsExactly(5L);
        assertThat(first.get(1).message()).isInstanceOf(AssistantMessage.class)
                .extracting(m -> ((AssistantMessage) m).toolCalls().getFirst().name()).isEqualTo("add_task");
        assertThat(second.getFirst().message()).isInstanceOf(ToolResultMessage.class);
    }

    @Test
    public void a_page_after_the_newest_message_is_empty() {
        assertThat(page(alice, 5, 10)).isEmpty();
        assertThat(page(alice, Long.MAX_VALUE, 10)).isEmpty();
    }

    @Test
    public void another_user_reads_nothing() {
        assertThat(page(Fixtures.newUser("bob"), 0, 10)).isEmpty();
    }

    private List<RecordedMessage> page(UserId owner, long after, int limit) {
        return storage().inTransaction(unit -> unit.transcript().page(owner, conversation, after, limit));
    }
}
