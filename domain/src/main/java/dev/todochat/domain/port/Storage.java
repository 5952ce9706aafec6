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
}
