package dev.todochat.domain.port;

import java.util.function.Function;

/**
 * The transaction unit. Everything one piece of work does through the {@link UnitOfWork} commits together or not at
 * all: a tool's effect on a task and the transcript rows that record it are never seen apart.
 *
 * <p>Work passed here must be short and must not call the language model: no connection is held while the model
 * thinks.
 */
public interface Storage {
    <T> T inTransaction(Function<UnitOfWork, T> work);

    /**
     * Like {@link #inTransaction}, for work that must not be thrown away in a burst, such as the rest of a turn that
     * has already paid for a model call: it goes ahead of new work waiting for a connection, and waits longer before
     * it gives up with {@link StorageBusy}. A storage without a line runs it as any other work.
     */
    default <T> T inPriorityTransaction(Function<UnitOfWork, T> work) {
        return inTransaction(work);
    }
}
