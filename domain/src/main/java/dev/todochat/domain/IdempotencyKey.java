package dev.todochat.domain;

/**
 * A client's name for one chat request, so that a retry of it is recognised. Scoped to the user: two users may use
 * the same key. 1..255 visible ASCII characters.
 */
public record IdempotencyKey(String value) {
    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidInput("Idempotency-Key must be 1 to " + MAX_LENGTH + " visible ASCII characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
