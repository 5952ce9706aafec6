package dev.todochat.domain.tool;

import dev.todochat.domain.InvalidInput;
import dev.todochat.domain.NotFound;
import dev.todochat.domain.ToolResult;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.Tasks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The five task tools: their specs, and running one by name for the authenticated user. Bad arguments and unknown
 * task ids give an error {@link ToolResult} with a message the caller can act on, never an exception.
 */
public final class TaskTools {
    private static final List<TaskTool> TOOLS = List.of(
            new AddTask(), new ListTasks(), new CompleteTask(), new DeleteTask(), new UpdateTask());

    // the same list for every turn, so that a model adapter can render it once
    private final List<ToolSpec> specs = TOOLS.stream().map(TaskTool::spec).toList();

    /** The specs in a stable order: add, list, complete, delete, update. */
    public List<ToolSpec> specs() {
        return specs;
    }

    public Optional<ToolSpec> spec(String name) {
        return find(name).map(TaskTool::spec);
    }

    /**
     * Runs the named tool for {@code owner}. Must be called inside the transaction that also records the call, so
     * that the effect and its record commit together.
     */
    public ToolResult execute(UserId owner, String name, Map<String, Object> arguments, Tasks tasks, Instant now) {
        Optional<TaskTool> tool = find(name);
        if (tool.isEmpty()) {
            return ToolResult.error("There is no tool named " + name + ". The tools are: "
                    + String.join(", ", TOOLS.stream().map(t -> t.spec().name()).toList()) + ".");
        }
        try {
            return tool.get().run(owner, new ToolArguments(arguments), tasks, now);
        } catch (InvalidInput | NotFound problem) {
            return ToolResult.error(problem.getMessage());
        }
    }

    private static Optional<TaskTool> find(String name) {
        return TOOLS.stream().filter(t -> t.spec().name().equals(name)).findFirst();
    }
}
