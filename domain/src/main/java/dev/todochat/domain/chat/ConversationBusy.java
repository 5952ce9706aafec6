package dev.todochat.domain.chat;

import java.time.Duration;

/**
 * Another turn holds the conversation (or the request's idempotency key) right now; try again after
 * {@link #retryAfter()}. Nothing was written.
 */
public final class ConversationBusy extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    public ConversationBusy(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
