package dev.todochat.persistence.internal;

import dev.todochat.domain.port.StorageBusy;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A gate in front of the connection pool: at most as many units of work on the database at once as the pool has
 * connections, the others waiting in line for a permit rather than inside the pool. Waiting costs a place in the
 * line, not a connection, so a connection is held only while SQL runs, however many turns arrive at once. Work that
 * has already paid for a model call ({@code priority}) goes ahead of new work; new work finding the line full is
 * refused at once, and any work waiting longer than it may is refused, both with {@link StorageBusy}.
 */
final class ConnectionGate {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition priorityTurn = lock.newCondition();
    private final Condition newTurn = lock.newCondition();
    private final int maxWaiting;
    private final Duration newWait;
    private final Duration priorityWait;
    private final LongAdder refused = new LongAdder();
    private int free;
    private int waitingPriority;
    private int waitingNew;
    // permits handed by a leaving unit straight to a waiter of each kind, so that no newcomer takes them first
    private int handedPriority;
    private int handedNew;

    /**
     * @param permits      units of work on the database at once: the pool's size
     * @param maxWaiting   new units that may wait in line; past that new work is refused at once
     * @param newWait      how long new work waits in line at most
     * @param priorityWait how long work that has paid for a model call waits at most
     */
    ConnectionGate(int permits, int maxWaiting, Duration newWait, Duration priorityWait) {
        this.free = permits;
        this.maxWaiting = maxWaiting;
        this.newWait = newWait;
        this.priorityWait = priorityWait;
    }

    /** Waits for a permit; {@link #leave()} gives it back. */
    void enter(boolean priority) {
        lock.lock();
        try {
            if (free > 0) {
                free--;
                return;
            }
            if (!priority && waitingNew >= maxWaiting) {
                throw busy("every database connection is in use and " + maxWaiting + " requests are waiting already");
            }
            if (priority) {
                waitingPriority++;
                awaitHanded(priorityTurn, priorityWait, true);
            } else {
                waitingNew++;
                awaitHanded(newTurn, newWait, false);
            }
        } finally {
            lock.unlock();
        }
    }

    void leave() {
        lock.lock();
        try {
            if (waitingPriority > handedPriority) {
                handedPriority++;
                priorityTurn.signal();
            } else if (waitingNew > handedNew) {
                handedNew++;
                newTurn.signal();
            } else {
                free++;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Units of work waiting for a permit right now. */
    int waiting() {
        lock.lock();
        try {
            return waitingPriority + waitingNew;
        } finally {
            lock.unlock();
        }
    }

    /** Units of work refused so far, at once or after their wait. */
    long refused() {
        return refused.sum();
    }

    private void awaitHanded(Condition turn, Duration wait, boolean priority) {
        long left = wait.toNanos();
        try {
            while (handed(priority) == 0 && left > 0) {
                left = turn.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (priority) {
            waitingPriority--;
        } else {
            waitingNew--;
        }
        if (handed(priority) == 0) {
            throw busy("every database connection stayed in use for longer than a request may wait");
        }
        if (priority) {
            handedPriority--;
        } else {
            handedNew--;
        }
    }

    private int handed(boolean priority) {
        return priority ? handedPriority : handedNew;
    }

    private StorageBusy busy(String why) {
        refused.increment();
        return new StorageBusy("the server is busy: " + why + "; nothing was done", PoolExhaustion.RETRY_AFTER, null);
    }
}
