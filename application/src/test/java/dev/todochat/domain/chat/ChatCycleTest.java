package dev.todochat.domain.chat;

import dev.todochat.domain.AssistantMessage;
import dev.todochat.domain.Conversation;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.IdempotencyKey;
import dev.todochat.domain.Message;
import dev.todochat.domain.RecordedMessage;
import dev.todochat.domain.Task;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.Ids;
import dev.todochat.domain.port.LanguageModel;
import dev.todochat.domain.port.ModelFailure;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.domain.port.Prompt;
import dev.todochat.domain.port.StorageBusy;
import dev.todochat.domain.tool.TaskTools;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of one chat turn, specified on the in-memory storage with the scripted model: no database, no network. */
class ChatCycleTest {
    private static final UserId ALICE = new UserId("alice");
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final IdempotencyKey KEY = new IdempotencyKey("order-42");

    private final InMemoryStorage storage = new InMemoryStorage();
    private final ManualClock clock = ManualClock.at(Instant.parse("2026-05-04T08:00:00Z"));
    private final ScriptedModel model = ScriptedModel.create();
    private ChatLimits limits = ChatLimits.DEFAULT.withTurnLease(LEASE)
            .withStoragePatience(new StoragePatience(3, Duration.ofMillis(1)));

    private ChatCycle cycle() {
        return new ChatCycle(storage, model, new TaskTools(), clock, Ids.random(), limits);
    }

    @Test
    void a_turn_runs_the_tools_the_model_asks_for_and_records_the_call_the_results_and_the_answer() {
        model.replyToolCalls(ToolCalls.addTask("buy milk")).replyText("Added buy milk.");

        TurnResult result = cycle().run(ALICE, ChatRequest.newConversation("Add a task to buy milk"));

        assertThat(result.response()).isEqualTo("Added buy milk.");
        assertThat(result.toolCalls()).extracting(ToolInvocation::tool).containsExactly("add_task");
        assertThat(tasks()).extracting(Task::title).containsExactly("buy milk");
        assertThat(roles(result.conversationId())).containsExactly("user", "assistant", "tool", "assistant");
    }

    @Test
    void a_turn_streams_its_model_replies_only_to_an_observer_that_wants_the_text() {
        List<String> calls = new ArrayList<>();
        LanguageModel noting = new LanguageModel() {
            @Override
            public ModelReply reply(Prompt prompt) {
                calls.add("whole");
                return model.reply(prompt);
            }

            @Override
            public ModelReply reply(Prompt prompt, Consumer<String> textDeltas) {
                calls.add("streamed");
                ModelReply reply = model.reply(prompt);
                textDeltas.accept(reply.text());
                return reply;
            }

            @Override
            public String describe() {
                return "the scripted model, noting how it was asked";
            }
        };
        ChatCycle cycle = new ChatCycle(storage, noting, new TaskTools(), clock, Ids.random(), limits);
        model.replyToolCalls(ToolCalls.addTask("buy milk")).replyText("Added buy milk.")
                .replyText("Nothing else to do.");
        List<String> text = new ArrayList<>();

        cycle.run(ALICE, ChatRequest.newConversation("Add a task to buy milk"));
        assertThat(calls).containsExactly("whole", "whole");

        cycle.run(ALICE, ChatRequest.newConversation("Anything else?"), TurnObserver.text(text::add));
        assertThat(calls).containsExactly("whole", "whole", "streamed");
        assertThat(text).containsExactly("Nothing else to do.");
    }

    @Test
    void a_turn_that_reaches_the_round_limit_ends_with_an_honest_answer_and_keeps_what_was_done() {
        limits = new ChatLimits(2, 2, 50, 12_000, LEASE, ChatLimits.DEFAULT_IDEMPOTENCY_TTL);
        model.replyToolCalls(ToolCalls.addTask("one")).replyToolCalls(ToolCalls.addTask("two"));

        TurnResult result = cycle().run(ALICE, ChatRequest.newConversation("Add one, two, and so on"));

        assertThat(result.response()).isEqualTo(ChatCycle.ROUNDS_EXHAUSTED);
        assertThat(tasks()).extracting(Task::title).containsExactly("one", "two");
        assertThat(model.prompts()).hasSize(2);
        assertThat(lastMessageText(result.conversationId())).isEqualTo(ChatCycle.ROUNDS_EXHAUSTED);
    }

    @Test
    void the_same_call_asked_for_more_often_than_allowed_ends_the_turn_without_running_again() {
        model.replyToolCalls(ToolCalls.listTasks("all"))
                .replyToolCalls(ToolCalls.listTasks("all"))
                .replyToolCalls(ToolCalls.listTasks("all"));

        TurnResult result = cycle().run(ALICE, ChatRequest.newConversation("What is on my list?"));

        assertThat(result.response()).isEqualTo(ChatCycle.REPEATING);
        assertThat(result.toolCalls()).hasSize(2);
        assertThat(model.remaining()).isZero();
    }

    @Test
    void a_turn_whose_lease_was_taken_over_writes_nothing_more_and_ends_in_a_conflict() {
        ConversationId conversation = startedConversation();
        AtomicReference<TurnResult> later = new AtomicReference<>();
        model.then(prompt -> {
            clock.advance(LEASE.plusSeconds(1));
            later.set(cycle().run(ALICE, ChatRequest.in(conversation, "Are you there?")));
            return ModelReply.toolCalls(ToolCalls.addTask("never added"));
        }).replyText("Yes, here.");

        assertThatThrownBy(() -> cycle().run(ALICE, ChatRequest.in(conversation, "Add a task")))
                .isInstanceOfSatisfying(ConversationBusy.class, busy -> {
                    assertThat(busy.conflict()).isEqualTo(ConversationBusy.Conflict.TURN_TAKEN_OVER);
                    assertThat(busy.retryAfter()).isEmpty();
                });

        assertThat(later.get().response()).isEqualTo("Yes, here.");
        assertThat(tasks()).isEmpty();
        assertThat(roles(conversation)).containsExactly("user", "assistant", "user", "user", "assistant");
    }

    @Test
    void a_new_turn_is_refused_at_once_when_the_storage_is_busy_and_nothing_is_written() {
        storage.refuseNext(1);

        assertThatThrownBy(() -> cycle().run(ALICE, ChatRequest.newConversation("Add a task to buy milk")))
                .isInstanceOf(StorageBusy.class);

        assertThat(model.prompts()).isEmpty();
        assertThat(conversations()).isEmpty();
    }

    @Test
    void a_turn_that_has_called_the_model_asks_a_busy_storage_again_as_its_patience_allows() {
        model.then(prompt -> {
            storage.refuseNext(2);
            return ModelReply.toolCalls(ToolCalls.addTask("buy milk"));
        }).replyText("Added.");

        TurnResult result = cycle().run(ALICE, ChatRequest.newConversation("Add a task to buy milk"));

        assertThat(result.response()).isEqualTo("Added.");
        assertThat(tasks()).extracting(Task::title).containsExactly("buy milk");
    }

    @Test
    void a_turn_gives_up_after_its_last_attempt_and_frees_the_conversation() {
        ConversationId conversation = startedConversation();
        model.then(prompt -> {
            storage.refuseNext(3);
            return ModelReply.toolCalls(ToolCalls.addTask("buy milk"));
        }).replyText("Free again.");

        assertThatThrownBy(() -> cycle().run(ALICE, ChatRequest.in(conversation, "Add a task to buy milk")))
                .isInstanceOf(StorageBusy.class);

        assertThat(tasks()).isEmpty();
        assertThat(cycle().run(ALICE, ChatRequest.in(conversation, "Still there?")).response())
                .isEqualTo("Free again.");
    }

    @Test
    void when_the_model_fails_what_was_done_stays_recorded_and_the_conversation_and_the_key_are_freed() {
        model.replyToolCalls(ToolCalls.addTask("buy milk")).thenFail(ModelFailure.Kind.UNAVAILABLE)
                .replyText("Done this time.");
        ChatRequest request = ChatRequest.newConversation("Add a task to buy milk").withIdempotencyKey(KEY);

        assertThatThrownBy(() -> cycle().run(ALICE, request)).isInstanceOf(ModelFailure.class);

        assertThat(tasks()).extracting(Task::title).containsExactly("buy milk");
        ConversationId conversation = onlyConversation();
        assertThat(roles(conversation)).containsExactly("user", "assistant", "tool");
        TurnResult retried = cycle().run(ALICE, request);
        assertThat(retried.replayed()).isFalse();
        assertThat(retried.response()).isEqualTo("Done this time.");
    }

    @Test
    void a_finished_request_sent_again_with_its_key_is_replayed_without_running_again() {
        model.replyToolCalls(ToolCalls.addTask("buy milk")).replyText("Added.");
        ChatRequest request = ChatRequest.newConversation("Add a task to buy milk").withIdempotencyKey(KEY);
        TurnResult first = cycle().run(ALICE, request);

        TurnResult again = cycle().run(ALICE, request);

        assertThat(again.replayed()).isTrue();
        assertThat(again.response()).isEqualTo(first.response());
        assertThat(again.toolCalls()).isEqualTo(first.toolCalls());
        assertThat(tasks()).hasSize(1);
        assertThat(roles(first.conversationId())).hasSize(4);
    }

    @Test
    void a_request_sent_again_while_it_still_runs_is_a_conflict_without_a_retry_hint() {
        ChatRequest request = ChatRequest.newConversation("Add a task to buy milk").withIdempotencyKey(KEY);
        AtomicReference<Throwable> retry = new AtomicReference<>();
        model.then(prompt -> {
            try {
                cycle().run(ALICE, request);
            } catch (RuntimeException e) {
                retry.set(e);
            }
            return ModelReply.text("Added.");
        });

        assertThat(cycle().run(ALICE, request).response()).isEqualTo("Added.");

        assertThat(retry.get()).isInstanceOfSatisfying(ConversationBusy.class, busy -> {
            assertThat(busy.conflict()).isEqualTo(ConversationBusy.Conflict.KEY_IN_USE);
            assertThat(busy.retryAfter()).isEmpty();
        });
        assertThat(conversations()).hasSize(1);
    }

    @Test
    void a_key_used_again_for_another_request_is_refused_and_nothing_is_written() {
        model.replyText("Added.");
        ConversationId conversation = cycle().run(ALICE, ChatRequest.newConversation("Add a task to buy milk")
                .withIdempotencyKey(KEY)).conversationId();

        assertThatThrownBy(() -> cycle().run(ALICE, ChatRequest.in(conversation, "Add a task to buy bread")
                .withIdempotencyKey(KEY))).isInstanceOf(IdempotencyKeyReused.class);

        assertThat(roles(conversation)).containsExactly("user", "assistant");
    }

    private ConversationId startedConversation() {
        model.replyText("Hello.");
        ConversationId conversation = cycle().run(ALICE, ChatRequest.newConversation("Hi")).conversationId();
        assertThat(model.remaining()).isZero();
        return conversation;
    }

    private ConversationId onlyConversation() {
        return conversations().getFirst().id();
    }

    private List<Conversation> conversations() {
        return storage.inTransaction(unit -> unit.conversations().newestFirst(ALICE, Optional.empty(), 10));
    }

    private List<Task> tasks() {
        return storage.inTransaction(unit -> unit.tasks().list(ALICE, TaskFilter.ALL));
    }

    private List<String> roles(ConversationId conversation) {
        return messages(conversation).stream().map(RecordedMessage::message).map(Message::role).toList();
    }

    private String lastMessageText(ConversationId conversation) {
        return ((AssistantMessage) messages(conversation).getLast().message()).text();
    }

    private List<RecordedMessage> messages(ConversationId conversation) {
        return storage.inTransaction(unit -> unit.transcript().latest(ALICE, conversation, 100));
    }
}
