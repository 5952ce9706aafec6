package dev.todochat.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todochat.domain.ToolCall;
import dev.todochat.llm.scripted.ScriptedModel;
import dev.todochat.persistence.PostgresDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one turn costs the database, counted statement by statement as the server runs them (every statement the
 * storage runs is counted after it ran; BEGIN and COMMIT are not statements of ours). Round trips are most of a short
 * transaction's cost, so the count is part of the design: the rate limits are taken in the turn's first transaction,
 * the lease travels with the rows it guards, and a round's rows go in one statement.
 */
class StatementsPerTurnTest {

    @Test
    void a_steady_one_tool_turn_with_both_default_rate_limits_sends_at_most_10_statements_in_3_transactions()
            throws SQLException {
        ScriptedModel model = ScriptedModel.create()
                .replyToolCalls(addTask("call_1", "buy milk")).replyText("Added buy milk.")
                .replyToolCalls(addTask("call_2", "call mom")).replyText("Added call mom.");
        try (RunningServer server = RunningServer.with(model, Protection.from(Map.of()))) {
            String conversation = server.chat("alice", "Add a task to buy milk").json().get("conversation_id").asText();
            PostgresDatabase database = server.database();
            long statementsBefore = database.statementsRun();
            long transactionsBefore = database.transactionsRun();

            RunningServer.Reply steady = server.chat("alice", "Add a task to call mom", conversation);

            long statements = database.statementsRun() - statementsBefore;
            long transactions = database.transactionsRun() - transactionsBefore;
            assertThat(steady.status()).as(steady.body()).isEqualTo(200);
            JsonNode call = steady.json().get("tool_calls").get(0);
            assertThat(call.get("tool").asText()).isEqualTo("add_task");
            assertThat(server.tasksOf("alice")).extracting(task -> task.title()).containsExactly("buy milk", "call mom");
            assertThat(statements).as("statements of the steady turn").isLessThanOrEqualTo(10);
            assertThat(transactions).as("transactions of the steady turn").isLessThanOrEqualTo(3);
            assertThat(budgetsTaken(server)).as("both rate limits were on and taken from").hasSize(2)
                    .contains("user:alice:" + Protection.DEFAULT_TURNS_PER_USER)
                    .anyMatch(key -> key.startsWith("address:") && key.endsWith(":" + Protection.DEFAULT_TURNS_PER_ADDRESS));
        }
    }

    private static ToolCall addTask(String id, String title) {
        return new ToolCall(id, "add_task", Map.of("title", title));
    }

    private static List<String> budgetsTaken(RunningServer server) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection connection = server.database().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT key FROM rate_limits")) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        return keys;
    }
}
