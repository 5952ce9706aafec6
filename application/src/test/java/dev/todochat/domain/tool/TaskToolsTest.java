package dev.todochat.domain.tool;

import dev.todochat.domain.Task;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.ToolResult;
import dev.todochat.domain.UserId;
import dev.todochat.testing.storage.InMemoryStorage;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TaskToolsTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final TaskTools tools = new TaskTools();
    private final InMemoryStorage storage = new InMemoryStorage();
    private final UserId alice = new UserId("alice");
    private final UserId bob = new UserId("bob");

    private ToolResult run(UserId user, String tool, Map<String, Object> arguments) {
        return storage.inTransaction(unit -> tools.execute(user, tool, arguments, unit.tasks(), NOW));
    }

    @Test
    void add_task_strips_the_title_and_reports_the_new_id() {
        ToolResult result = run(alice, "add_task", Map.of("title", "  buy milk  "));

        assertThat(result.isError()).isFalse();
        assertThat(result.value()).containsEntry("task_id", 1L).containsEntry("status", "created")
                .containsEntry("title", "buy milk");
    }

    @Test
    void a_missing_or_too_long_title_is_an_error_result_the_model_can_act_on() {
        assertThat(run(alice, "add_task", Map.of()).errorMessage())
                .isEqualTo("title is missing: add_task takes {\"title\": \"...\", \"description\": optional}");
        assertThat(run(alice, "add_task", Map.of("title", "")).errorMessage()).isEqualTo("title must not be empty");
        assertThat(run(alice, "add_task", Map.of("title", "x".repeat(201))).errorMessage())
                .contains("at most 200 characters");
        assertThat(run(alice, "add_task", Map.of("title", 42)).errorMessage()).isEqualTo("title must be a string");
        assertThat(tasksOf(alice)).isEmpty();
    }

    @Test
    void list_tasks_filters_by_status_and_rejects_unknown_statuses() {
        run(alice, "add_task", Map.of("title", "one"));
        run(alice, "add_task", Map.of("title", "two"));
        run(alice, "complete_task", Map.of("task_id", 1));

        assertThat(run(alice, "list_tasks", Map.of("status", "pending")).value()).containsEntry("count", 1);
        assertThat(run(alice, "list_tasks", Map.of()).value()).containsEntry("count", 2).containsEntry("status", "all");
        assertThat(run(alice, "list_tasks", Map.of("status", "done")).errorMessage())
                .isEqualTo("status must be one of all, pending, completed");
    }

    @Test
    void task_ids_accept_whole_numbers_in_any_json_form_and_nothing_else() {
        run(alice, "add_task", Map.of("title", "one"));

        assertThat(run(alice, "complete_task", Map.of("task_id", "1")).isError()).isFalse();
        assertThat(run(alice, "complete_task", Map.of("task_id", 1.0)).isError()).isFalse();
        assertThat(run(alice, "complete_task", Map.of("task_id", 1.5)).errorMessage()).contains("whole number");
        assertThat(run(alice, "complete_task", Map.of("task_id", -3)).errorMessage()).contains("positive");
        assertThat(run(alice, "complete_task", Map.of("task_id", new BigInteger("99999999999999999999999"))).errorMessage())
                .contains("not the id of any task");
        assertThat(run(alice, "complete_task", Map.of("task_id", List.of(1))).errorMessage()).contains("whole number");
        assertThat(run(alice, "complete_task", Map.of()).errorMessage()).contains("call list_tasks");
    }

    @Test
    void another_users_task_is_not_found_exactly_like_a_missing_one() {
        run(alice, "add_task", Map.of("title", "alice's secret"));

        ToolResult foreign = run(bob, "delete_task", Map.of("task_id", 1));
        ToolResult missing = run(bob, "delete_task", Map.of("task_id", 2));

        assertThat(foreign.errorMessage()).isEqualTo(missing.errorMessage().replace("id 2", "id 1"));
        assertThat(tasksOf(alice)).hasSize(1);
    }

    @Test
    void update_task_needs_a_change_and_can_clear_the_description() {
        run(alice, "add_task", Map.of("title", "report", "description", "Q2"));

        assertThat(run(alice, "update_task", Map.of("task_id", 1)).errorMessage())
                .isEqualTo("give a new title or a new description");
        Map<String, Object> clear = new HashMap<>(Map.of("task_id", 1, "description", ""));
        assertThat(run(alice, "update_task", clear).value()).containsEntry("description", null);
        assertThat(run(alice, "update_task", Map.of("task_id", 1, "title", "Q3 report")).value())
                .containsEntry("title", "Q3 report").containsEntry("status", "updated");
    }

    @Test
    void an_unknown_tool_is_an_error_naming_the_real_ones() {
        assertThat(run(alice, "drop_table", Map.of()).errorMessage())
                .isEqualTo("There is no tool named drop_table. The tools are: add_task, list_tasks, complete_task, "
                        + "delete_task, update_task.");
    }

    @Test
    void control_characters_in_a_title_are_refused() {
        assertThat(run(alice, "add_task", Map.of("title", "bad\u0000title")).errorMessage())
                .isEqualTo("title must not contain control characters");
    }

    private List<Task> tasksOf(UserId user) {
        return storage.inTransaction(unit -> unit.tasks().list(user, TaskFilter.ALL));
    }
}
