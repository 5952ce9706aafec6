package dev.todochat.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium, driven over the Chrome DevTools Protocol with the JDK's WebSocket: one page, real
 * keyboard and mouse events, JavaScript to look at the result, screenshots, and a record of every dialog the page
 * opened. No browser is downloaded: without {@code /usr/bin/chromium} the test fails and says how to install it.
 */
final class Chromium implements AutoCloseable {
    private static final Path BINARY = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration COMMAND = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final List<String> output;
    private final WebSocket socket;
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> dialogs = new CopyOnWriteArrayList<>();
    private final CompletableFuture<JsonNode> firstDialog = new CompletableFuture<>();
    private final AtomicLong ids = new AtomicLong();
    private final String session;
    private volatile CompletableFuture<Void> nextLoad = new CompletableFuture<>();

    private Chromium(Process process, Path profile, List<String> output, URI devTools) {
        this.process = process;
        this.profile = profile;
        this.output = output;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(devTools, new Listener()).join();
        String target = command(null, "Target.createTarget", params().put("url", "about:blank")).get("targetId").asText();
        this.session = command(null, "Target.attachToTarget", params().put("targetId", target).put("flatten", true))
                .get("sessionId").asText();
        send("Page.enable", params());
        send("Runtime.enable", params());
    }

    /** Starts a headless Chromium with a fresh profile, or fails saying that Chromium must be installed. */
    static Chromium launch() throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError("The browser test needs Debian's Chromium at " + BINARY + " (apt-get install -y"
                    + " chromium; .ci/run installs it in CI). No browser is downloaded. Set CHROMIUM to use another"
                    + " binary.");
        }
        Path profile = Files.createTempDirectory("todochat-chromium");
        Process process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<URI> devTools = new CompletableFuture<>();
        Thread.ofVirtual().name("chromium-stderr").start(() -> readErrors(process, output, devTools));
        try {
            return new Chromium(process, profile, output, devTools.get(STARTUP.toSeconds(), TimeUnit.SECONDS));
        } catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not offer the DevTools protocol within " + STARTUP + ": " + output,
                    e);
        }
    }

    /** Emulates a screen of this size; {@code mobile} also gives a phone's viewport rules. */
    void viewport(int width, int height, boolean mobile) {
        send("Emulation.setDeviceMetricsOverride", params().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", mobile));
    }

    /** Opens {@code url} and waits for its load event (its deferred scripts have run by then). */
    void open(String url) {
        loading("Page.navigate", params().put("url", url));
    }

    void reload() {
        loading("Page.reload", params());
    }

    /** The value of a JavaScript expression in the page (awaited when it is a promise). */
    JsonNode evaluate(String expression) {
        JsonNode result = send("Runtime.evaluate", params().put("expression", expression).put("returnByValue", true)
                .put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("the page's JavaScript failed: " + result.get("exceptionDetails"));
        }
        return result.get("result").path("value");
    }

    /** Waits, inside the page, until {@code condition} holds; fails naming {@code what} after ten seconds. */
    void waitFor(String condition, String what) {
        String poll = "new Promise(resolve => { const end = Date.now() + 10000; (function check() {"
                + " let ok = false; try { ok = Boolean(" + condition + "); } catch (e) { ok = false; }"
                + " if (ok || Date.now() > end) { resolve(ok); } else { setTimeout(check, 25); } })(); })";
        JsonNode held = send("Runtime.evaluate", params().put("expression", poll).put("returnByValue", true)
                .put("awaitPromise", true)).get("result").path("value");
        if (!held.asBoolean()) {
            throw new AssertionError("timed out waiting until " + what + " (" + condition + ")");
        }
    }

    /** Types text into the focused element, as an input method would. */
    void type(String text) {
        send("Input.insertText", params().put("text", text));
    }

    /** Presses and releases Enter, with Shift held when {@code shift}, as a keyboard would. */
    void pressEnter(boolean shift) {
        key(params().put("type", "keyDown").put("text", "\r"), "Enter", 13, shift);
        key(params().put("type", "keyUp"), "Enter", 13, shift);
    }

    /** Presses and releases Tab, moving the focus. */
    void pressTab() {
        key(params().put("type", "rawKeyDown"), "Tab", 9, false);
        key(params().put("type", "keyUp"), "Tab", 9, false);
    }

    private void key(ObjectNode event, String key, int keyCode, boolean shift) {
        send("Input.dispatchKeyEvent", event.put("key", key).put("code", key).put("windowsVirtualKeyCode", keyCode)
                .put("modifiers", shift ? 8 : 0));
    }

    /** Clicks the middle of the element that {@code element} (a JavaScript expression) finds. */
    void click(String element) {
        JsonNode box = evaluate("(() => { const e = " + element + "; e.scrollIntoView({block: 'center'});"
                + " const r = e.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
        for (String type : new String[] {"mousePressed", "mouseReleased"}) {
            send("Input.dispatchMouseEvent", params().put("type", type).put("x", box.get("x").asDouble())
                    .put("y", box.get("y").asDouble()).put("button", "left").put("clickCount", 1));
        }
    }

    /** The dialogs (alert, confirm, prompt) the page has opened so far. */
    List<JsonNode> dialogs() {
        return List.copyOf(dialogs);
    }

    /** Waits for the first dialog the page opens, and tells what it said. */
    JsonNode firstDialog() {
        try {
            return firstDialog.get(COMMAND.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a dialog", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the page opened no dialog within " + COMMAND, e);
        }
    }

    /** Closes an open dialog, as a person clicking OK would. */
    void acceptDialog() {
        send("Page.handleJavaScriptDialog", params().put("accept", true));
    }

    void screenshot(Path file) throws IOException {
        String png = send("Page.captureScreenshot", params().put("format", "png")).get("data").asText();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private void loading(String method, ObjectNode params) {
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        nextLoad = loaded;
        send(method, params);
        try {
            loaded.get(COMMAND.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while the page loaded", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the page did not load within " + COMMAND, e);
        }
    }

    private JsonNode send(String method, ObjectNode params) {
        return command(session, method, params);
    }

    private JsonNode command(String sessionId, String method, ObjectNode params) {
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(message.toString(), true).join();
        try {
            JsonNode reply = answer.get(COMMAND.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new AssertionError(method + " failed: " + reply.get("error"));
            }
            return reply.get("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while Chromium ran " + method, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("Chromium did not answer " + method + " within " + COMMAND + "; its output: "
                    + output, e);
        } finally {
            pending.remove(id);
        }
    }

    private static ObjectNode params() {
        return JSON.createObjectNode();
    }

    private static void readErrors(Process process, List<String> output, CompletableFuture<URI> devTools) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("DevTools listening on ")) {
                    devTools.complete(URI.create(line.substring("DevTools listening on ".length()).strip()));
                } else if (output.size() < 200) {
                    output.add(line);
                }
            }
            devTools.completeExceptionally(new IllegalStateException("Chromium exited: " + output));
        } catch (IOException e) {
            devTools.completeExceptionally(new UncheckedIOException(e));
        }
    }

    /** Collects each text message from its fragments, then answers the command it replies to or records the event. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                receive(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        private void receive(String message) {
            JsonNode node;
            try {
                node = JSON.readTree(message);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (node.has("id")) {
                CompletableFuture<JsonNode> answer = pending.get(node.get("id").asLong());
                if (answer != null) {
                    answer.complete(node);
                }
            } else if ("Page.javascriptDialogOpening".equals(node.path("method").asText())) {
                dialogs.add(node.get("params"));
                firstDialog.complete(node.get("params"));
            } else if ("Page.loadEventFired".equals(node.path("method").asText())) {
                nextLoad.complete(null);
            }
        }
    }
}
