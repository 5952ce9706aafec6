package dev.todochat.bootstrap;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Traces, off by default: only when {@code OTEL_EXPORTER_OTLP_ENDPOINT} (or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT})
 * is set does the OpenTelemetry SDK start, configured by the standard {@code OTEL_*} variables (autoconfigure), with
 * traces over OTLP and no metrics or logs (those have {@code /metrics} and standard error). Without them nothing is
 * recorded and nothing is sent. Not the global OpenTelemetry: each server owns its own, and closing it flushes.
 */
final class Tracing implements AutoCloseable {
    static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
    static final String TRACES_ENDPOINT = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";

    private final OpenTelemetry telemetry;
    private final Optional<OpenTelemetrySdk> sdk;

    private Tracing(OpenTelemetry telemetry, Optional<OpenTelemetrySdk> sdk) {
        this.telemetry = telemetry;
        this.sdk = sdk;
    }

    static Tracing off() {
        return new Tracing(OpenTelemetry.noop(), Optional.empty());
    }

    /** On when {@code env} names an OTLP endpoint; the SDK reads the rest of the {@code OTEL_*} variables itself. */
    static Tracing from(Map<String, String> env) {
        boolean configured = isSet(env, ENDPOINT) || isSet(env, TRACES_ENDPOINT);
        if (!configured) {
            return off();
        }
        Map<String, String> defaults = new HashMap<>();
        defaults.put("otel.service.name", "todochat");
        defaults.put("otel.traces.exporter", "otlp");
        defaults.put("otel.metrics.exporter", "none");
        defaults.put("otel.logs.exporter", "none");
        defaults.put("otel.exporter.otlp.protocol", "http/protobuf");
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> defaults)
                .disableShutdownHook()
                .build()
                .getOpenTelemetrySdk();
        return new Tracing(sdk, Optional.of(sdk));
    }

    OpenTelemetry telemetry() {
        return telemetry;
    }

    boolean on() {
        return sdk.isPresent();
    }

    /** The current trace as W3C headers ({@code traceparent}, {@code tracestate}), for a call to another service. */
    Map<String, String> outgoingHeaders() {
        if (sdk.isEmpty()) {
            return Map.of();
        }
        Map<String, String> headers = new HashMap<>();
        telemetry.getPropagators().getTextMapPropagator().inject(Context.current(), headers,
                (carrier, key, value) -> carrier.put(key, value));
        return headers;
    }

    /** Sends what is still buffered, then stops. */
    @Override
    public void close() {
        sdk.ifPresent(OpenTelemetrySdk::close);
    }

    private static boolean isSet(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
