package dev.todochat.testing.contract;

import dev.todochat.domain.Conversation;
import dev.todochat.domain.IdempotencyKey;
import dev.todochat.domain.ToolResult;
import dev.todochat.domain.TurnId;
import dev.todochat.domain.Usage;
import dev.todochat.domain.UserId;
import dev.todochat.domain.chat.ToolInvocation;
import dev.todochat.domain.chat.TurnResult;
import dev.todochat.domain.port.TurnLease;
import dev.todochat.domain.port.IdempotencyKeys.Claim;
import dev.todochat.domain.port.Storage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.todochat.testing.contract.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link dev.todochat.domain.port.IdempotencyKeys} promises: a key is claimed once, replayed once done,
 * refused while its turn lives, taken over when its turn died or it expired, and kept apart per user. Extend it with
 * the storage to check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class IdempotencyKeysContract {
    private static final Instant EXPIRES = T0.plus(Duration.ofHours(24));
    private static final Instant LEASE = T0.plus(Duration.ofMinutes(2));
    private static final IdempotencyKey KEY = new IdempotencyKey("retry-me-1");

    /** The storage under test; every test uses users of its own, so one storage may serve them all. */
    protected abstract Storage storage();

    private UserId alice;
    private Conversation conversation;

    @BeforeEach
    void a_conversation_of_alice() {
        alice = Fixtures.newUser("alice");
        conversation = Fixtures.conversationOf(alice, "Errands");
        storage().inTransaction(unit -> {
            unit.conversations().create(conversation);
            return null;
        });
    }

    @Test
    public void a_new_key_is_claimed() {
        assertThat(claim(alice, "new\nbuy milk", newTurn(), T0)).isEqualTo(new Claim.Claimed());
    }

    @Test
    public void a_key_whose_turn_holds_its_conversation_is_in_progress() {
        runningTurn(T0);

        assertThat(claim(alice, "new\nbuy milk", newTurn(), T0.plusSeconds(1))).isEqualTo(new Claim.InProgress());
    }

    @Test
    public void a_key_used_for_another_request_is_a_mismatch_even_while_it_runs() {
        runningTurn(T0);

        assertThat(claim(alice, "new\nbuy bread", newTurn(), T0.plusSeconds(1))).isEqualTo(new Claim.Mismatch());
    }

    @Test
    public void a_completed_key_replays_the_answer_as_it_was_recorded() {
        TurnId turn = runningTurn(T0);
        TurnResult answer = new TurnResult(conversation.id(), "Added it.", List.of(new ToolInvocation("add_task",
                Map.of("title", "buy milk"), ToolResult.ok(Map.of("task_id", 7L, "status", "created")))),
                new Usage(120, 8));
        storage().inTransaction(unit -> {
            unit.idempotencyKeys().complete(alice, KEY, turn, answer);
            unit.conversations().releaseTurn(alice, conversation.id(), turn);
            return null;
        });

        assertThat(claim(alice, "new\nbuy milk", newTurn(), T0.plusSeconds(5))).isEqualTo(new Claim.Replay(answer));
        assertThat(claim(alice, "new\nbuy bread", newTurn(), T0.plusSeconds(5))).isEqualTo(new Claim.Mismatch());
    }

    @Test
    public void an_abandoned_key_is_claimed_again() {
        TurnId turn = runningTurn(T0);
        storage().inTransaction(unit -> {
            unit.idempotencyKeys().abandon(alice, KEY, turn);
            return null;
        });

        assertThat(claim(alice, "new\nbuy milk", newTurn(), T0.plusSeconds(1))).isEqualTo(new Claim.Claimed());
    }

    @Test
    public void only_the_turn_that_holds_a_key_completes_or_abandons_it() {
        runningTurn(T0);
        TurnId stranger = newTurn();
        storage().inTransaction(unit -> {
            unit.idempotencyKeys().abandon(alice, KEY, stranger);
            unit.idempotencyKeys().complete(alice, KEY, stranger, new TurnResult(conversation.id(), "not mine",
                    List.of(), Usage.NONE));
            return null;
        });

        assertThat(claim(alice, "new\nbuy milk", newTurn(), T0.plusSeconds(1))).isEqualTo(new Claim.InProgress());
    }

    @Test
    public void a_key_whose_turn_died_is_taken_over_once_the_lease_lapses() {
        runningTurn(T0);

        assertThat(claim(alice, "new\nbuy milk", newTurn(), LEASE)).isEqualTo(new Claim.Claimed());
    }

    @Test
    public void an_expired_key_is_claimed_afresh_even_for_another_request() {
        TurnId turn = runningTurn(T0);
        storage().inTransaction(unit -> {
            unit.idempotencyKeys().complete(alice, KEY, turn, new TurnResult(conversation.id(), "Done.", List.of(),
                    Usage.NONE));
            return null;
        });

        assertThat(claim(alice, "new\nbuy bread", newTurn(), EXPIRES)).isEqualTo(new Claim.Claimed());
    }

    @Test
    public void the_same_key_of_another_user_is_another_key() {
        runningTurn(T0);

        assertThat(claim(Fixtures.newUser("bob"), "new\nbuy bread", newTurn(), T0)).isEqualTo(new Claim.Claimed());
    }

    /** Claims {@link #KEY} for a turn that then holds the conversation's lease until {@link #LEASE}. */
    private TurnId runningTurn(Instant now) {
        TurnId turn = newTurn();
        Claim claim = storage().inTransaction(unit -> {
            Claim claimed = unit.idempotencyKeys().claim(alice, KEY, "new\nbuy milk", turn, now, EXPIRES);
            unit.transcript().appendInTurn(alice, conversation.id(), TurnLease.take(turn, LEASE), List.of(), now)
                    .orElseThrow();
            return claimed;
        });
        assertThat(claim).isEqualTo(new Claim.Claimed());
        return turn;
    }

    private Claim claim(UserId owner, String fingerprint, TurnId turn, Instant now) {
        return storage().inTransaction(unit -> unit.idempotencyKeys().claim(owner, KEY, fingerprint, turn, now,
                now.plus(Duration.ofHours(24))));
    }

    private static TurnId newTurn() {
        return new TurnId(UUID.randomUUID());
    }
}
