package dev.todochat.domain.chat;

import dev.todochat.domain.port.ModelFailure;
import dev.todochat.domain.port.ModelReply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * When a turn must have finished. It is checked before each model call (a turn never starts a step it has no time
 * for), and the model is told the deadline so that a call in flight is cut at the remaining time; a model failure
 * that happens past the deadline is the turn's timeout, not the model's.
 */
final class TurnDeadline {
    private final Clock clock;
    private final Duration timeout;
    private final Instant at;

    TurnDeadline(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
        this.at = clock.instant().plus(timeout);
    }

    Instant at() {
        return at;
    }

    /** Calls the model with the time it has, or stops the turn when there is none left. */
    ModelReply callModel(Function<Instant, ModelReply> call) {
        Instant now = clock.instant();
        if (!now.isBefore(at)) {
            throw new TurnTimedOut(timeout, null);
        }
        try {
            return call.apply(now);
        } catch (ModelFailure failure) {
            if (!clock.instant().isBefore(at)) {
                throw new TurnTimedOut(timeout, failure);
            }
            throw failure;
        }
    }
}
