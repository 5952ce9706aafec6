package dev.todochat.domain;

import java.time.Duration;

/**
 * How a wait is told to a caller who should try again: in whole seconds, rounded up so that a client that waits
 * exactly that long is not refused again, and at least one.
 */
public final class RetryHint {
    private RetryHint() {
    }

    public static long wholeSeconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
