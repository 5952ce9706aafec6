package dev.todochat.domain;

import java.util.Locale;

/** Which tasks a listing shows. */
public enum TaskFilter {
    ALL, PENDING, COMPLETED;

    /** The lower-case name used on the wire: {@code all}, {@code pending}, {@code completed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; null means {@link #ALL}; anything else is an {@link InvalidInput}. */
    public static TaskFilter parse(String text) {
        if (text == null) {
            return ALL;
        }
        for (TaskFilter filter : values()) {
            if (filter.wireName().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return filter;
            }
        }
        throw new InvalidInput("status must be one of all, pending, completed");
    }

    public boolean accepts(Task task) {
        return switch (this) {
            case ALL -> true;
            case PENDING -> !task.completed();
            case COMPLETED -> task.completed();
        };
    }
}
