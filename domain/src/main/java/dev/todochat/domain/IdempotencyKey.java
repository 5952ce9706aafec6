package dev.todochat.domain;

/**
 * A client's name for one chat request, so that a retry of it is recognised. Scoped to the user: two users may use
 * the same key. 1..255 visible ASCII characters.
 */
public record IdempotencyKey(String value) {
    public static final int MAX_LENGTH = 255;
    /** What a valid key is, for adapters that name the key their own way (an HTTP header, say). */
    public static final String RULE = "must be 1 to " + MAX_LENGTH + " visible ASCII characters";

    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidInput("an idempotency key " + RULE);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
