package dev.todochat.docs;

import dev.todochat.application.TodoChat;
import dev.todochat.domain.Task;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.UserId;
import dev.todochat.domain.chat.ChatRequest;
import dev.todochat.domain.chat.TurnResult;
import dev.todochat.llm.offline.OfflineAssistant;
import dev.todochat.persistence.PostgresDatabase;
import dev.todochat.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's embedding example, run against a real PostgreSQL with the offline assistant. */
class EmbeddingExample {
    // tag::embedding[]
    static TurnResult addMilk(String databaseUrl) {
        try (PostgresDatabase database = PostgresDatabase.connect(databaseUrl, 10)) {
            database.migrate();
            TodoChat chat = TodoChat.builder().storage(database.storage()).model(new OfflineAssistant()).build();
            return chat.chat(new UserId("alice"), ChatRequest.newConversation("Add a task to buy milk"));
        }
    }
    // end::embedding[]

    @Test
    void the_embedding_example_adds_the_task_and_it_is_still_there_after_the_database_is_closed() {
        String databaseUrl = TestPostgres.freshDatabaseUrl();

        TurnResult turn = addMilk(databaseUrl);

        assertThat(turn.toolCalls()).extracting(call -> call.tool()).containsExactly("add_task");
        try (PostgresDatabase database = PostgresDatabase.connect(databaseUrl, 1)) {
            List<Task> tasks = TodoChat.builder().storage(database.storage()).model(new OfflineAssistant()).build()
                    .tasks(new UserId("alice")).list(TaskFilter.ALL);
            assertThat(tasks).extracting(Task::title).containsExactly("buy milk");
        }
    }
}
