package dev.todochat.persistence.internal;

import dev.todochat.domain.port.Storage;
import dev.todochat.domain.port.UnitOfWork;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * {@link Storage} on PostgreSQL: each piece of work gets one connection in one transaction (READ COMMITTED, the
 * server default), committed when the work returns and rolled back when it throws; the exception reaches the caller
 * unchanged. Work enters through a {@link ConnectionGate} sized to the pool, so that waiting for a connection happens
 * in line, not inside the pool, and a connection is held only while the work's SQL runs. When the line is full or the
 * wait too long, the work never starts and {@link dev.todochat.domain.port.StorageBusy} says so: the server is
 * overloaded, and the caller can ask the client to come back. When the database cannot be reached or drops the
 * connection mid-work (a restart), {@link dev.todochat.domain.port.StorageUnavailable} says so instead of the driver's
 * exception. It counts the statements and transactions it runs and times how long each transaction holds its
 * connection.
 */
public final class JdbiStorage implements Storage {
    /** New units of work that may wait for a connection, per connection of the pool. */
    static final int WAITING_PER_CONNECTION = 100;
    static final Duration NEW_WORK_WAIT = Duration.ofSeconds(5);
    /** About the patience of a turn that has paid for a model call (ChatCycle asks a few times). */
    static final Duration PRIORITY_WAIT = Duration.ofSeconds(10);

    private final Jdbi jdbi;
    private final JsonColumns json = new JsonColumns();
    private final RateLimitSweep sweep;
    private final ConnectionGate gate;
    private final LongAdder statements = new LongAdder();
    private final LongAdder transactions = new LongAdder();
    private volatile Timer hold;

    public JdbiStorage(DataSource dataSource, int poolSize) {
        this.jdbi = Jdbi.create(dataSource);
        this.jdbi.setSqlLogger(new StatementCount());
        this.sweep = new RateLimitSweep(jdbi);
        this.gate = new ConnectionGate(poolSize, poolSize * WAITING_PER_CONNECTION, NEW_WORK_WAIT, PRIORITY_WAIT);
    }

    @Override
    public <T> T inTransaction(Function<UnitOfWork, T> work) {
        return through(false, work);
    }

    @Override
    public <T> T inPriorityTransaction(Function<UnitOfWork, T> work) {
        return through(true, work);
    }

    private <T> T through(boolean priority, Function<UnitOfWork, T> work) {
        gate.enter(priority);
        long start = System.nanoTime();
        try {
            transactions.increment();
            return jdbi.inTransaction(handle -> work.apply(JdbiUnitOfWork.on(handle, json, sweep)));
        } catch (JdbiException e) {
            throw LostDatabase.translate(PoolExhaustion.translate(e));
        } finally {
            gate.leave();
            Timer timer = hold;
            if (timer != null) {
                timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        }
    }

    /**
     * Registers {@code todochat.db.*}: statements and transactions run, how long transactions hold their connection,
     * and the line at the gate (waiting now, refused so far).
     */
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("todochat.db.statements", statements, LongAdder::sum)
                .description("SQL statements run (BEGIN and COMMIT not counted)").register(registry);
        FunctionCounter.builder("todochat.db.transactions", transactions, LongAdder::sum)
                .description("Transactions run, one per unit of work").register(registry);
        Gauge.builder("todochat.db.gate.waiting", gate, ConnectionGate::waiting)
                .description("Units of work waiting in line for a database connection").register(registry);
        FunctionCounter.builder("todochat.db.gate.refused", gate, ConnectionGate::refused)
                .description("Units of work refused because every connection stayed busy (503 ServerBusy)")
                .register(registry);
        hold = Timer.builder("todochat.db.connection.hold")
                .description("How long a transaction holds its database connection")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    /** SQL statements run so far. */
    public long statements() {
        return statements.sum();
    }

    /** Transactions run so far. */
    public long transactions() {
        return transactions.sum();
    }

    /** Counts every statement Jdbi runs, after it ran. */
    private final class StatementCount implements SqlLogger {
        @Override
        public void logAfterExecution(StatementContext context) {
            statements.increment();
        }

        @Override
        public void logException(StatementContext context, SQLException ex) {
            statements.increment();
        }
    }
}
