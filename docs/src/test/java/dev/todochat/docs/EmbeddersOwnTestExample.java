package dev.todochat.docs;

import dev.todochat.application.TodoChat;
import dev.todochat.domain.Task;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.UserId;
import dev.todochat.domain.chat.ChatRequest;
import dev.todochat.domain.chat.TurnResult;
import dev.todochat.llm.scripted.ScriptedModel;
import dev.todochat.llm.scripted.ToolCalls;
import dev.todochat.testing.storage.InMemoryStorage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an embedder's own test of a turn looks like: the scripted model, the in-memory storage, no database. */
class EmbeddersOwnTestExample {
    // tag::own-test[]
    @Test
    void a_chat_turn_adds_the_task_the_model_asked_for() {
        ScriptedModel model = ScriptedModel.create()
                .replyToolCalls(ToolCalls.addTask("buy milk"))
                .replyText("Added buy milk.");
        TodoChat chat = TodoChat.builder().storage(new InMemoryStorage()).model(model).build();
        UserId alice = new UserId("alice");

        TurnResult turn = chat.chat(alice, ChatRequest.newConversation("Add a task to buy milk"));

        assertThat(turn.response()).isEqualTo("Added buy milk.");
        assertThat(chat.tasks(alice).list(TaskFilter.ALL)).extracting(Task::title).containsExactly("buy milk");
    }
    // end::own-test[]
}
