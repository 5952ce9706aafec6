package dev.todochat.domain.chat;

import java.time.Duration;

/**
 * How a turn that has already called the model asks again when the storage has no connection to give
 * ({@link dev.todochat.domain.port.StorageBusy}: the work did not start, so asking again is safe). The back-off is
 * waited between attempts whatever the storage itself waits, so a storage that refuses at once cannot make a turn spin.
 *
 * @param attempts how many times in all the work is tried, at least 1
 * @param backoff  the pause before each attempt after the first, zero or more
 */
public record StoragePatience(int attempts, Duration backoff) {
    /**
     * Six attempts half a second apart: with the pool's own 5 s wait for a connection, a paid-for turn waits out a
     * burst of about half a minute rather than throw the model's work away.
     */
    public static final StoragePatience DEFAULT = new StoragePatience(6, Duration.ofMillis(500));

    public StoragePatience {
        if (attempts < 1 || backoff == null || backoff.isNegative()) {
            throw new IllegalArgumentException("storage patience needs at least one attempt and a back-off >= 0");
        }
    }
}
