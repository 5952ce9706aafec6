package dev.todochat.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todochat.domain.UserId;
import dev.todochat.http.Tokens;
import dev.todochat.persistence.PostgresDatabase;
import dev.todochat.testing.TestPostgres;
import dev.todochat.testing.openai.OpenAiStub;
import dev.todochat.testing.openai.StubReply;
import dev.todochat.testing.openai.StubToolCall;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole path of a turn under load, the model included: the server runs as in production ({@code Main serve} in
 * its own JVM) with the real OpenAI adapter (openai-java, OkHttp, TCP_NODELAY) calling an OpenAI-compatible stub over
 * loopback. After a fixed delay (the model's thinking time) the stub answers "add ..." with an {@code add_task} call,
 * a tool result or any other message with a short text. A closed loop of clients, each a user with one conversation,
 * sends tool-calling turns back to back (two model calls and one {@code add_task} each); the open loop sends one-call
 * turns.
 *
 * <p>It prints throughput, latency, failures by status, the most database connections the server had open and busy
 * at once (sampled every 20 ms from {@code pg_stat_activity}), the server's CPU per turn, the SQL statements and
 * transactions per turn and the connection hold time (from the server's {@code todochat.db.*} meters, when it has
 * them), and, halfway through the measured period, its resident memory (and, only when asked for, its live heap after
 * a full GC: a forced full GC stops the server, which would show in the latencies and the CPU measured). Not a test:
 * run it by hand or through {@code bench/turns.sh} (see {@code docs/benchmarks.md}).
 *
 * <p>Arguments: clients, model delay in ms, warm-up seconds, measured seconds (defaults 64, 0, 60, 30); or
 * {@code open} then turns per second, model delay, warm-up and measured seconds, for an open loop. System properties:
 * {@code benchmark.server.xmx} (default 2g), {@code benchmark.server.jvm} (more JVM options, such as a profiler),
 * {@code benchmark.server.classpath} (another build's server, such as its jar, to compare two versions under the same
 * load), {@code benchmark.server.jar} (another application with the same chat API, an executable jar given the same
 * environment: {@code DATABASE_URL}, {@code OPENAI_BASE_URL}, {@code OPENAI_API_KEY}, {@code OPENAI_MODEL},
 * {@code PORT}, and answering {@code GET /health}), {@code benchmark.liveheap} (force a full GC at half time to report
 * the live heap), {@code benchmark.rate.user} and {@code benchmark.rate.address} (the server's rate limits a minute; defaults
 * 1000000 and 0: on for users, off for the address all the load comes from).
 */
public final class ModelPathBenchmark {
    private static final String SECRET = "benchmark-secret-of-at-least-32-bytes!!";
    private static final Pattern HEAP_USED =
            Pattern.compile("garbage-first heap\\s+total reserved \\d+K, committed (\\d+)K, used (\\d+)K");

    private ModelPathBenchmark() {
    }

    /** The stub's model: an add_task call for "add ...", a text answer for a tool result or anything else. */
    private static StubReply answer(JsonNode request) {
        JsonNode messages = request.path("messages");
        JsonNode last = messages.get(messages.size() - 1);
        if ("tool".equals(last.path("role").asText())) {
            return StubReply.text("Added it to your list.");
        }
        if (!last.path("content").asText().startsWith("add ")) {
            return StubReply.text("Hello! Tell me what to add to your list.");
        }
        return StubReply.toolCalls(
                StubToolCall.of("call_" + messages.size(), "add_task", "{\"title\":\"benchmark task\"}"));
    }

    public static void main(String[] args) throws Exception {
        // The JDK's HttpServer, which the stub is, leaves Nagle's algorithm on unless told otherwise: its header and
        // body writes then wait for delayed ACKs (about 40 ms a call), which would be the stub's cost, not todochat's.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        boolean open = args.length > 0 && args[0].equals("open");
        String[] rest = open ? Arrays.copyOfRange(args, 1, args.length) : args;
        double clientsOrRate = rest.length > 0 ? Double.parseDouble(rest[0]) : 64;
        Duration delay = Duration.ofMillis(rest.length > 1 ? Long.parseLong(rest[1]) : 0);
        Duration warmUp = Duration.ofSeconds(rest.length > 2 ? Long.parseLong(rest[2]) : 60);
        Duration measured = Duration.ofSeconds(rest.length > 3 ? Long.parseLong(rest[3]) : 30);
        Tokens tokens = new Tokens(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
        String databaseUrl = TestPostgres.freshDatabaseUrl();
        Path workDir = Files.createTempDirectory("todochat-benchmark");
        try (OpenAiStub model = OpenAiStub.responding(delay, ModelPathBenchmark::answer);
             Instance server = Instance.start("server", Map.of(
                     "DATABASE_URL", databaseUrl,
                     "JWT_SECRET", SECRET,
                     "OPENAI_BASE_URL", model.baseUrl(),
                     "OPENAI_API_KEY", "sk-benchmark",
                     "OPENAI_MODEL", "benchmark-model",
                     "RATE_LIMIT_USER_PER_MINUTE", System.getProperty("benchmark.rate.user", "1000000"),
                     "RATE_LIMIT_ADDRESS_PER_MINUTE", System.getProperty("benchmark.rate.address", "0"),
                     "TODOCHAT_LOG_LEVEL", "WARN"), workDir, serverJvmOptions());
             PostgresDatabase watcher = PostgresDatabase.connect(databaseUrl, 1);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
             HttpClient client = HttpClient.newBuilder().executor(pool).build()) {
            LoadShape load = open ? new OpenLoad(server, tokens, clientsOrRate)
                    : new Load(server, client, tokens, (int) clientsOrRate);
            Result warm = load.run(pool, warmUp, () -> { });
            System.out.printf("warm-up: turns=%d failures=%s%n", warm.latencies().size(), warm.failures());

            ConnectionSampler connections = new ConnectionSampler(watcher);
            Future<?> sampling = pool.submit(connections);
            ServerMeters metersBefore = ServerMeters.scrape(client, server);
            long serverCpu = cpuNanos(server.process());
            long ownCpu = ownCpuNanos();
            long start = System.nanoTime();
            Memory[] memory = new Memory[1];
            boolean liveHeap = Boolean.getBoolean("benchmark.liveheap");
            Result result = load.run(pool, measured, () -> memory[0] = Memory.of(server.process(), liveHeap));
            double seconds = (System.nanoTime() - start) / 1e9;
            double serverCpuMs = (cpuNanos(server.process()) - serverCpu) / 1e6;
            double ownCpuMs = (ownCpuNanos() - ownCpu) / 1e6;
            sampling.cancel(true);
            ServerMeters meters = ServerMeters.scrape(client, server);

            List<Long> latencies = result.latencies();
            Collections.sort(latencies);
            int turns = latencies.size();
            System.out.printf("%s model-delay=%dms turns=%d seconds=%.1f turns/s=%.1f p50=%.1fms p95=%.1fms"
                            + " p99=%.1fms max=%.1fms failures=%s%n",
                    load.describe(), delay.toMillis(), turns, seconds, turns / seconds, percentile(latencies, 0.50),
                    percentile(latencies, 0.95), percentile(latencies, 0.99),
                    turns == 0 ? 0 : latencies.getLast() / 1e6, result.failures());
            System.out.println(meters.perTurn(metersBefore, turns + result.failures().values().stream()
                    .mapToInt(Integer::intValue).sum()));
            System.out.printf("db-connections open<=%d busy<=%d  server-cpu=%.2fms/turn (%.2f cores)"
                            + "  stub+load-cpu=%.2fms/turn  in-flight-at-sample=%d%n",
                    connections.mostOpen.get(), connections.mostBusy.get(), serverCpuMs / Math.max(1, turns),
                    serverCpuMs / 1000 / seconds, ownCpuMs / Math.max(1, turns), result.inFlightAtSample());
            if (memory[0] != null && liveHeap) {
                System.out.printf("server memory at half time: live heap after full GC=%d MB (committed %d MB),"
                        + " RSS=%d MB%n", memory[0].liveHeapKb() / 1024, memory[0].committedHeapKb() / 1024,
                        memory[0].rssKb() / 1024);
            } else if (memory[0] != null) {
                System.out.printf("server memory at half time: RSS=%d MB (live heap not measured:"
                        + " -Dbenchmark.liveheap=true forces a full GC to see it)%n", memory[0].rssKb() / 1024);
            }
        }
    }

    /** {@code -Xmx} (2g unless told), and whatever {@code benchmark.server.jvm} adds (a profiler, say). */
    private static List<String> serverJvmOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx" + System.getProperty("benchmark.server.xmx", "2g")));
        String extra = System.getProperty("benchmark.server.jvm", "").strip();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        return options;
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size()))) / 1e6;
    }

    private static final Pattern ERROR_CODE = Pattern.compile("\"error\"\\s*:\\s*\"([A-Za-z]+)\"");

    /** The API error's code in an answer ({@code " ServerBusy"}, say), so that refusals of different kinds count apart. */
    private static String errorOf(String answer) {
        Matcher code = ERROR_CODE.matcher(answer);
        return code.find() ? " " + code.group(1) : "";
    }

    private record Result(List<Long> latencies, Map<String, Integer> failures, int inFlightAtSample) {
    }

    /** A way of sending turns for a while. */
    private interface LoadShape {
        /** Runs for {@code duration}; {@code atHalfTime} runs once, halfway. */
        Result run(ExecutorService pool, Duration duration, Runnable atHalfTime) throws Exception;

        String describe();
    }

    /**
     * An open loop: a new turn every 1/rate seconds whatever the server's answers, each from a new conversation on a
     * new TCP connection (raw HTTP/1.1 with {@code Connection: close}), as independent users arrive. Latency counts
     * from the moment a turn was due, so a server that falls behind shows it (no coordinated omission). Turns due in
     * the period are all awaited, including those that finish after it ends.
     */
    private static final class OpenLoad implements LoadShape {
        private static final int USERS = 1_000;
        private final Instance server;
        private final double rate;
        private final List<String> tokens = new ArrayList<>();

        OpenLoad(Instance server, Tokens issuer, double rate) {
            this.server = server;
            this.rate = rate;
            for (int i = 0; i < USERS; i++) {
                tokens.add(issuer.issue(new UserId("open-" + i), Duration.ofHours(2)));
            }
        }

        @Override
        public String describe() {
            return "open-loop rate=" + rate + "/s";
        }

        @Override
        public Result run(ExecutorService pool, Duration duration, Runnable atHalfTime) throws Exception {
            long interval = (long) (1e9 / rate);
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            AtomicInteger inFlight = new AtomicInteger();
            Map<String, LongAdder> failures = new ConcurrentHashMap<>();
            List<Future<Long>> turns = new ArrayList<>();
            int inFlightAtSample = -1;
            int n = 0;
            for (long due = start; due < end; due += interval, n++) {
                LockSupport.parkNanos(due - System.nanoTime());
                if (inFlightAtSample < 0 && due - start >= duration.toNanos() / 2) {
                    inFlightAtSample = inFlight.get();
                    pool.submit(atHalfTime);
                }
                long dueAt = due;
                String user = "open-" + (n % USERS);
                String token = tokens.get(n % USERS);
                turns.add(pool.submit(() -> turn(user, token, dueAt, inFlight, failures)));
            }
            List<Long> latencies = new ArrayList<>();
            for (Future<Long> turn : turns) {
                Long latency = turn.get();
                if (latency != null) {
                    latencies.add(latency);
                }
            }
            Map<String, Integer> counted = new TreeMap<>();
            failures.forEach((kind, count) -> counted.put(kind, count.intValue()));
            return new Result(latencies, counted, inFlightAtSample);
        }

        /** @return the latency from when the turn was due, or null when it failed */
        private Long turn(String user, String token, long due, AtomicInteger inFlight,
                          Map<String, LongAdder> failures) {
            inFlight.incrementAndGet();
            byte[] body = "{\"message\": \"hello\"}".getBytes(StandardCharsets.UTF_8);
            URI base = server.uri("/");
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/" + user + "/chat HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                        + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                String status = answer.length() >= 12 ? answer.substring(9, 12) : "none";
                if (status.equals("200")) {
                    return System.nanoTime() - due;
                }
                failures.computeIfAbsent("http " + status + errorOf(answer), k -> new LongAdder()).increment();
                return null;
            } catch (IOException e) {
                failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                return null;
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    /** Clients in a closed loop, each a user with one conversation; the conversations persist across runs. */
    private static final class Load implements LoadShape {
        private final Instance server;
        private final HttpClient client;
        private final List<String> users = new ArrayList<>();
        private final List<String> tokens = new ArrayList<>();
        private final Map<String, String> conversations = new ConcurrentHashMap<>();

        Load(Instance server, HttpClient client, Tokens issuer, int clients) {
            this.server = server;
            this.client = client;
            for (int i = 0; i < clients; i++) {
                users.add("bench-" + i);
                tokens.add(issuer.issue(new UserId("bench-" + i), Duration.ofHours(2)));
            }
        }

        @Override
        public String describe() {
            return "clients=" + users.size();
        }

        /** Runs for {@code duration}; {@code atHalfTime} runs once, halfway, while every client is busy. */
        @Override
        public Result run(ExecutorService pool, Duration duration, Runnable atHalfTime) throws Exception {
            long end = System.nanoTime() + duration.toNanos();
            AtomicInteger inFlight = new AtomicInteger();
            Map<String, LongAdder> failures = new ConcurrentHashMap<>();
            List<Future<List<Long>>> clients = new ArrayList<>();
            for (int i = 0; i < users.size(); i++) {
                String user = users.get(i);
                String token = tokens.get(i);
                clients.add(pool.submit(() -> turns(user, token, end, inFlight, failures)));
            }
            Waiting.pause(duration.dividedBy(2));
            int inFlightAtSample = inFlight.get();
            atHalfTime.run();
            List<Long> latencies = new ArrayList<>();
            for (Future<List<Long>> one : clients) {
                latencies.addAll(one.get());
            }
            Map<String, Integer> counted = new TreeMap<>();
            failures.forEach((kind, count) -> counted.put(kind, count.intValue()));
            return new Result(latencies, counted, inFlightAtSample);
        }

        private List<Long> turns(String user, String token, long end, AtomicInteger inFlight,
                                 Map<String, LongAdder> failures) {
            List<Long> latencies = new ArrayList<>();
            while (System.nanoTime() < end) {
                String conversation = conversations.get(user);
                String body = conversation == null ? "{\"message\": \"add benchmark task\"}"
                        : "{\"message\": \"add benchmark task\", \"conversation_id\": \"" + conversation + "\"}";
                long sent = System.nanoTime();
                inFlight.incrementAndGet();
                try {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                    server.uri("/api/" + user + "/chat"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        latencies.add(System.nanoTime() - sent);
                        int at = response.body().indexOf("\"conversation_id\":\"") + 19;
                        conversations.putIfAbsent(user, response.body().substring(at, at + 36));
                    } else {
                        failures.computeIfAbsent("http " + response.statusCode() + errorOf(response.body()),
                                k -> new LongAdder()).increment();
                    }
                } catch (IOException e) {
                    failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } finally {
                    inFlight.decrementAndGet();
                }
            }
            return latencies;
        }
    }

    /**
     * The server's own {@code todochat.db.*} meters from {@code GET /metrics}: statements and transactions run, and the
     * connection hold time's quantiles (over the last minute or so). A server without them (an older build) reports
     * none.
     */
    private record ServerMeters(double statements, double transactions, double holdP50, double holdP99) {
        private static final Pattern LINE = Pattern.compile("^(todochat_db_[a-z_]+)(\\{[^}]*})? ([0-9.eE+-]+|NaN)$",
                Pattern.MULTILINE);

        static ServerMeters scrape(HttpClient client, Instance server) {
            Map<String, Double> values = new TreeMap<>();
            try {
                String text = client.send(HttpRequest.newBuilder(server.uri("/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher line = LINE.matcher(text);
                while (line.find()) {
                    values.put(line.group(1) + (line.group(2) == null ? "" : line.group(2)),
                            Double.parseDouble(line.group(3)));
                }
            } catch (IOException e) {
                return new ServerMeters(-1, -1, -1, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new ServerMeters(-1, -1, -1, -1);
            }
            return new ServerMeters(values.getOrDefault("todochat_db_statements_total", -1.0),
                    values.getOrDefault("todochat_db_transactions_total", -1.0),
                    values.getOrDefault("todochat_db_connection_hold_seconds{quantile=\"0.5\"}", -1.0),
                    values.getOrDefault("todochat_db_connection_hold_seconds{quantile=\"0.99\"}", -1.0));
        }

        String perTurn(ServerMeters before, int turns) {
            if (statements < 0) {
                return "sql per turn: not measured (the server has no todochat.db meters)";
            }
            return String.format("sql per turn: statements=%.2f transactions=%.2f  connection hold p50=%.2fms"
                            + " p99=%.2fms", (statements - before.statements) / Math.max(1, turns),
                    (transactions - before.transactions) / Math.max(1, turns), holdP50 * 1e3, holdP99 * 1e3);
        }
    }

    /** The most connections the server had open, and busy (in a statement or a transaction), at once. */
    private static final class ConnectionSampler implements Runnable {
        private final PostgresDatabase watcher;
        private final AtomicInteger mostOpen = new AtomicInteger();
        private final AtomicInteger mostBusy = new AtomicInteger();

        ConnectionSampler(PostgresDatabase watcher) {
            this.watcher = watcher;
        }

        @Override
        public void run() {
            try (Connection connection = watcher.dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                while (!Thread.currentThread().isInterrupted()) {
                    try (ResultSet counts = statement.executeQuery("SELECT count(*), count(*) FILTER (WHERE state"
                            + " <> 'idle') FROM pg_stat_activity WHERE datname = current_database()"
                            + " AND pid <> pg_backend_pid()")) {
                        counts.next();
                        mostOpen.accumulateAndGet(counts.getInt(1), Math::max);
                        mostBusy.accumulateAndGet(counts.getInt(2), Math::max);
                    }
                    Waiting.pause(Duration.ofMillis(20));
                }
            } catch (SQLException e) {
                if (!Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** The server's resident set size, and when asked for its live heap after a full GC ({@code jcmd}). */
    private record Memory(long liveHeapKb, long committedHeapKb, long rssKb) {
        static Memory of(ProcessHandle process, boolean liveHeap) {
            try {
                Matcher heap = HEAP_USED.matcher(liveHeap ? jcmd(process, "GC.run") + jcmd(process, "GC.heap_info") : "");
                long rss = Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                        .filter(line -> line.startsWith("VmRSS:"))
                        .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                        .findFirst().orElse(-1);
                return heap.find()
                        ? new Memory(Long.parseLong(heap.group(2)), Long.parseLong(heap.group(1)), rss)
                        : new Memory(-1, -1, rss);
            } catch (IOException e) {
                return new Memory(-1, -1, -1);
            }
        }

        private static String jcmd(ProcessHandle process, String command) throws IOException {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), command).redirectErrorStream(true).start();
            try {
                String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                jcmd.waitFor();
                return output;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }
    }
}
