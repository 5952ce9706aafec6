package dev.todochat.domain.tool;

import dev.todochat.domain.Task;
import dev.todochat.domain.ToolResult;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.Tasks;

import java.time.Instant;
import java.util.List;

record AddTask() implements TaskTool {
    static final ToolSpec SPEC = new ToolSpec("add_task", "Add task",
            "Add a new task to the user's todo list.",
            List.of(ToolParameter.text("title", "A short title for the task", true, 1, Task.TITLE_MAX),
                    ToolParameter.text("description", "Optional details", false, 0, Task.DESCRIPTION_MAX)),
            false, false, false, Schemas.taskChange("created"));

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolResult run(UserId owner, ToolArguments arguments, Tasks tasks, Instant now) {
        String title = Task.checkTitle(arguments.requiredString("title", SPEC));
        String description = Task.checkDescription(arguments.string("description"));
        return TaskView.changed(tasks.add(owner, title, description, now), "created");
    }
}
