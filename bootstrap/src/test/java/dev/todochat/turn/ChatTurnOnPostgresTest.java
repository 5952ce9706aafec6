package dev.todochat.turn;

import dev.todochat.application.TodoChat;
import dev.todochat.domain.AssistantMessage;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.Message;
import dev.todochat.domain.NotFound;
import dev.todochat.domain.RecordedMessage;
import dev.todochat.domain.Task;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.ToolResultMessage;
import dev.todochat.domain.Usage;
import dev.todochat.domain.UserId;
import dev.todochat.domain.UserMessage;
import dev.todochat.domain.chat.ChatRequest;
import dev.todochat.domain.chat.ToolInvocation;
import dev.todochat.domain.chat.TurnObserver;
import dev.todochat.domain.chat.TurnResult;
import dev.todochat.domain.port.ModelFailure;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.domain.port.Storage;
import dev.todochat.domain.port.StorageBusy;
import dev.todochat.domain.port.UnitOfWork;
import dev.todochat.llm.scripted.ScriptedModel;
import dev.todochat.llm.scripted.ToolCalls;
import dev.todochat.persistence.PostgresDatabase;
import dev.todochat.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chat turn of the design brief, on a real PostgreSQL, with a scripted model. */
class ChatTurnOnPostgresTest {
    private static String url;
    private static PostgresDatabase database;

    private final UserId alice = new UserId("alice-" + UUID.randomUUID());
    private final UserId bob = new UserId("bob-" + UUID.randomUUID());

    @BeforeAll
    static void database() {
        url = TestPostgres.freshDatabaseUrl();
        database = PostgresDatabase.connect(url, 4);
        database.migrate();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static TodoChat chat(PostgresDatabase on, ScriptedModel model) {
        return TodoChat.builder().storage(on.storage()).model(model).build();
    }

    private static List<Message> transcript(PostgresDatabase on, UserId user, ConversationId conversation) {
        return on.storage().inTransaction(unit -> unit.transcript().latest(user, conversation, 1000)).stream()
                .map(RecordedMessage::message).toList();
    }

    private static List<Task> tasks(UserId user) {
        return database.storage().inTransaction(unit -> unit.tasks().list(user, TaskFilter.ALL));
    }

    @Test
    void no_database_connection_is_checked_out_while_the_model_thinks() {
        List<Integer> checkedOut = new ArrayList<>();
        ScriptedModel model = ScriptedModel.create()
                .then(prompt -> {
                    checkedOut.add(database.activeConnections());
                    return ModelReply.toolCalls(ToolCalls.addTask("buy milk"));
                })
                .then(prompt -> {
                    checkedOut.add(database.activeConnections());
                    return ModelReply.text("Added buy milk.");
                });

        chat(database, model).chat(alice, ChatRequest.newConversation("Add a task to buy milk"));

        assertThat(checkedOut).containsExactly(0, 0);
    }

    @Test
    void an_observer_hears_each_tool_round_once_it_is_committed_and_the_text_as_it_is_written() {
        ScriptedModel model = ScriptedModel.create()
                .replyToolCalls(ToolCalls.addTask("buy milk"))
                .replyToolCalls(ToolCalls.addTask("call mom"), ToolCalls.listTasks("all"))
                .replyText("Added both.");
        List<String> heard = new ArrayList<>();
        TurnObserver observer = new TurnObserver() {
            @Override
            public void text(String delta) {
                heard.add("text " + delta);
            }

            @Override
            public void toolsRan(List<ToolInvocation> invocations) {
                heard.add("tools " + invocations.stream().map(ToolInvocation::tool).toList()
                        + " with " + database.activeConnections() + " connections out, tasks visible: "
                        + tasks(alice).size());
            }
        };

        TurnResult turn = chat(database, model).chat(alice, ChatRequest.newConversation("Add two"), observer);

        assertThat(heard).containsExactly(
                "tools [add_task] with 0 connections out, tasks visible: 1",
                "tools [add_task, list_tasks] with 0 connections out, tasks visible: 2",
                "text Added both.");
        assertThat(turn.toolCalls()).extracting(ToolInvocation::tool)
                .containsExactly("add_task", "add_task", "list_tasks");
    }

    /** The real storage, except that the transactions numbered in {@code busy} (from 1) find the pool exhausted. */
    private static Storage busyAt(Set<Integer> busy) {
        AtomicInteger calls = new AtomicInteger();
        return new Storage() {
            @Override
            public <T> T inTransaction(Function<UnitOfWork, T> work) {
                if (busy.contains(calls.incrementAndGet())) {
                    throw new StorageBusy("every connection is in use (test)", Duration.ofSeconds(2), null);
                }
                return database.storage().inTransaction(work);
            }
        };
    }

    @Test
    void a_started_turn_waits_out_a_busy_pool_and_runs_each_tool_once() {
        ScriptedModel model = ScriptedModel.create()
                .replyToolCalls(ToolCalls.addTask("buy milk"))
                .replyText("Added buy milk.");
        TodoChat chat = TodoChat.builder().storage(busyAt(Set.of(2, 3, 5))).model(model).build();

        TurnResult turn = chat.chat(alice, ChatRequest.newConversation("Add a task to buy milk"));

        assertThat(turn.response()).isEqualTo("Added buy milk.");
        assertThat(tasks(alice)).extracting(task -> task.title()).containsExactly("buy milk");
        assertThat(transcript(database, alice, turn.conversationId()))
                .extracting(Message::role).containsExactly("user", "assistant", "tool", "assistant");
    }

    @Test
    void a_new_turn_that_finds_the_pool_busy_is_refused_before_the_model_is_called() {
        ScriptedModel model = ScriptedModel.create().replyText("never said");
        TodoChat chat = TodoChat.builder().storage(busyAt(Set.of(1))).model(model).build();

        assertThatThrownBy(() -> chat.chat(alice, ChatRequest.newConversation("Hello")))
                .isInstanceOf(StorageBusy.class);
        assertThat(model.prompts()).isEmpty();
    }

    @Test
    void a_started_turn_gives_up_after_its_patience_and_keeps_what_it_recorded() {
        ScriptedModel model = ScriptedModel.create()
                .replyToolCalls(ToolCalls.addTask("buy milk"))
                .replyText("Added buy milk.");
        // the tool round's transaction (2) gets through; the answer's (3..8) and the clean-up's (9..14) never do
        Set<Integer> busy = IntStream.rangeClosed(3, 14).boxed().collect(Collectors.toSet());
        TodoChat chat = TodoChat.builder().storage(busyAt(busy)).model(model).build();

        assertThatThrownBy(() -> chat.chat(alice, ChatRequest.newConversation("Add a task to buy milk")))
                .isInstanceOf(StorageBusy.class);
        assertThat(tasks(alice)).extracting(task -> task.title()).containsExactly("buy milk");
    }

    @Test
    void a_turn_records_the_user_message_the_tool_round_and_the_answer_in_order() {
        ScriptedModel model = ScriptedModel.create()
                .replyToolCalls(ToolCalls.addTask("buy milk"))
                .replyText("Added buy milk.");

        TurnResult turn = chat(database, model).chat(alice, ChatRequest.newConversation("Add a task to buy milk"));

        assertThat(turn.response()).isEqualTo("Added buy milk.");
        assertThat(turn.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.tool()).isEqualTo("add_task");
            assertThat(call.input()).containsEntry("title", "buy milk");
            assertThat(call.result().value()).containsEntry("status", "created");
        });
        assertThat(transcript(database, alice, turn.conversationId()))
                .extracting(Message::role).containsExactly("user", "assistant", "tool", "assistant");
        assertThat(tasks(alice))
                .extracting(task -> task.title()).containsExactly("buy milk");
    }

    @Test
    void two_tool_calls_in_one_reply_run_in_order_and_each_is_recorded_with_its_result() {
        ScriptedModel model = ScriptedModel.create()
                .replyToolCalls(ToolCalls.addTask("call mom"), ToolCalls.listTasks("all"))
                .replyText("Added call mom; here is your list.");

        TurnResult turn = chat(database, model).chat(alice, ChatRequest.newConversation("Create a task to call mom and show all"));

        assertThat(turn.toolCalls()).extracting(call -> call.tool()).containsExactly("add_task", "list_tasks");
        assertThat(turn.toolCalls().get(1).result().value()).containsEntry("count", 1);
        List<Message> stored = transcript(database, alice, turn.conversationId());
        assertThat(stored).filteredOn(ToolResultMessage.class::isInstance).hasSize(2);
    }

    @Test
    void when_the_model_fails_the_user_message_and_completed_tool_rounds_stay_recorded() {
        ScriptedModel failing = ScriptedModel.create()
                .replyToolCalls(ToolCalls.addTask("buy milk"))
                .thenFail(ModelFailure.Kind.UNAVAILABLE);
        ConversationId conversation = chat(database, ScriptedModel.create().replyText("Hello!"))
                .chat(alice, ChatRequest.newConversation("hi")).conversationId();

        assertThatThrownBy(() -> chat(database, failing).chat(alice, ChatRequest.in(conversation, "Add buy milk")))
                .isInstanceOf(ModelFailure.class);

        assertThat(transcript(database, alice, conversation)).extracting(Message::role)
                .containsExactly("user", "assistant", "user", "assistant", "tool");
        assertThat(tasks(alice)).hasSize(1);

        ScriptedModel next = ScriptedModel.create().replyText("The task is on your list.");
        TurnResult retry = chat(database, next).chat(alice, ChatRequest.in(conversation, "Did that work?"));
        assertThat(retry.response()).isEqualTo("The task is on your list.");
        assertThat(next.lastPrompt().history()).extracting(Message::role)
                .containsExactly("user", "assistant", "user", "assistant", "tool", "user");
    }

    @Test
    void a_runaway_loop_ends_after_the_round_bound_with_an_honest_answer() {
        ScriptedModel model = ScriptedModel.create();
        for (int i = 1; i <= 8; i++) {
            model.replyToolCalls(ToolCalls.addTask("step " + i));
        }

        TurnResult turn = chat(database, model).chat(alice, ChatRequest.newConversation("do everything"));

        assertThat(model.remaining()).isZero();
        assertThat(turn.toolCalls()).hasSize(8);
        assertThat(turn.response()).startsWith("I could not finish this in the steps one message allows");
        assertThat(transcript(database, alice, turn.conversationId())).last()
                .isEqualTo(AssistantMessage.answer(turn.response(), Usage.NONE));
    }

    @Test
    void the_same_call_repeated_too_often_ends_the_turn_without_running_it_again() {
        ScriptedModel model = ScriptedModel.create()
                .replyToolCalls(ToolCalls.listTasks("all"))
                .replyToolCalls(ToolCalls.listTasks("all"))
                .replyToolCalls(ToolCalls.listTasks("all"));

        TurnResult turn = chat(database, model).chat(alice, ChatRequest.newConversation("what is on my list?"));

        assertThat(turn.toolCalls()).hasSize(2);
        assertThat(turn.response()).startsWith("I stopped because I was repeating the same step");
        assertThat(model.remaining()).isZero();
    }

    @Test
    void token_usage_is_summed_over_the_turn() {
        ScriptedModel model = ScriptedModel.create()
                .thenReply(new ModelReply("", List.of(ToolCalls.listTasks("all")), new Usage(100, 10)))
                .thenReply(new ModelReply("Nothing yet.", List.of(), new Usage(120, 8)));

        TurnResult turn = chat(database, model).chat(alice, ChatRequest.newConversation("what is on my list?"));

        assertThat(turn.usage()).isEqualTo(new Usage(220, 18));
    }

    @Test
    void another_users_conversation_is_not_found_and_nothing_is_written() {
        ConversationId conversation = chat(database, ScriptedModel.create().replyText("Hi alice"))
                .chat(alice, ChatRequest.newConversation("hello")).conversationId();
        ScriptedModel neverCalled = ScriptedModel.create();

        assertThatThrownBy(() -> chat(database, neverCalled).chat(bob, ChatRequest.in(conversation, "show me")))
                .isInstanceOf(NotFound.class);

        assertThat(neverCalled.prompts()).isEmpty();
        assertThat(transcript(database, alice, conversation)).hasSize(2);
        assertThat(transcript(database, bob, conversation)).isEmpty();
    }

    @Test
    void a_restart_between_two_messages_changes_nothing_the_user_sees() {
        ConversationId conversation = chat(database, ScriptedModel.create()
                .replyToolCalls(ToolCalls.addTask("buy milk")).replyText("Added buy milk."))
                .chat(alice, ChatRequest.newConversation("Add a task to buy milk")).conversationId();

        ScriptedModel afterRestart = ScriptedModel.create().replyText("You have buy milk.");
        try (PostgresDatabase restarted = PostgresDatabase.connect(url, 2)) {
            TurnResult turn = chat(restarted, afterRestart).chat(alice, ChatRequest.in(conversation, "What's on my list?"));
            assertThat(turn.conversationId()).isEqualTo(conversation);
        }

        assertThat(afterRestart.lastPrompt().history()).containsSubsequence(
                new UserMessage("Add a task to buy milk"), AssistantMessage.answer("Added buy milk.", Usage.NONE),
                new UserMessage("What's on my list?"));
    }
}
