package dev.todochat.testing.openai;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A request the stub received: its path, headers (names in any case) and the body as parsed JSON. */
public record RecordedRequest(String path, Map<String, List<String>> headers, JsonNode body) {
    public RecordedRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
    }

    /** The first value of a header. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name)).flatMap(values -> values.stream().findFirst());
    }

    /** The request's messages, as the provider received them. */
    public JsonNode messages() {
        return body.path("messages");
    }

    public boolean streaming() {
        return body.path("stream").asBoolean(false);
    }
}
