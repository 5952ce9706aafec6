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
}
