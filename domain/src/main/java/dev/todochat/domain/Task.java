package dev.todochat.domain;

import java.time.Instant;

/** A task on a user's list. {@code description} is null when there is none. */
public record Task(TaskId id, UserId owner, String title, String description, boolean completed,
                   Instant createdAt, Instant updatedAt) {
    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 2000;

    public Task {
        if (id == null || owner == null || title == null || createdAt == null || updatedAt == null) {
            throw new IllegalArgumentException("a task needs an id, an owner, a title and its times");
        }
    }

    /** Checks a title from outside: 1..200 characters, one line; returns it stripped. */
    public static String checkTitle(String title) {
        return Text.required("title", title, TITLE_MAX, false);
    }

    /** Checks a description from outside: at most 2,000 characters; blank means none (null). */
    public static String checkDescription(String description) {
        return Text.optional("description", description, DESCRIPTION_MAX, true);
    }
}
