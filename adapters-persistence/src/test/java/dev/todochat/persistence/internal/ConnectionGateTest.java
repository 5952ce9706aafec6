package dev.todochat.persistence.internal;

import dev.todochat.domain.port.StorageBusy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The line in front of the pool: as many units of work inside as there are connections, the rest waiting in line
 * (costing a place, not a connection), work that has paid for a model call first, and new work refused at once when
 * the line is full.
 */
class ConnectionGateTest {
    private static final Duration LONG = Duration.ofMinutes(1);

    @Test
    void new_work_is_refused_at_once_when_the_line_is_full() throws Exception {
        ConnectionGate gate = new ConnectionGate(1, 1, LONG, LONG);
        gate.enter(false);
        Thread waiting = Thread.ofVirtual().start(() -> {
            gate.enter(false);
            gate.leave();
        });
        await(() -> gate.waiting() == 1);

        assertThatThrownBy(() -> gate.enter(false)).isInstanceOf(StorageBusy.class)
                .hasMessageContaining("1 requests are waiting already");
        assertThat(gate.refused()).isEqualTo(1);

        gate.leave();
        waiting.join();
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void work_that_paid_for_a_model_call_goes_ahead_of_new_work_and_is_never_refused_for_a_full_line()
            throws Exception {
        ConnectionGate gate = new ConnectionGate(1, 1, LONG, LONG);
        List<String> order = new CopyOnWriteArrayList<>();
        gate.enter(false);
        Thread newWork = Thread.ofVirtual().start(() -> through(gate, false, "new", order));
        await(() -> gate.waiting() == 1);
        Thread paidFor = Thread.ofVirtual().start(() -> through(gate, true, "paid for", order));
        await(() -> gate.waiting() == 2);

        gate.leave();
        newWork.join();
        paidFor.join();

        assertThat(order).containsExactly("paid for", "new");
        assertThat(gate.refused()).isZero();
    }

    @Test
    void work_that_waited_as_long_as_it_may_is_refused_and_leaves_the_line() {
        ConnectionGate gate = new ConnectionGate(1, 10, Duration.ofMillis(20), Duration.ofMillis(20));
        gate.enter(true);

        assertThatThrownBy(() -> gate.enter(false)).isInstanceOf(StorageBusy.class)
                .hasMessageContaining("stayed in use for longer than a request may wait");
        assertThatThrownBy(() -> gate.enter(true)).isInstanceOf(StorageBusy.class);
        assertThat(gate.waiting()).isZero();

        gate.leave();
        gate.enter(false);
        gate.leave();
    }

    private static void through(ConnectionGate gate, boolean priority, String name, List<String> order) {
        gate.enter(priority);
        order.add(name);
        gate.leave();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + LONG.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the condition did not come true in " + LONG);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
