package dev.todochat.turn;

import dev.todochat.application.TodoChat;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.IdempotencyKey;
import dev.todochat.domain.Message;
import dev.todochat.domain.RecordedMessage;
import dev.todochat.domain.Task;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.UserId;
import dev.todochat.domain.UserMessage;
import dev.todochat.domain.chat.ChatLimits;
import dev.todochat.domain.chat.ChatRequest;
import dev.todochat.domain.chat.ConversationBusy;
import dev.todochat.domain.chat.IdempotencyKeyReused;
import dev.todochat.domain.chat.TurnResult;
import dev.todochat.domain.port.ModelFailure;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.llm.scripted.ScriptedModel;
import dev.todochat.llm.scripted.ToolCalls;
import dev.todochat.persistence.PostgresDatabase;
import dev.todochat.testing.ManualClock;
import dev.todochat.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One turn at a time per conversation, and idempotent retries, on a real PostgreSQL: what happens when two requests
 * meet, when a request is retried, and when a turn's instance goes silent.
 */
class OneTurnAtATimeTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static PostgresDatabase database;

    private final UserId alice = new UserId("alice-" + UUID.randomUUID());
    private final ManualClock clock = ManualClock.at(java.time.Instant.parse("2026-11-22T09:00:00Z"));

    @BeforeAll
    static void database() {
        database = PostgresDatabase.connect(TestPostgres.freshDatabaseUrl(), 8);
        database.migrate();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private TodoChat chat(ScriptedModel model) {
        return TodoChat.builder().storage(database.storage()).model(model).clock(clock)
                .limits(ChatLimits.DEFAULT.withTurnLease(LEASE)).build();
    }

    private ConversationId conversation() {
        return chat(ScriptedModel.create().replyText("Hello!")).chat(alice, ChatRequest.newConversation("hi"))
                .conversationId();
    }

    private List<Message> transcript(ConversationId conversation) {
        return database.storage().inTransaction(unit -> unit.transcript().latest(alice, conversation, 1000)).stream()
                .map(RecordedMessage::message).toList();
    }

    private List<Task> tasks() {
        return database.storage().inTransaction(unit -> unit.tasks().list(alice, TaskFilter.ALL));
    }

    /** A model whose first call waits until the test lets it go, so a turn can be held open. */
    private static ScriptedModel holding(CountDownLatch entered, CountDownLatch release, String answer) {
        return ScriptedModel.create().then(prompt -> {
            entered.countDown();
            await(release);
            return ModelReply.text(answer);
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("the test let the model go").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void while_a_turn_runs_other_messages_to_the_conversation_are_refused_and_write_nothing() throws Exception {
        ConversationId conversation = conversation();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<TurnResult> first = pool.submit(() -> chat(holding(entered, release, "first answer"))
                    .chat(alice, ChatRequest.in(conversation, "first")));
            await(entered);

            List<Future<TurnResult>> others = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String message = "other " + i;
                others.add(pool.submit(() -> chat(ScriptedModel.create()).chat(alice, ChatRequest.in(conversation, message))));
            }
            for (Future<TurnResult> other : others) {
                assertThatThrownBy(other::get).cause().isInstanceOf(ConversationBusy.class)
                        .satisfies(e -> assertThat(((ConversationBusy) e).retryAfter()).hasValueSatisfying(
                                wait -> assertThat(wait).isPositive()));
            }
            release.countDown();
            assertThat(first.get().response()).isEqualTo("first answer");
        }

        assertThat(transcript(conversation)).extracting(Message::role).containsExactly("user", "assistant", "user", "assistant");
        assertThat(chat(ScriptedModel.create().replyText("free again")).chat(alice, ChatRequest.in(conversation, "next"))
                .response()).isEqualTo("free again");
    }

    @Test
    void a_turn_whose_lease_lapsed_is_taken_over_and_the_silent_turn_writes_nothing_more() throws Exception {
        ConversationId conversation = conversation();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ScriptedModel slow = ScriptedModel.create().then(prompt -> {
            entered.countDown();
            await(release);
            return ModelReply.toolCalls(ToolCalls.addTask("from the silent turn"));
        });
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<TurnResult> silent = pool.submit(() -> chat(slow).chat(alice, ChatRequest.in(conversation, "slow")));
            await(entered);
            clock.advance(LEASE.plusSeconds(1));

            TurnResult takeover = chat(ScriptedModel.create().replyText("taken over"))
                    .chat(alice, ChatRequest.in(conversation, "are you there?"));
            release.countDown();

            assertThat(takeover.response()).isEqualTo("taken over");
            assertThatThrownBy(silent::get).cause().isInstanceOf(ConversationBusy.class);
        }
        assertThat(transcript(conversation)).containsExactly(new UserMessage("hi"), transcript(conversation).get(1),
                new UserMessage("slow"), new UserMessage("are you there?"), transcript(conversation).get(4));
        assertThat(tasks())
                .isEmpty();
    }

    @Test
    void concurrent_retries_with_one_idempotency_key_call_the_model_once() throws Exception {
        IdempotencyKey key = new IdempotencyKey("retry-" + UUID.randomUUID());
        ChatRequest request = ChatRequest.newConversation("Add a task to buy milk").withIdempotencyKey(key);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ScriptedModel once = ScriptedModel.create().then(prompt -> {
            entered.countDown();
            await(release);
            return ModelReply.toolCalls(ToolCalls.addTask("buy milk"));
        }).replyText("Added buy milk.");
        TodoChat server = chat(once);

        TurnResult original;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<TurnResult> first = pool.submit(() -> server.chat(alice, request));
            await(entered);
            List<Future<TurnResult>> retries = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                retries.add(pool.submit(() -> server.chat(alice, request)));
            }
            for (Future<TurnResult> retry : retries) {
                assertThatThrownBy(retry::get).cause().isInstanceOf(ConversationBusy.class)
                        .satisfies(e -> assertThat(((ConversationBusy) e).conflict())
                                .isEqualTo(ConversationBusy.Conflict.KEY_IN_USE));
            }
            release.countDown();
            original = first.get();
        }

        TurnResult replay = server.chat(alice, request);

        assertThat(once.prompts()).hasSize(2);
        assertThat(replay.replayed()).isTrue();
        assertThat(replay).isEqualTo(original.asReplay());
        assertThat(tasks())
                .hasSize(1);
        assertThat(transcript(original.conversationId())).hasSize(4);
    }

    @Test
    void the_same_key_with_a_different_request_is_refused_and_writes_nothing() {
        IdempotencyKey key = new IdempotencyKey("k-" + UUID.randomUUID());
        ConversationId conversation = chat(ScriptedModel.create().replyText("Hello!"))
                .chat(alice, ChatRequest.newConversation("hi").withIdempotencyKey(key)).conversationId();

        assertThatThrownBy(() -> chat(ScriptedModel.create())
                .chat(alice, ChatRequest.newConversation("something else").withIdempotencyKey(key)))
                .isInstanceOf(IdempotencyKeyReused.class);
        assertThat(transcript(conversation)).hasSize(2);
    }

    @Test
    void a_key_is_scoped_to_its_user_and_expires() {
        IdempotencyKey key = new IdempotencyKey("k-" + UUID.randomUUID());
        UserId bob = new UserId("bob-" + UUID.randomUUID());
        ChatRequest request = ChatRequest.newConversation("hi").withIdempotencyKey(key);
        TurnResult alices = chat(ScriptedModel.create().replyText("Hello alice")).chat(alice, request);

        TurnResult bobs = chat(ScriptedModel.create().replyText("Hello bob")).chat(bob, request);
        clock.advance(ChatLimits.DEFAULT_IDEMPOTENCY_TTL.plusSeconds(1));
        TurnResult afterExpiry = chat(ScriptedModel.create().replyText("Hello again")).chat(alice, request);

        assertThat(bobs.replayed()).isFalse();
        assertThat(bobs.conversationId()).isNotEqualTo(alices.conversationId());
        assertThat(afterExpiry.replayed()).isFalse();
        assertThat(afterExpiry.response()).isEqualTo("Hello again");
    }

    @Test
    void after_a_model_failure_the_key_and_the_conversation_are_free_and_a_retry_runs_again() {
        IdempotencyKey key = new IdempotencyKey("k-" + UUID.randomUUID());
        ConversationId conversation = conversation();
        ChatRequest request = ChatRequest.in(conversation, "Add a task to buy milk").withIdempotencyKey(key);

        assertThatThrownBy(() -> chat(ScriptedModel.create().thenFail(ModelFailure.Kind.TIMEOUT)).chat(alice, request))
                .isInstanceOf(ModelFailure.class);
        TurnResult retry = chat(ScriptedModel.create().replyText("Now it worked.")).chat(alice, request);

        assertThat(retry.replayed()).isFalse();
        assertThat(retry.response()).isEqualTo("Now it worked.");
        assertThat(transcript(conversation)).extracting(Message::role)
                .containsExactly("user", "assistant", "user", "user", "assistant");
    }

    @Test
    void a_key_whose_turn_died_is_claimed_again_once_the_lease_lapses() throws Exception {
        IdempotencyKey key = new IdempotencyKey("k-" + UUID.randomUUID());
        ConversationId conversation = conversation();
        ChatRequest request = ChatRequest.in(conversation, "hello?").withIdempotencyKey(key);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<TurnResult> dead = pool.submit(() -> chat(holding(entered, never, "never")).chat(alice, request));
            await(entered);

            assertThatThrownBy(() -> chat(ScriptedModel.create()).chat(alice, request))
                    .isInstanceOf(ConversationBusy.class);
            clock.advance(LEASE.plusSeconds(1));
            TurnResult retry = chat(ScriptedModel.create().replyText("answered by the retry")).chat(alice, request);

            assertThat(retry.response()).isEqualTo("answered by the retry");
            never.countDown();
            assertThatThrownBy(dead::get).cause().isInstanceOf(ConversationBusy.class);
        }
        assertThat(chat(ScriptedModel.create()).chat(alice, request).replayed()).isTrue();
    }
}
