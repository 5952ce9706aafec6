package dev.todochat.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tool call the model asked for. {@code arguments} is a JSON-like map (String, Number, Boolean, List, Map, null);
 * adapters turn JSON into it and back.
 */
public record ToolCall(String id, String name, Map<String, Object> arguments) {
    public ToolCall {
        if (id == null || id.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("a tool call needs an id and a name");
        }
        arguments = arguments == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }
}
