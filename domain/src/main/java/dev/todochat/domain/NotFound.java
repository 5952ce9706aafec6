package dev.todochat.domain;

/**
 * Something the user asked for does not exist <em>for that user</em>. Another user's conversation or task is
 * reported exactly like a missing one, so nobody learns that it exists.
 */
public final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
        super(message, null, false, false);
    }

    /** The user has no conversation {@code id}. */
    public static NotFound conversation(ConversationId id) {
        return new NotFound("conversation " + id + " was not found");
    }

    /** The user has no task {@code id}. */
    public static NotFound task(TaskId id) {
        return task(String.valueOf(id));
    }

    /** The user has no task by the id {@code id} as it was written (one too large to be any task's id, say). */
    public static NotFound task(String id) {
        return new NotFound("task " + id + " was not found");
    }
}
