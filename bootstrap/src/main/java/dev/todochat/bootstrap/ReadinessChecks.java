package dev.todochat.bootstrap;

import dev.todochat.domain.port.LanguageModel;
import dev.todochat.http.Readiness;
import dev.todochat.llm.offline.OfflineAssistant;
import dev.todochat.llm.openai.OpenAiModel;
import dev.todochat.persistence.PostgresDatabase;
import dev.todochat.persistence.SchemaState;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What {@code GET /ready} checks. Ready means the database answers and carries every migration of this build. The
 * model service is only reported: it is shared by every instance, so taking one out of the load balancer when it is
 * down helps no one (the next instance cannot reach it either), and turns already answer 503 {@code ModelUnavailable}
 * on their own. Its reachability is a TCP connect to the service's host, remembered for a while, so probes never
 * spend the service's rate limit or a key.
 */
final class ReadinessChecks implements Supplier<Readiness> {
    private static final Duration CONNECT_WITHIN = Duration.ofSeconds(1);
    private static final Duration REMEMBER_MODEL = Duration.ofSeconds(15);

    private final PostgresDatabase database;
    private final LanguageModel model;
    private final Clock clock;
    private final AtomicReference<Probe> lastProbe = new AtomicReference<>();

    private record Probe(Instant at, String result) {
    }

    ReadinessChecks(PostgresDatabase database, LanguageModel model, Clock clock) {
        this.database = database;
        this.model = model;
        this.clock = clock;
    }

    @Override
    public Readiness get() {
        SchemaState schema = database.schemaState();
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("database", schema.reachable() ? "up" : "down");
        checks.put("schema_version", schema.applied().orElse(schema.reachable() ? "none" : "unknown"));
        checks.put("expected_schema_version", schema.expected());
        checks.put("model", modelState());
        return new Readiness(schema.problem(), checks);
    }

    private String modelState() {
        return switch (model) {
            case OfflineAssistant offline -> "built-in";
            case OpenAiModel remote -> remembered(remote.baseUrl());
            default -> "not checked";
        };
    }

    private String remembered(String baseUrl) {
        Instant now = clock.instant();
        Probe last = lastProbe.get();
        if (last != null && last.at().plus(REMEMBER_MODEL).isAfter(now)) {
            return last.result();
        }
        Probe fresh = new Probe(now, connect(URI.create(baseUrl)));
        lastProbe.set(fresh);
        return fresh.result();
    }

    private static String connect(URI address) {
        int port = address.getPort() != -1 ? address.getPort() : "https".equals(address.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.getHost(), port), (int) CONNECT_WITHIN.toMillis());
            return "reachable";
        } catch (IOException | IllegalArgumentException e) {
            return "unreachable";
        }
    }
}
