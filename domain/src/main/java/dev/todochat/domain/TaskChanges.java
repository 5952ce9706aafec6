package dev.todochat.domain;

/**
 * What an update changes: a null field stays as it is. An empty description clears it; {@code completed} marks the
 * task done or open again. Checks itself: at least one field, and each within the task rules.
 */
public record TaskChanges(String title, String description, Boolean completed) {
    public TaskChanges {
        if (title == null && description == null && completed == null) {
            throw new InvalidInput("give a new title or a new description");
        }
        if (title != null) {
            title = Task.checkTitle(title);
        }
        if (description != null) {
            description = description.isBlank() ? "" : Task.checkDescription(description);
        }
    }

    /** A change of the text only, as the {@code update_task} tool makes it. */
    public TaskChanges(String title, String description) {
        this(title, description, null);
    }

    /** The description after the change: unchanged when null, cleared (null) when empty. */
    public String applyDescription(String current) {
        if (description == null) {
            return current;
        }
        return description.isEmpty() ? null : description;
    }

    public String applyTitle(String current) {
        return title == null ? current : title;
    }

    public boolean applyCompleted(boolean current) {
        return completed == null ? current : completed;
    }
}
