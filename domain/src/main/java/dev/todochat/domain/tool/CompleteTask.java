package dev.todochat.domain.tool;

import dev.todochat.domain.TaskId;
import dev.todochat.domain.ToolResult;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.Tasks;

import java.time.Instant;
import java.util.List;

record CompleteTask() implements TaskTool {
    static final ToolSpec SPEC = new ToolSpec("complete_task", "Complete task",
            "Mark one of the user's tasks as done. Completing a task that is already done changes nothing.",
            List.of(ToolParameter.id("task_id", "The id of the task, as list_tasks shows it")),
            false, false, true, Schemas.taskChange("completed"));

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolResult run(UserId owner, ToolArguments arguments, Tasks tasks, Instant now) {
        TaskId id = arguments.taskId("task_id");
        return tasks.complete(owner, id, now)
                .map(task -> TaskView.changed(task, "completed"))
                .orElseThrow(() -> TaskView.missing(id));
    }
}
