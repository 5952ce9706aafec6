package dev.todochat.domain.tool;

import dev.todochat.domain.Task;
import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.ToolResult;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.Tasks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

record ListTasks() implements TaskTool {
    static final ToolSpec SPEC = new ToolSpec("list_tasks", "List tasks",
            "List the user's tasks, oldest first. Use it to find a task's id before completing, updating or "
                    + "deleting it.",
            List.of(ToolParameter.choice("status", "Which tasks to show",
                    List.of("all", "pending", "completed"), "all")),
            true, false, true, output());

    private static Map<String, Object> output() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("status", Map.of("type", "string", "enum", List.of("all", "pending", "completed")));
        properties.put("count", Schemas.type("integer", "How many tasks are listed"));
        properties.put("tasks", Map.of("type", "array", "items", Schemas.task()));
        return Schemas.object(properties, List.of("status", "count", "tasks"));
    }

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolResult run(UserId owner, ToolArguments arguments, Tasks tasks, Instant now) {
        TaskFilter filter = TaskFilter.parse(arguments.string("status"));
        List<Map<String, Object>> listed = tasks.list(owner, filter).stream().map(TaskView::of).toList();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", filter.wireName());
        result.put("count", listed.size());
        result.put("tasks", listed);
        return ToolResult.ok(result);
    }

}
