package dev.todochat.domain.tool;

import dev.todochat.domain.TaskId;
import dev.todochat.domain.ToolResult;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.Tasks;

import java.time.Instant;
import java.util.List;

record DeleteTask() implements TaskTool {
    static final ToolSpec SPEC = new ToolSpec("delete_task", "Delete task",
            "Delete one of the user's tasks for good.",
            List.of(ToolParameter.id("task_id", "The id of the task, as list_tasks shows it")),
            false, true, false, Schemas.taskChange("deleted"));

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolResult run(UserId owner, ToolArguments arguments, Tasks tasks, Instant now) {
        TaskId id = arguments.taskId("task_id");
        return tasks.delete(owner, id)
                .map(task -> TaskView.changed(task, "deleted"))
                .orElseThrow(() -> TaskView.missing(id));
    }
}
