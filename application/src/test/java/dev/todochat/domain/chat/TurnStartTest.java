package dev.todochat.domain.chat;

import dev.todochat.domain.Conversation;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.Message;
import dev.todochat.domain.NotFound;
import dev.todochat.domain.RecordedMessage;
import dev.todochat.domain.TurnId;
import dev.todochat.domain.UserId;
import dev.todochat.domain.UserMessage;
import dev.todochat.domain.port.Ids;
import dev.todochat.testing.storage.InMemoryStorage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The first transaction of a turn: whose conversation, whose turn, what the model is shown. */
class TurnStartTest {
    private static final UserId ALICE = new UserId("alice");
    private static final UserId BOB = new UserId("bob");
    private static final Instant NOW = Instant.parse("2026-05-04T08:00:00Z");
    private static final ConversationId NEW = new ConversationId(UUID.fromString("00000000-0000-4000-8000-000000000001"));

    private final InMemoryStorage storage = new InMemoryStorage();
    private final TurnStart start = new TurnStart(fixedIds(), ChatLimits.DEFAULT);

    @Test
    void a_first_message_opens_a_conversation_titled_by_it_and_the_model_sees_that_message() {
        TurnStart.Started started = (TurnStart.Started) begin(ALICE, ChatRequest.newConversation("Plan the week"),
                NOW);

        assertThat(started.conversation()).isEqualTo(NEW);
        assertThat(started.history()).containsExactly(new UserMessage("Plan the week"));
        assertThat(conversation(ALICE, NEW)).map(Conversation::title).contains("Plan the week");
    }

    @Test
    void another_users_conversation_is_not_found_and_nothing_is_written() {
        begin(ALICE, ChatRequest.newConversation("Private plans"), NOW);

        assertThatThrownBy(() -> begin(BOB, ChatRequest.in(NEW, "Let me in"), NOW.plusSeconds(600)))
                .isInstanceOf(NotFound.class).hasMessage("conversation " + NEW + " was not found");

        assertThat(messages()).hasSize(1);
    }

    @Test
    void a_conversation_whose_turn_is_held_is_refused_until_the_lease_lapses_and_nothing_is_written() {
        begin(ALICE, ChatRequest.newConversation("First"), NOW);
        Instant later = NOW.plusMillis(1_500);

        assertThatThrownBy(() -> begin(ALICE, ChatRequest.in(NEW, "Second"), later))
                .isInstanceOfSatisfying(ConversationBusy.class, busy -> {
                    assertThat(busy.conflict()).isEqualTo(ConversationBusy.Conflict.CONVERSATION_IN_USE);
                    assertThat(busy.retryAfter()).contains(ChatLimits.DEFAULT_TURN_LEASE.minusMillis(1_500));
                });

        assertThat(messages()).extracting(RecordedMessage::message).containsExactly(new UserMessage("First"));
    }

    @Test
    void a_lease_left_behind_lapses_and_the_next_message_takes_the_turn_with_the_history() {
        begin(ALICE, ChatRequest.newConversation("First"), NOW);

        TurnStart.Outcome next = begin(ALICE, ChatRequest.in(NEW, "Second"), NOW.plus(ChatLimits.DEFAULT_TURN_LEASE));

        assertThat(next).isInstanceOfSatisfying(TurnStart.Started.class, started -> assertThat(started.history())
                .extracting(Message::role).containsExactly("user", "user"));
    }

    private TurnStart.Outcome begin(UserId user, ChatRequest request, Instant now) {
        return storage.inTransaction(unit -> start.begin(unit, user, request, new TurnId(UUID.randomUUID()), now));
    }

    private List<RecordedMessage> messages() {
        return storage.inTransaction(unit -> unit.transcript().latest(ALICE, NEW, 10));
    }

    private Optional<Conversation> conversation(UserId owner, ConversationId id) {
        return storage.inTransaction(unit -> unit.conversations().find(owner, id));
    }

    private static Ids fixedIds() {
        return new Ids() {
            @Override
            public ConversationId newConversationId() {
                return NEW;
            }

            @Override
            public TurnId newTurnId() {
                return new TurnId(UUID.randomUUID());
            }
        };
    }
}
