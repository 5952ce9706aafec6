package dev.todochat.domain.port;

import java.time.Duration;
import java.util.Optional;

/**
 * The model could not answer. The message is safe to show a client: adapters never put keys or upstream bodies in
 * it.
 */
public final class ModelFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the model failed; each adapter tells its callers in its own terms. */
    public enum Kind {
        /** The model service answered with an error or something that is not a valid reply. */
        UPSTREAM_ERROR,
        /** The model service cannot be reached or is overloaded: worth trying again later. */
        UNAVAILABLE,
        /** The model service limits our rate: worth trying again after the retry hint, when it gave one. */
        RATE_LIMITED,
        /** The model did not answer in time. */
        TIMEOUT
    }

    private final Kind kind;
    private final transient Duration retryAfter;

    public ModelFailure(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public ModelFailure(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** How long the model service asked us to wait, when it said; never rounded. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
