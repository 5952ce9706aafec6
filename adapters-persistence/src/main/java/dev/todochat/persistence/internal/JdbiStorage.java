package dev.todochat.persistence.internal;

import dev.todochat.domain.port.Storage;
import dev.todochat.domain.port.UnitOfWork;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.util.function.Function;

/**
 * {@link Storage} on PostgreSQL: each piece of work gets one connection in one transaction (READ COMMITTED, the
 * server default), committed when the work returns and rolled back when it throws; the exception reaches the caller
 * unchanged.
 */
public final class JdbiStorage implements Storage {
    private final Jdbi jdbi;
    private final JsonColumns json = new JsonColumns();

    public JdbiStorage(DataSource dataSource) {
        this.jdbi = Jdbi.create(dataSource);
    }

    @Override
    public <T> T inTransaction(Function<UnitOfWork, T> work) {
        return jdbi.inTransaction(handle -> work.apply(JdbiUnitOfWork.on(handle, json)));
    }
}
