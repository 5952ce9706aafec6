package dev.bench.springai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The five todo tools. The user id comes from the ToolContext, never from the model. */
@Component
public class TodoTools {

    static final String USER_ID = "user_id";
    static final String TOOL_CALLS = "tool_calls";

    /** One executed tool call, echoed back in the HTTP response. */
    public record ToolCall(String tool, Map<String, Object> arguments) {
    }

    private final JdbcClient jdbc;

    TodoTools(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Tool(name = "add_task", description = "Add a new task to the user's todo list.")
    public Map<String, Object> addTask(
            @ToolParam(description = "Short title of the task") String title,
            @ToolParam(description = "Optional longer description", required = false) String description,
            ToolContext context) {
        record(context, "add_task", "title", title, "description", description);
        long id = jdbc.sql("INSERT INTO tasks (user_id, title, description) VALUES (?, ?, ?) RETURNING id")
                .params(userId(context), title, description)
                .query(Long.class)
                .single();
        return Map.of("task_id", id, "status", "created", "title", title);
    }

    @Tool(name = "list_tasks", description = "List the user's tasks, optionally filtered by status.")
    public Map<String, Object> listTasks(
            @ToolParam(description = "Which tasks to list: all, pending or completed", required = false) String status,
            ToolContext context) {
        String filter = status == null ? "all" : status.toLowerCase();
        record(context, "list_tasks", "status", filter);
        String condition = switch (filter) {
            case "pending" -> " AND NOT completed";
            case "completed" -> " AND completed";
            default -> "";
        };
        List<Map<String, Object>> tasks = jdbc
                .sql("SELECT id AS task_id, title, description, completed FROM tasks WHERE user_id = ?"
                        + condition + " ORDER BY id")
                .param(userId(context))
                .query()
                .listOfRows();
        return Map.of("tasks", tasks, "count", tasks.size());
    }

    @Tool(name = "complete_task", description = "Mark one of the user's tasks as completed.")
    public Map<String, Object> completeTask(
            @ToolParam(description = "Id of the task") long taskId, ToolContext context) {
        record(context, "complete_task", "task_id", taskId);
        return result(taskId, "completed", jdbc
                .sql("UPDATE tasks SET completed = true, updated_at = now() WHERE id = ? AND user_id = ? RETURNING title")
                .params(taskId, userId(context)));
    }

    @Tool(name = "delete_task", description = "Delete one of the user's tasks.")
    public Map<String, Object> deleteTask(
            @ToolParam(description = "Id of the task") long taskId, ToolContext context) {
        record(context, "delete_task", "task_id", taskId);
        return result(taskId, "deleted", jdbc
                .sql("DELETE FROM tasks WHERE id = ? AND user_id = ? RETURNING title")
                .params(taskId, userId(context)));
    }

    @Tool(name = "update_task", description = "Change the title and/or description of one of the user's tasks.")
    public Map<String, Object> updateTask(
            @ToolParam(description = "Id of the task") long taskId,
            @ToolParam(description = "New title", required = false) String title,
            @ToolParam(description = "New description", required = false) String description,
            ToolContext context) {
        record(context, "update_task", "task_id", taskId, "title", title, "description", description);
        return result(taskId, "updated", jdbc
                .sql("""
                        UPDATE tasks SET title = COALESCE(CAST(? AS text), title),
                          description = COALESCE(CAST(? AS text), description), updated_at = now()
                        WHERE id = ? AND user_id = ? RETURNING title""")
                .params(title, description, taskId, userId(context)));
    }

    private static Map<String, Object> result(long taskId, String status, JdbcClient.StatementSpec statement) {
        return statement.query(String.class).optional()
                .<Map<String, Object>>map(title -> Map.of("task_id", taskId, "status", status, "title", title))
                .orElseGet(() -> Map.of("task_id", taskId, "status", "not_found"));
    }

    private static String userId(ToolContext context) {
        return (String) context.getContext().get(USER_ID);
    }

    /** Notes the call (arguments without the absent optional ones) in the per-request list. */
    @SuppressWarnings("unchecked")
    private static void record(ToolContext context, String tool, Object... keyValues) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                arguments.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        if (context.getContext().get(TOOL_CALLS) instanceof List<?> calls) {
            ((List<ToolCall>) calls).add(new ToolCall(tool, arguments));
        }
    }
}
