package dev.todochat.domain.port;

import dev.todochat.domain.TurnId;

import java.time.Instant;
import java.util.Objects;

/**
 * What a write of a turn does to its conversation's lease, in the same statement as the write: take it (when nobody
 * holds it or the holder's lease lapsed), keep it (extend it, only while the turn still holds it) or release it.
 *
 * @param until when the lease lapses if not renewed; null when it is released
 */
public record TurnLease(TurnId turn, Action action, Instant until) {
    /** What happens to the lease. */
    public enum Action { TAKE, KEEP, RELEASE }

    public TurnLease {
        Objects.requireNonNull(turn, "turn");
        Objects.requireNonNull(action, "action");
        if ((action == Action.RELEASE) != (until == null)) {
            throw new IllegalArgumentException("a lease taken or kept lasts until a time; a released one does not");
        }
    }

    public static TurnLease take(TurnId turn, Instant until) {
        return new TurnLease(turn, Action.TAKE, until);
    }

    public static TurnLease keep(TurnId turn, Instant until) {
        return new TurnLease(turn, Action.KEEP, until);
    }

    public static TurnLease release(TurnId turn) {
        return new TurnLease(turn, Action.RELEASE, null);
    }
}
