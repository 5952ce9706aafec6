package dev.todochat.llm.offline;

import dev.todochat.domain.ToolResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A task as a {@code list_tasks} result shows it; the assistant knows tasks only through tool results. */
record ListedTask(long id, String title, String description, boolean completed) {

    /** The tasks of a {@code list_tasks} result, in its order; entries it cannot read are skipped. */
    static List<ListedTask> from(ToolResult listing) {
        List<ListedTask> tasks = new ArrayList<>();
        if (listing.value().get("tasks") instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> task && task.get("task_id") instanceof Number id
                        && task.get("title") instanceof String title) {
                    tasks.add(new ListedTask(id.longValue(), title, text(task.get("description")),
                            Boolean.TRUE.equals(task.get("completed"))));
                }
            }
        }
        return tasks;
    }

    /** The task a single-task result ({@code add_task}, {@code complete_task}, …) reports, if it reports one. */
    static java.util.Optional<ListedTask> one(ToolResult result) {
        Map<String, Object> value = result.value();
        if (value.get("task_id") instanceof Number id && value.get("title") instanceof String title) {
            return java.util.Optional.of(new ListedTask(id.longValue(), title, text(value.get("description")),
                    Boolean.TRUE.equals(value.get("completed"))));
        }
        return java.util.Optional.empty();
    }

    private static String text(Object value) {
        return value instanceof String text && !text.isBlank() ? text : null;
    }
}
