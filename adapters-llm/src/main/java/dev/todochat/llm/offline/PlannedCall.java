package dev.todochat.llm.offline;

import dev.todochat.domain.TaskFilter;

import java.util.LinkedHashMap;
import java.util.Map;

/** A tool call the assistant decided on, before it gets its id. */
record PlannedCall(String tool, Map<String, Object> arguments) {
    static final String ADD = "add_task";
    static final String LIST = "list_tasks";
    static final String COMPLETE = "complete_task";
    static final String DELETE = "delete_task";
    static final String UPDATE = "update_task";

    static PlannedCall add(String title, String description) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("title", title);
        if (description != null) {
            arguments.put("description", description);
        }
        return new PlannedCall(ADD, arguments);
    }

    static PlannedCall list(TaskFilter filter) {
        return new PlannedCall(LIST, Map.of("status", filter.wireName()));
    }

    /** The change's tool for one task: its id, and for an update the new title and/or description. */
    static PlannedCall change(Intent.Change change, long taskId) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("task_id", taskId);
        if (change.title() != null) {
            arguments.put("title", change.title());
        }
        if (change.description() != null) {
            arguments.put("description", change.description());
        }
        return new PlannedCall(change.action().tool(), arguments);
    }
}
