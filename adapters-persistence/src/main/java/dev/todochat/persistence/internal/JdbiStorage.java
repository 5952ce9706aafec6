package dev.todochat.persistence.internal;

import dev.todochat.domain.port.Storage;
import dev.todochat.domain.port.UnitOfWork;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import javax.sql.DataSource;
import java.util.function.Function;

/**
 * {@link Storage} on PostgreSQL: each piece of work gets one connection in one transaction (READ COMMITTED, the
 * server default), committed when the work returns and rolled back when it throws; the exception reaches the caller
 * unchanged. When no connection frees up within the pool's wait while the database itself answers, the work never
 * starts and {@link dev.todochat.domain.port.StorageBusy} says so: the server is overloaded, and the caller can ask
 * the client to come back. When the database cannot be reached or drops the connection mid-work (a restart),
 * {@link dev.todochat.domain.port.StorageUnavailable} says so instead of the driver's exception.
 */
public final class JdbiStorage implements Storage {
    private final Jdbi jdbi;
    private final JsonColumns json = new JsonColumns();

    public JdbiStorage(DataSource dataSource) {
        this.jdbi = Jdbi.create(dataSource);
    }

    @Override
    public <T> T inTransaction(Function<UnitOfWork, T> work) {
        try {
            return jdbi.inTransaction(handle -> work.apply(JdbiUnitOfWork.on(handle, json)));
        } catch (JdbiException e) {
            throw LostDatabase.translate(PoolExhaustion.translate(e));
        }
    }
}
