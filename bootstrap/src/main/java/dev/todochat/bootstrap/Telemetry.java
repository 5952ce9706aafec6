package dev.todochat.bootstrap;

import dev.todochat.persistence.PostgresDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * One server's metrics, in a registry of its own (never Micrometer's global one, which would be static state):
 * the JVM's memory, GC, threads, CPU and uptime, the connections checked out of the database pool, the database's
 * own {@code todochat.db.*} meters, and the HTTP timers the API records. Exposed as Prometheus text at {@code GET /metrics}.
 */
final class Telemetry implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    Telemetry(PostgresDatabase database) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("todochat.db.connections.active", database, PostgresDatabase::activeConnections)
                .description("Connections checked out of the pool: only during short transactions, never while the"
                        + " model thinks")
                .register(registry);
        database.bindTo(registry);
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
