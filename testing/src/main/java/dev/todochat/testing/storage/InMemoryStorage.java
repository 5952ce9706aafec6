package dev.todochat.testing.storage;

import dev.todochat.domain.port.Storage;
import dev.todochat.domain.port.StorageBusy;
import dev.todochat.domain.port.UnitOfWork;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Every store of a {@link UnitOfWork} in memory, for specs that should run in milliseconds and for embedders' own
 * tests. Transactions run one at a time, each on a copy of the data that replaces it only when the work returns: work
 * that throws leaves nothing behind, as a rolled-back transaction does. The same contract suites run against this and
 * against PostgreSQL (see {@code dev.todochat.testing.contract}), so the two cannot drift apart.
 *
 * <pre>{@code
 * TodoChat chat = TodoChat.builder().storage(new InMemoryStorage()).model(model).build();
 * }</pre>
 */
public final class InMemoryStorage implements Storage {
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger refusals = new AtomicInteger();
    private MemoryState committed = new MemoryState();

    @Override
    public <T> T inTransaction(Function<UnitOfWork, T> work) {
        if (lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("a transaction cannot be opened inside another one");
        }
        if (refusals.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new StorageBusy("the in-memory storage was told to refuse this transaction", Duration.ofSeconds(1),
                    null);
        }
        lock.lock();
        try {
            MemoryState copy = committed.copy();
            T result = work.apply(copy.unitOfWork());
            committed = copy;
            return result;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next {@code transactions} transactions fail with {@link StorageBusy} before they start, as a database whose
     * connections are all in use does: for specs of what the caller does when storage is overloaded.
     */
    public void refuseNext(int transactions) {
        if (transactions < 0) {
            throw new IllegalArgumentException("a number of transactions cannot be negative");
        }
        refusals.set(transactions);
    }
}
