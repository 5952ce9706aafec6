package dev.todochat.domain.chat;

import java.time.Duration;
import java.util.Optional;

/**
 * A conflict: another turn holds the conversation (or the request's idempotency key) right now, so this request may
 * be tried again later. Nothing was written. The retry hint is given only when the domain knows it (when the holder's
 * lease lapses); otherwise the adapter picks its own.
 */
public final class ConversationBusy extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What the request ran into. */
    public enum Conflict {
        /** Another message to the conversation is still being answered. */
        CONVERSATION_IN_USE,
        /** A request with the same idempotency key is still running. */
        KEY_IN_USE,
        /** This turn lost its conversation while it ran: a later turn took it over, or it was deleted. */
        TURN_TAKEN_OVER
    }

    private final Conflict conflict;
    private final transient Duration retryAfter;

    public ConversationBusy(Conflict conflict, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.conflict = conflict;
        this.retryAfter = retryAfter;
    }

    public ConversationBusy(Conflict conflict, String message) {
        this(conflict, message, null);
    }

    public Conflict conflict() {
        return conflict;
    }

    /** How long until the conflict is over, when the domain knows it; never rounded. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
