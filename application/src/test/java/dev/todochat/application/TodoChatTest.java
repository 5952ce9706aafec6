package dev.todochat.application;

import dev.todochat.domain.Task;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.ToolResult;
import dev.todochat.domain.UserId;
import dev.todochat.domain.chat.ChatRequest;
import dev.todochat.domain.chat.ToolInvocation;
import dev.todochat.domain.chat.TurnObserver;
import dev.todochat.domain.chat.TurnResult;
import dev.todochat.domain.port.Storage;
import dev.todochat.domain.port.UnitOfWork;
import dev.todochat.llm.scripted.ScriptedModel;
import dev.todochat.llm.scripted.ToolCalls;
import dev.todochat.testing.storage.InMemoryStorage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one class an embedder meets: a turn, a tool outside a turn, and the user's own scope for both. */
class TodoChatTest {
    private static final UserId ALICE = new UserId("alice");
    private static final UserId BOB = new UserId("bob");

    private final ScriptedModel model = ScriptedModel.create();
    private final TodoChat chat = TodoChat.builder().storage(new InMemoryStorage()).model(model).build();

    @Test
    void a_turn_acts_for_the_user_who_asked_and_reports_its_tool_rounds_as_they_commit() {
        model.replyToolCalls(ToolCalls.addTask("buy milk")).replyText("Added buy milk.");
        List<ToolInvocation> reported = new ArrayList<>();
        StringBuilder text = new StringBuilder();

        TurnResult turn = chat.chat(ALICE, ChatRequest.newConversation("Add a task to buy milk"), new TurnObserver() {
            @Override
            public void text(String delta) {
                text.append(delta);
            }

            @Override
            public void toolsRan(List<ToolInvocation> invocations) {
                reported.addAll(invocations);
            }
        });

        assertThat(turn.response()).isEqualTo("Added buy milk.");
        assertThat(text).hasToString("Added buy milk.");
        assertThat(reported).isEqualTo(turn.toolCalls());
        assertThat(chat.tasks(ALICE).list(TaskFilter.ALL)).extracting(Task::title).containsExactly("buy milk");
        assertThat(chat.tasks(BOB).list(TaskFilter.ALL)).isEmpty();
    }

    @Test
    void the_work_of_a_turn_that_has_called_the_model_keeps_its_priority_for_a_connection() {
        List<String> asked = new ArrayList<>();
        InMemoryStorage memory = new InMemoryStorage();
        Storage noting = new Storage() {
            @Override
            public <T> T inTransaction(Function<UnitOfWork, T> work) {
                asked.add("new");
                return memory.inTransaction(work);
            }

            @Override
            public <T> T inPriorityTransaction(Function<UnitOfWork, T> work) {
                asked.add("priority");
                return memory.inTransaction(work);
            }
        };
        TodoChat metered = TodoChat.builder().storage(noting).model(model).build();
        model.replyToolCalls(ToolCalls.addTask("buy milk")).replyText("Added buy milk.");

        metered.chat(ALICE, ChatRequest.newConversation("Add a task to buy milk"));

        assertThat(asked).as("the first transaction, then the tool round and the answer after model calls")
                .containsExactly("new", "priority", "priority");
    }

    @Test
    void a_tool_called_outside_a_turn_acts_for_its_user_only() {
        ToolResult added = chat.callTool(ALICE, "add_task", Map.of("title", "water the plants"));
        Object id = added.value().get("task_id");

        ToolResult stranger = chat.callTool(BOB, "complete_task", Map.of("task_id", id));

        assertThat(added.isError()).isFalse();
        assertThat(stranger.isError()).isTrue();
        assertThat(chat.tasks(ALICE).list(TaskFilter.PENDING)).extracting(Task::title)
                .containsExactly("water the plants");
    }

    @Test
    void bad_tool_arguments_are_an_error_result_not_an_exception() {
        ToolResult result = chat.callTool(ALICE, "add_task", Map.of("title", ""));

        assertThat(result.errorMessage()).isEqualTo("title must not be empty");
        assertThat(chat.tasks(ALICE).list(TaskFilter.ALL)).isEmpty();
    }

    @Test
    void a_todochat_needs_a_storage_and_a_model() {
        assertThatThrownBy(() -> TodoChat.builder().model(model).build()).hasMessageContaining("storage");
        assertThatThrownBy(() -> TodoChat.builder().storage(new InMemoryStorage()).build())
                .hasMessageContaining("model");
    }
}
