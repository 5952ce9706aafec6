package dev.todochat.testing.contract;

import dev.todochat.domain.Conversation;
import dev.todochat.domain.ConversationCursor;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.RecordedMessage;
import dev.todochat.domain.UserId;
import dev.todochat.domain.UserMessage;
import dev.todochat.domain.port.Storage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.todochat.testing.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link dev.todochat.domain.port.Conversations} promises about finding, listing and deleting a user's
 * conversations. Extend it with the storage to check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConversationsContract {
    /** The storage under test; every test uses users of its own, so one storage may serve them all. */
    protected abstract Storage storage();

    private UserId alice;
    private UserId bob;

    @BeforeEach
    void new_users() {
        alice = Fixtures.newUser("alice");
        bob = Fixtures.newUser("bob");
    }

    @Test
    public void a_created_conversation_is_found_by_its_owner() {
        Conversation conversation = create(alice, "Plan the week", T0);

        assertThat(find(alice, conversation.id())).contains(conversation);
    }

    @Test
    public void another_users_conversation_is_not_found() {
        Conversation conversation = create(alice, "Private plans", T0);

        assertThat(find(bob, conversation.id())).isEmpty();
    }

    @Test
    public void an_unknown_conversation_is_not_found() {
        assertThat(find(alice, new ConversationId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    public void conversations_come_newest_update_first() {
        Conversation monday = create(alice, "Monday", T0);
        Conversation tuesday = create(alice, "Tuesday", T0.plus(Duration.ofDays(1)));
        Conversation wednesday = create(alice, "Wednesday", T0.plus(Duration.ofDays(2)));

        assertThat(newestFirst(alice, null, 10)).containsExactly(wednesday, tuesday, monday);
    }

    @Test
    public void a_new_message_moves_a_conversation_to_the_top() {
        Conversation older = create(alice, "Older", T0);
        create(alice, "Newer", T0.plus(Duration.ofHours(1)));
        Instant later = T0.plus(Duration.ofHours(2));

        storage().inTransaction(unit -> unit.transcript().append(alice, older.id(), List.of(new UserMessage("hi")), later));

        assertThat(newestFirst(alice, null, 10)).extracting(Conversation::title).containsExactly("Older", "Newer");
    }

    @Test
    public void following_the_cursor_visits_every_conversation_once_even_when_times_tie() {
        List<Conversation> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(create(alice, "Same time " + i, T0));
        }
        created.add(create(alice, "Earlier", T0.minus(Duration.ofMinutes(1))));

        List<Conversation> visited = new ArrayList<>();
        ConversationCursor cursor = null;
        for (int page = 0; page < 10; page++) {
            List<Conversation> conversations = newestFirst(alice, cursor, 3);
            visited.addAll(conversations);
            if (conversations.size() < 3) {
                break;
            }
            cursor = ConversationCursor.after(conversations.getLast());
        }

        assertThat(visited).hasSize(8).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        assertThat(visited.getLast().title()).isEqualTo("Earlier");
        assertThat(visited.subList(0, 7)).extracting(c -> c.id().toString()).isSorted();
    }

    @Test
    public void a_user_lists_only_their_own_conversations() {
        Conversation mine = create(alice, "Mine", T0);
        create(bob, "Bob's", T0.plus(Duration.ofMinutes(1)));

        assertThat(newestFirst(alice, null, 10)).containsExactly(mine);
    }

    @Test
    public void deleting_removes_the_conversation_and_its_messages() {
        Conversation conversation = create(alice, "Obsolete", T0);
        storage().inTransaction(unit -> unit.transcript().append(alice, conversation.id(),
                List.of(new UserMessage("one"), new UserMessage("two")), T0));

        assertThat(delete(alice, conversation.id())).isTrue();

        assertThat(find(alice, conversation.id())).isEmpty();
        assertThat(messages(alice, conversation.id())).isEmpty();
        assertThat(delete(alice, conversation.id())).isFalse();
    }

    @Test
    public void another_user_cannot_delete_a_conversation_and_nothing_changes() {
        Conversation conversation = create(alice, "Private", T0);
        storage().inTransaction(unit -> unit.transcript().append(alice, conversation.id(),
                List.of(new UserMessage("secret")), T0));

        assertThat(delete(bob, conversation.id())).isFalse();
        assertThat(delete(bob, new ConversationId(UUID.randomUUID()))).isFalse();

        assertThat(newestFirst(alice, null, 10)).containsExactly(conversation);
        assertThat(messages(alice, conversation.id())).hasSize(1);
    }

    private Conversation create(UserId owner, String title, Instant at) {
        Conversation conversation = new Conversation(new ConversationId(UUID.randomUUID()), owner, title, at, at);
        storage().inTransaction(unit -> {
            unit.conversations().create(conversation);
            return conversation;
        });
        return conversation;
    }

    private Optional<Conversation> find(UserId owner, ConversationId id) {
        return storage().inTransaction(unit -> unit.conversations().find(owner, id));
    }

    private List<Conversation> newestFirst(UserId owner, ConversationCursor after, int limit) {
        return storage().inTransaction(unit -> unit.conversations().newestFirst(owner, Optional.ofNullable(after), limit));
    }

    private boolean delete(UserId owner, ConversationId id) {
        return storage().inTransaction(unit -> unit.conversations().delete(owner, id));
    }

    private List<RecordedMessage> messages(UserId owner, ConversationId id) {
        return storage().inTransaction(unit -> unit.transcript().latest(owner, id, 100));
    }
}
