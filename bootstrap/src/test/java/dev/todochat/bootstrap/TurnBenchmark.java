package dev.todochat.bootstrap;

import dev.todochat.domain.ToolCall;
import dev.todochat.domain.ToolResultMessage;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.LanguageModel;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.domain.port.Prompt;
import dev.todochat.http.Tokens;
import dev.todochat.persistence.PostgresDatabase;
import dev.todochat.testing.TestPostgres;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Closed-loop load on one server: each client is a user with one conversation, sending turns back to back over
 * HTTP. Every turn is two model calls (list_tasks, then a text answer) from an in-process model that answers at
 * once, so the figures are the server's own cost: HTTP, JWT, the turn's three short transactions on PostgreSQL, and
 * the tool. Not a test: run it by hand (see {@code docs/benchmarks.md}); it prints its figures.
 *
 * <p>Arguments: clients, warm-up seconds, measured seconds (defaults 16, 60, 30).
 */
public final class TurnBenchmark {
    private TurnBenchmark() {
    }

    /** Answers a user message with a list_tasks call, and the tool's result with a short text. */
    private static final class InstantModel implements LanguageModel {
        @Override
        public ModelReply reply(Prompt prompt) {
            if (prompt.history().getLast() instanceof ToolResultMessage result) {
                return ModelReply.text("You have " + result.result().value().get("count") + " tasks.");
            }
            return ModelReply.toolCalls(new ToolCall("call_" + prompt.history().size(), "list_tasks",
                    Map.of("status", "pending")));
        }

        @Override
        public String describe() {
            return "instant in-process model";
        }
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        Duration warmUp = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60);
        Duration measured = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 30);
        Tokens tokens = new Tokens("benchmark-secret-of-at-least-32-bytes!!".getBytes(), Clock.systemUTC());
        PostgresDatabase database = PostgresDatabase.connect(TestPostgres.freshDatabaseUrl(), PostgresDatabase.DEFAULT_POOL_SIZE);
        database.migrate();
        try (Server server = Server.start(database, new InstantModel(), tokens, Server.Options.defaults());
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            URI base = URI.create("http://127.0.0.1:" + server.port());
            HttpClient client = HttpClient.newBuilder().executor(pool).build();
            run(client, base, tokens, pool, clients, warmUp);
            long start = System.nanoTime();
            List<Long> latencies = run(client, base, tokens, pool, clients, measured);
            double seconds = (System.nanoTime() - start) / 1e9;
            Collections.sort(latencies);
            System.out.printf("clients=%d turns=%d seconds=%.1f turns/s=%.0f p50=%.1fms p99=%.1fms max=%.1fms%n",
                    clients, latencies.size(), seconds, latencies.size() / seconds, percentile(latencies, 0.50),
                    percentile(latencies, 0.99), latencies.getLast() / 1e6);
        }
    }

    private static List<Long> run(HttpClient client, URI base, Tokens tokens, ExecutorService pool, int clients,
                                  Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String user = "bench-" + i;
            String token = tokens.issue(new UserId(user), Duration.ofHours(1));
            results.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                String conversation = null;
                while (System.nanoTime() < end) {
                    String body = conversation == null ? "{\"message\": \"what is open?\"}"
                            : "{\"message\": \"what is open?\", \"conversation_id\": \"" + conversation + "\"}";
                    long sent = System.nanoTime();
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                    base.resolve("/api/" + user + "/chat"))
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - sent);
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("status " + response.statusCode() + ": " + response.body());
                    }
                    if (conversation == null) {
                        int at = response.body().indexOf("\"conversation_id\":\"") + 19;
                        conversation = response.body().substring(at, at + 36);
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            all.addAll(result.get());
        }
        return all;
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size()))) / 1e6;
    }
}
