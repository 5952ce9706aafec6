package dev.todochat.testing.contract;

import dev.todochat.domain.Conversation;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.NotFound;
import dev.todochat.domain.Task;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.UserId;
import dev.todochat.domain.UserMessage;
import dev.todochat.domain.port.Storage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.todochat.testing.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Storage} promises about its transaction unit: work that returns is committed, work that
 * throws leaves nothing behind and its exception reaches the caller unchanged. Extend it with the storage to check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StorageTransactionsContract {
    /** The storage under test; every test uses users of its own, so one storage may serve them all. */
    protected abstract Storage storage();

    private UserId alice;

    @BeforeEach
    void new_user() {
        alice = Fixtures.newUser("alice");
    }

    @Test
    public void work_that_returns_is_committed() {
        storage().inTransaction(unit -> unit.tasks().add(alice, "Kept", null, T0));

        assertThat(tasksOf(alice)).extracting(Task::title).containsExactly("Kept");
    }

    @Test
    public void a_not_found_after_an_insert_rolls_the_insert_back_and_reaches_the_caller_unchanged() {
        NotFound notFound = new NotFound("conversation was not found");

        assertThatThrownBy(() -> storage().inTransaction(unit -> {
            unit.tasks().add(alice, "Never saved", null, T0);
            throw notFound;
        })).isSameAs(notFound);

        assertThat(tasksOf(alice)).isEmpty();
    }

    @Test
    public void a_failing_append_undoes_the_conversation_created_in_the_same_transaction() {
        Conversation created = Fixtures.conversationOf(alice, "Doomed");
        ConversationId someoneElses = new ConversationId(UUID.randomUUID());

        assertThatThrownBy(() -> storage().inTransaction(unit -> {
            unit.conversations().create(created);
            return unit.transcript().append(alice, someoneElses, List.of(new UserMessage("hi")), T0);
        })).isInstanceOf(NotFound.class);

        Optional<Conversation> found = storage().inTransaction(unit -> unit.conversations().find(alice, created.id()));
        assertThat(found).isEmpty();
    }

    private List<Task> tasksOf(UserId owner) {
        return storage().inTransaction(unit -> unit.tasks().list(owner, TaskFilter.ALL));
    }
}
