package dev.todochat.llm.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The chat-completions endpoint over HTTP: one POST per attempt, each attempt bounded by its timeout (connecting,
 * sending, waiting and reading all count), and the retries that were granted for timeouts, connection failures,
 * 408, 409, 429 and 5xx, unless the service says {@code X-Should-Retry: false} (or asks for one with {@code true}).
 * A retry waits what the service asked for ({@code Retry-After-Ms} or {@code Retry-After}, up to a minute), else an
 * exponential backoff from 0.5 s to 8 s with jitter. Only the exchange up to the status is retried: once a reply's
 * body is being read, and for a stream once its text is being handed out, a failure ends the call.
 */
final class ChatCompletions {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Duration LONGEST_ASKED_WAIT = Duration.ofMinutes(1);
    private static final long ERROR_BODY_BYTES = 64 * 1024;

    private final Transport http;
    private final HttpUrl url;
    private final Headers fixedHeaders;
    private final Sleeper sleeper;
    private final Clock clock;

    ChatCompletions(Transport http, OpenAiSettings settings, Sleeper sleeper, Clock clock) {
        this.http = http;
        this.url = HttpUrl.get(settings.baseUrl() + "/chat/completions");
        Headers.Builder headers = new Headers.Builder()
                .add("Accept", "application/json")
                .add("User-Agent", "todochat");
        if (settings.apiKey() != null) {
            headers.add("Authorization", "Bearer " + settings.apiKey());
        }
        this.fixedHeaders = headers.build();
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** The time one call may take: each attempt's timeout, and how many retries may follow the first attempt. */
    record Attempts(Duration timeout, int retries) {
    }

    /** One completion, read whole. */
    JsonNode complete(byte[] body, Map<String, String> headers, Attempts attempts) throws IOException {
        try (Response response = send(body, headers, attempts)) {
            JsonNode completion = WireJson.MAPPER.readTree(response.body().byteStream());
            if (completion == null || !completion.isObject()) {
                throw new CallFault.Unreadable("the reply is not a JSON object");
            }
            return completion;
        } catch (JsonProcessingException notJson) {
            throw new CallFault.Unreadable("the reply is not JSON");
        }
    }

    /** One streamed completion: each server-sent event's chunk goes to {@code chunks}, in order. */
    void stream(byte[] body, Map<String, String> headers, Attempts attempts, StreamAssembly chunks)
            throws IOException {
        try (Response response = send(body, headers, attempts)) {
            BufferedSource source = response.body().source();
            ServerSentEvents events = new ServerSentEvents();
            for (String line = source.readUtf8Line(); line != null; line = source.readUtf8Line()) {
                if (events.line(line) && deliver(events, chunks)) {
                    return;
                }
            }
            deliver(events, chunks);
        }
    }

    /** @return true when the stream says it is done */
    private static boolean deliver(ServerSentEvents events, StreamAssembly chunks) {
        String data = events.data();
        String event = events.event();
        events.clear();
        if (data.isEmpty()) {
            return false;
        }
        if (data.startsWith("[DONE]")) {
            return true;
        }
        JsonNode chunk;
        try {
            chunk = WireJson.MAPPER.readTree(data);
        } catch (JsonProcessingException notJson) {
            throw new CallFault.Unreadable("a streamed chunk is not JSON");
        }
        if (chunk == null || !chunk.isObject()) {
            throw new CallFault.Unreadable("a streamed chunk is not a JSON object");
        }
        if ("error".equals(event) || chunk.has("error")) {
            throw new CallFault.StreamFailed();
        }
        chunks.add(chunk);
        return false;
    }

    /** The first successful response, after the retries that were granted and called for. */
    private Response send(byte[] body, Map<String, String> headers, Attempts attempts) throws IOException {
        Request.Builder request = new Request.Builder().url(url).headers(fixedHeaders)
                .post(RequestBody.create(body, JSON));
        headers.forEach(request::header);
        Request built = request.build();
        for (int retry = 1; ; retry++) {
            Call call = http.client().newCall(built);
            call.timeout().timeout(attempts.timeout().toNanos(), TimeUnit.NANOSECONDS);
            Response response;
            try {
                response = call.execute();
            } catch (IOException failed) {
                if (retry > attempts.retries()) {
                    throw failed;
                }
                pause(backoff(retry, null));
                continue;
            }
            if (response.isSuccessful()) {
                return response;
            }
            if (retry <= attempts.retries() && shouldRetry(response)) {
                Duration wait = backoff(retry, response.headers());
                response.close();
                pause(wait);
                continue;
            }
            throw answered(response);
        }
    }

    private static boolean shouldRetry(Response response) {
        String told = response.header("X-Should-Retry");
        if ("true".equalsIgnoreCase(told)) {
            return true;
        }
        if ("false".equalsIgnoreCase(told)) {
            return false;
        }
        int status = response.code();
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    private Duration backoff(int retry, Headers headers) {
        if (headers != null) {
            Duration asked = RetryAfter.exact(headers, clock).orElse(Duration.ZERO);
            if (asked.isPositive() && asked.compareTo(LONGEST_ASKED_WAIT) <= 0) {
                return asked;
            }
        }
        double seconds = Math.min(0.5 * Math.pow(2, retry - 1), 8.0);
        double jitter = 1.0 - 0.25 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofNanos((long) (seconds * jitter * 1e9));
    }

    private void pause(Duration wait) throws InterruptedIOException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }

    /** The error status, with the error object's type and code when the body is a JSON error (never its message). */
    private static CallFault.Answered answered(Response response) {
        String type = null;
        String code = null;
        try (response) {
            ResponseBody peeked = response.peekBody(ERROR_BODY_BYTES);
            JsonNode error = WireJson.MAPPER.readTree(peeked.bytes()).path("error");
            type = CompletionReplies.text(error.get("type"));
            code = error.path("code").isValueNode() && !error.path("code").isNull()
                    ? error.path("code").asText() : null;
        } catch (IOException | RuntimeException unreadable) {
            // the status is what matters; an unreadable body leaves type and code unknown
        }
        return new CallFault.Answered(response.code(), response.headers(), type, code);
    }

    /** The lines of a server-sent event stream, gathered into one event at a time. */
    private static final class ServerSentEvents {
        private final StringBuilder data = new StringBuilder();
        private String event;

        /** @return true when the line ends an event (a blank line) */
        boolean line(String line) {
            if (line.isEmpty()) {
                return true;
            }
            if (line.startsWith(":")) {
                return false;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("data")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(value);
            } else if (field.equals("event")) {
                event = value;
            }
            return false;
        }

        String data() {
            return data.toString();
        }

        String event() {
            return event;
        }

        void clear() {
            data.setLength(0);
            event = null;
        }
    }
}
