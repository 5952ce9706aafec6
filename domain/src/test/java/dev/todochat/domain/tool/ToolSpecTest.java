package dev.todochat.domain.tool;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ToolSpecTest {
    private final TaskTools tools = new TaskTools();

    @Test
    void the_five_tools_are_described_in_a_stable_order() {
        assertThat(tools.specs()).extracting(ToolSpec::name)
                .containsExactly("add_task", "list_tasks", "complete_task", "delete_task", "update_task");
    }

    @Test
    void add_task_schema_states_types_limits_and_required_fields() {
        Map<String, Object> schema = tools.spec("add_task").orElseThrow().inputSchema();

        assertThat(schema).containsEntry("type", "object").containsEntry("required", List.of("title"))
                .containsEntry("additionalProperties", false);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
        assertThat(properties.get("title")).containsEntry("type", "string").containsEntry("minLength", 1)
                .containsEntry("maxLength", 200);
        assertThat(properties.get("description")).containsEntry("maxLength", 2000);
    }

    @Test
    void list_tasks_status_is_an_enum_with_a_default() {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>)
                tools.spec("list_tasks").orElseThrow().inputSchema().get("properties");

        assertThat(properties.get("status")).containsEntry("enum", List.of("all", "pending", "completed"))
                .containsEntry("default", "all");
    }

    @Test
    void task_ids_are_required_positive_integers() {
        for (String name : List.of("complete_task", "delete_task", "update_task")) {
            Map<String, Object> schema = tools.spec(name).orElseThrow().inputSchema();
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
            assertThat(properties.get("task_id")).containsEntry("type", "integer").containsEntry("minimum", 1L);
            assertThat(schema.get("required")).isEqualTo(List.of("task_id"));
        }
    }

    @Test
    void hints_mark_list_read_only_delete_destructive_and_complete_idempotent() {
        assertThat(tools.spec("list_tasks").orElseThrow().readOnly()).isTrue();
        assertThat(tools.spec("delete_task").orElseThrow().destructive()).isTrue();
        assertThat(tools.spec("complete_task").orElseThrow().idempotent()).isTrue();
        assertThat(tools.spec("add_task").orElseThrow())
                .satisfies(add -> assertThat(add.readOnly() || add.destructive() || add.idempotent()).isFalse());
    }

    @Test
    void every_tool_has_an_object_output_schema() {
        assertThat(tools.specs()).allSatisfy(spec -> assertThat(spec.output()).containsEntry("type", "object"));
    }
}
