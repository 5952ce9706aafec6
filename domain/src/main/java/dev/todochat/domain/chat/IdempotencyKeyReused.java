package dev.todochat.domain.chat;

/** The request's idempotency key was already used for a different request. Nothing was written. */
public final class IdempotencyKeyReused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReused(String message) {
        super(message, null, false, false);
    }
}
