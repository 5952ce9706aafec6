package dev.todochat.domain.tool;

import dev.todochat.domain.ToolResult;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.Tasks;

import java.time.Instant;

/** One task tool: its spec, and what it does for the authenticated user. */
sealed interface TaskTool permits AddTask, ListTasks, CompleteTask, DeleteTask, UpdateTask {
    ToolSpec spec();

    /**
     * Runs the tool. Bad arguments throw {@link dev.todochat.domain.InvalidInput}; {@link TaskTools} turns that into
     * an error result.
     */
    ToolResult run(UserId owner, ToolArguments arguments, Tasks tasks, Instant now);
}
