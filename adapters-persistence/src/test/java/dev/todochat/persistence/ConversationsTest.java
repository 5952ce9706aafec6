package dev.todochat.persistence;

import dev.todochat.domain.Conversation;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.Storage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Optional;
import java.util.UUID;

import static dev.todochat.persistence.TestDatabases.T0;
import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationsTest {
    private final PostgresDatabase database = TestDatabases.migratedFresh();
    private final Storage storage = database.storage();
    private UserId alice;
    private UserId bob;

    @BeforeEach
    void new_users() {
        alice = TestDatabases.newUser("alice");
        bob = TestDatabases.newUser("bob");
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    void a_created_conversation_is_found_by_its_owner() {
        Conversation conversation = conversationOf(alice, "Plan the week");

        create(conversation);

        assertThat(find(alice, conversation.id())).contains(conversation);
    }

    @Test
    void another_users_conversation_is_not_found() {
        Conversation conversation = conversationOf(alice, "Private plans");
        create(conversation);

        assertThat(find(bob, conversation.id())).isEmpty();
    }

    @Test
    void an_unknown_conversation_is_not_found() {
        ConversationId unknown = new ConversationId(UUID.randomUUID());

        assertThat(find(alice, unknown)).isEmpty();
    }

    private void create(Conversation conversation) {
        storage.inTransaction(unit -> {
            unit.conversations().create(conversation);
            return conversation;
        });
    }

    private Optional<Conversation> find(UserId owner, ConversationId id) {
        return storage.inTransaction(unit -> unit.conversations().find(owner, id));
    }

    static Conversation conversationOf(UserId owner, String title) {
        return new Conversation(new ConversationId(UUID.randomUUID()), owner, title, T0, T0);
    }
}
