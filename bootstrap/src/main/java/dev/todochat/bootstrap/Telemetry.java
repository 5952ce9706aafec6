package dev.todochat.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.todochat.domain.port.LanguageModel;
import dev.todochat.domain.tool.TaskTools;
import dev.todochat.domain.tool.ToolSpec;
import dev.todochat.llm.openai.OpenAiModel;
import dev.todochat.persistence.PostgresDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.sql.SQLException;
import java.util.stream.Collectors;

/**
 * One server's metrics, in a registry of its own (never Micrometer's global one, which would be static state):
 * the JVM's memory, GC, threads, CPU and uptime, the database pool (HikariCP's own series: active, idle and pending
 * connections, how long each is held and waited for), the database's own {@code todochat.db.*} meters (statements,
 * transactions, connection hold time, the line in front of the pool), the turns ({@link TurnMetrics}) and the HTTP
 * timers the API records. Exposed as Prometheus text at {@code GET /metrics}.
 */
final class Telemetry implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final TurnMetrics turns;
    private final Tracing tracing;

    Telemetry(PostgresDatabase database, Tracing tracing) {
        this.tracing = tracing;
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
        pool(database).setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        this.turns = new TurnMetrics(registry, new TaskTools().specs().stream().map(ToolSpec::name)
                .collect(Collectors.toSet()));
    }

    /** The listener that records the spans of turns with {@code model}, when tracing is on. */
    TurnTraces traces(LanguageModel model) {
        String name = model instanceof OpenAiModel remote ? remote.modelName() : model.describe();
        return new TurnTraces(tracing.telemetry().getTracer(TurnTraces.TRACER), name);
    }

    /** The listener that counts and times turns into this registry. */
    TurnMetrics turns() {
        return turns;
    }

    private static HikariDataSource pool(PostgresDatabase database) {
        try {
            return database.dataSource().unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException("todochat's database is always a HikariCP pool", e);
        }
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
        tracing.close();
    }
}
