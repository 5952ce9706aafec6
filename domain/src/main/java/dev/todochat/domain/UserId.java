package dev.todochat.domain;

/** Who owns a conversation or a task: always the authenticated subject, never a value the model supplies. */
public record UserId(String value) {
    public static final int MAX_LENGTH = 255;

    public UserId {
        if (value == null || value.isEmpty()) {
            throw new InvalidInput("user id must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidInput("user id must be at most " + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new InvalidInput("user id must not contain spaces or control characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
