package dev.todochat.llm.scripted;

import dev.todochat.domain.ToolCall;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Tool calls for scripts, each with a fresh id ({@code call_} and a random UUID), so that a script never repeats an
 * id within a conversation. A test that needs an exact id builds the {@link ToolCall} itself.
 */
public final class ToolCalls {
    private ToolCalls() {
    }

    public static ToolCall call(String tool, Map<String, Object> arguments) {
        return new ToolCall("call_" + UUID.randomUUID().toString().replace("-", ""), tool, arguments);
    }

    public static ToolCall addTask(String title) {
        return call("add_task", Map.of("title", title));
    }

    public static ToolCall addTask(String title, String description) {
        return call("add_task", Map.of("title", title, "description", description));
    }

    /** @param status all, pending or completed */
    public static ToolCall listTasks(String status) {
        return call("list_tasks", Map.of("status", status));
    }

    public static ToolCall completeTask(long taskId) {
        return call("complete_task", Map.of("task_id", taskId));
    }

    public static ToolCall deleteTask(long taskId) {
        return call("delete_task", Map.of("task_id", taskId));
    }

    /** An update; a null {@code title} or {@code description} is left out, so it stays as it is. */
    public static ToolCall updateTask(long taskId, String title, String description) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("task_id", taskId);
        if (title != null) {
            arguments.put("title", title);
        }
        if (description != null) {
            arguments.put("description", description);
        }
        return call("update_task", arguments);
    }
}
