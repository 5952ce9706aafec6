package dev.todochat.cluster;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Real time passing, for what only real time can show across processes: a server starting, and a dead instance's
 * turn lease lapsing. Used only where the server tells the client how long to wait ({@code Retry-After}) or while
 * polling a process; never to order threads within one JVM.
 */
final class Waiting {
    private Waiting() {
    }

    static void pause(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
    }
}
