package dev.todochat.domain.tool;

import dev.todochat.domain.NotFound;
import dev.todochat.domain.Task;
import dev.todochat.domain.TaskId;
import dev.todochat.domain.ToolResult;

import java.util.LinkedHashMap;
import java.util.Map;

/** How the tools show a task to the model. */
final class TaskView {
    private TaskView() {
    }

    static Map<String, Object> of(Task task) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("task_id", task.id().value());
        view.put("title", task.title());
        view.put("description", task.description());
        view.put("completed", task.completed());
        view.put("created_at", task.createdAt().toString());
        return view;
    }

    static ToolResult changed(Task task, String status) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("task_id", task.id().value());
        view.put("status", status);
        view.put("title", task.title());
        view.put("description", task.description());
        view.put("completed", task.completed());
        return ToolResult.ok(view);
    }

    static NotFound missing(TaskId id) {
        return new NotFound("There is no task with id " + id + ". Call list_tasks to see the user's tasks and their ids.");
    }
}
