package dev.todochat.testing.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * An OpenAI-compatible chat-completions server on loopback for tests: real HTTP, so that a real client (openai-java
 * and its OkHttp) runs end to end, with no key and no network. Each request to {@code POST /v1/chat/completions}
 * (or {@code /chat/completions}) takes the next scripted step: a reply (as JSON, or as SSE chunks when the request
 * streams), or a fault (429 with {@code Retry-After}, any error status, a malformed body, a stall past the client's
 * timeout). Every request body is recorded as parsed JSON.
 *
 * <pre>{@code
 * try (OpenAiStub stub = OpenAiStub.start()) {
 *     stub.replyToolCalls(StubToolCall.of("call_1", "list_tasks", "{\"status\":\"all\"}"))
 *         .replyText("You have no tasks.");
 *     // point the client at stub.baseUrl(), then assert on stub.requests()
 * }
 * }</pre>
 *
 * <p>A request after the last step is answered loudly: HTTP 500 with a message saying so (and {@code X-Should-Retry:
 * false}), and {@link #ranOut()} turns true. Safe for concurrent requests; steps are taken in arrival order.
 */
public final class OpenAiStub implements AutoCloseable {
    private static final String JSON = "application/json";
    /** Room for a burst of connections, as a load of thousands of concurrent calls makes. */
    private static final int BACKLOG = 4096;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Deque<StubResponse> script = new ArrayDeque<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Responder responder;
    private int scripted;
    private boolean ranOut;

    /** Answers computed from each request instead of a script, for load. */
    private record Responder(Duration delay, Function<JsonNode, StubReply> answer) {
    }

    private OpenAiStub(Responder responder, int port) throws IOException {
        this.responder = responder;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a stub on 127.0.0.1 and a free port. */
    public static OpenAiStub start() {
        return start(null, 0);
    }

    /**
     * A stub for load rather than for a script: each request is answered, after {@code delay} (the model's thinking
     * time), with what {@code answer} makes of the request's JSON body. Requests are not recorded, so it can serve
     * any number of them.
     */
    public static OpenAiStub responding(Duration delay, Function<JsonNode, StubReply> answer) {
        return responding(0, delay, answer);
    }

    /**
     * As {@link #responding(Duration, Function)}, on loopback {@code port}: a stub started on the port of one that
     * was closed is the model service coming back after a restart, at the address its clients already have.
     */
    public static OpenAiStub responding(int port, Duration delay, Function<JsonNode, StubReply> answer) {
        return start(new Responder(delay, answer), port);
    }

    private static OpenAiStub start(Responder responder, int port) {
        try {
            return new OpenAiStub(responder, port);
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAI stub could not start", e);
        }
    }

    /** The base URL a client is given: {@code http://127.0.0.1:<port>/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Next, answer with {@code reply}. */
    public OpenAiStub reply(StubReply reply) {
        return then(new StubResponse.Answer(reply));
    }

    /** Next, answer in text; streamed, each piece is one delta. */
    public OpenAiStub replyText(String... pieces) {
        return reply(StubReply.text(pieces));
    }

    /** Next, ask for these tool calls, in this order, in one reply. */
    public OpenAiStub replyToolCalls(StubToolCall... calls) {
        return reply(StubReply.toolCalls(calls));
    }

    /** Next, HTTP 429 with {@code Retry-After: seconds}. */
    public OpenAiStub rateLimit(int retryAfterSeconds) {
        return respond(429, JSON, Completions.error("Rate limit reached (stub)", "rate_limit_exceeded"),
                Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    /** Next, {@code status} with an OpenAI-style error body. */
    public OpenAiStub fail(int status) {
        return respond(status, JSON, Completions.error("Stub failure " + status, "server_error"), Map.of());
    }

    /** Next, HTTP 200 with a body that is not JSON. */
    public OpenAiStub malformedBody() {
        return respond(200, JSON, "{\"id\": \"chatcmpl-broken\", \"choices\": [", Map.of());
    }

    /** Next, answer exactly this. */
    public OpenAiStub respond(int status, String contentType, String body, Map<String, String> headers) {
        return then(new StubResponse.Raw(status, contentType, body, headers));
    }

    /** Next, answer a text reply only after {@code delay}: set it longer than the client's timeout. */
    public OpenAiStub stall(Duration delay) {
        return then(new StubResponse.Stall(delay, StubReply.text("This answer comes too late.")));
    }

    /** Every request received, oldest first, including those that found the script used up. */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public synchronized RecordedRequest lastRequest() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("the OpenAI stub has received no request yet");
        }
        return requests.getLast();
    }

    /** How many scripted steps have not been used. */
    public synchronized int remaining() {
        return script.size();
    }

    /** Whether a request came after the script was used up. */
    public synchronized boolean ranOut() {
        return ranOut;
    }

    /** Stops the stub, cutting the connections open to it; closing it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private synchronized OpenAiStub then(StubResponse step) {
        script.addLast(step);
        scripted++;
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod())
                    || !(path.equals("/v1/chat/completions") || path.equals("/chat/completions"))) {
                send(exchange, new StubResponse.Raw(404, JSON, Completions.error("the OpenAI stub serves POST "
                        + "/v1/chat/completions only, not " + exchange.getRequestMethod() + " " + path,
                        "not_found"), Map.of()));
                return;
            }
            JsonNode body;
            try {
                body = Completions.parse(exchange.getRequestBody().readAllBytes());
            } catch (JsonProcessingException notJson) {
                send(exchange, new StubResponse.Raw(400, JSON, Completions.error("the OpenAI stub got a body that is not "
                        + "JSON", "invalid_request_error"), Map.of()));
                return;
            }
            RecordedRequest request = new RecordedRequest(path, exchange.getRequestHeaders(), body);
            if (responder != null) {
                if (!awaitClosing(responder.delay())) {
                    send(exchange, responder.answer().apply(body), request, 0);
                }
                return;
            }
            StubResponse step;
            int number;
            synchronized (this) {
                requests.add(request);
                number = requests.size();
                step = script.pollFirst();
                ranOut |= step == null;
            }
            if (step == null) {
                send(exchange, new StubResponse.Raw(500, JSON, Completions.error("the OpenAI stub ran out of script: "
                        + scripted + " steps were scripted and this is request " + number, "stub_script_exhausted"),
                        Map.of("X-Should-Retry", "false")));
                return;
            }
            answer(exchange, step, request, number);
        } finally {
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange, StubResponse step, RecordedRequest request, int number) throws IOException {
        switch (step) {
            case StubResponse.Answer answer -> send(exchange, answer.reply(), request, number);
            case StubResponse.Raw raw -> send(exchange, raw);
            case StubResponse.Stall stall -> {
                if (!awaitClosing(stall.delay())) {
                    send(exchange, stall.reply(), request, number);
                }
            }
        }
    }

    private void send(HttpExchange exchange, StubReply reply, RecordedRequest request, int number)
            throws IOException {
        String model = request.body().path("model").asText("stub-model");
        if (!request.streaming()) {
            send(exchange, new StubResponse.Raw(200, JSON, Completions.completion(reply, model, number), Map.of()));
            return;
        }
        boolean usage = request.body().path("stream_options").path("include_usage").asBoolean(false);
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (String event : Completions.chunks(reply, model, number, usage)) {
            out.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        out.close();
    }

    private static void send(HttpExchange exchange, StubResponse.Raw raw) throws IOException {
        byte[] bytes = raw.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", raw.contentType());
        raw.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(raw.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** @return whether the stub is closing */
    private boolean awaitClosing(Duration delay) {
        try {
            return closing.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
