package dev.todochat.testing.openai;

import java.time.Duration;
import java.util.Map;

/** One scripted answer of the stub. */
sealed interface StubResponse {
    /** A successful completion, as JSON or as a stream, whichever the request asks for. */
    record Answer(StubReply reply) implements StubResponse {
    }

    /** Exactly this status, content type, body and headers. */
    record Raw(int status, String contentType, String body, Map<String, String> headers) implements StubResponse {
        public Raw {
            headers = Map.copyOf(headers);
        }
    }

    /** The reply only after {@code delay} (or when the stub closes): a client with a shorter timeout gives up. */
    record Stall(Duration delay, StubReply reply) implements StubResponse {
    }
}
