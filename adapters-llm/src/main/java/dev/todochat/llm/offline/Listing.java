package dev.todochat.llm.offline;

import java.util.List;

/**
 * Writes a listing of tasks as a person reads it: a count, then one line a task, led by the task's own number (the
 * one "complete 3" uses, not its place in the list), ✓ for done tasks.
 */
final class Listing {
    private Listing() {
    }

    /** @param status the listing's filter as the tool reports it: all, pending or completed */
    static String write(String status, List<ListedTask> tasks) {
        return heading(status, tasks) + lines(tasks);
    }

    /** One line for each task, each starting with a line break. */
    static String lines(List<ListedTask> tasks) {
        StringBuilder text = new StringBuilder();
        for (ListedTask task : tasks) {
            text.append("\n#").append(task.id()).append(' ').append(task.completed() ? "✓ " : "").append(task.title());
            if (task.description() != null) {
                text.append(" — ").append(task.description());
            }
        }
        return text.toString();
    }

    private static String heading(String status, List<ListedTask> tasks) {
        int count = tasks.size();
        return switch (status) {
            case "pending" -> count == 0 ? "You have no pending tasks." : "You have " + tasks(count, "pending ") + ":";
            case "completed" -> count == 0 ? "You have no completed tasks."
                    : "You have completed " + tasks(count, "") + ":";
            default -> {
                long done = tasks.stream().filter(ListedTask::completed).count();
                if (count == 0) {
                    yield "Your list is empty. Say \"add buy milk\" to add a task.";
                }
                yield "You have " + tasks(count, "") + (done == 0 ? "" : " (" + done + " done)") + ":";
            }
        };
    }

    private static String tasks(int count, String kind) {
        return count + " " + kind + (count == 1 ? "task" : "tasks");
    }
}
