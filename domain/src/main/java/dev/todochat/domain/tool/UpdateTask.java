package dev.todochat.domain.tool;

import dev.todochat.domain.Task;
import dev.todochat.domain.TaskChanges;
import dev.todochat.domain.TaskId;
import dev.todochat.domain.ToolResult;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.Tasks;

import java.time.Instant;
import java.util.List;

record UpdateTask() implements TaskTool {
    static final ToolSpec SPEC = new ToolSpec("update_task", "Update task",
            "Change the title or the description of one of the user's tasks. Give at least one of them; an empty "
                    + "description removes it.",
            List.of(ToolParameter.id("task_id", "The id of the task, as list_tasks shows it"),
                    ToolParameter.text("title", "The new title", false, 1, Task.TITLE_MAX),
                    ToolParameter.text("description", "The new description", false, 0, Task.DESCRIPTION_MAX)),
            false, false, true, Schemas.taskChange("updated"));

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolResult run(UserId owner, ToolArguments arguments, Tasks tasks, Instant now) {
        TaskId id = arguments.taskId("task_id");
        TaskChanges changes = new TaskChanges(arguments.string("title"), arguments.string("description"));
        return tasks.update(owner, id, changes, now)
                .map(task -> TaskView.changed(task, "updated"))
                .orElseThrow(() -> TaskView.missing(id));
    }
}
