package dev.todochat.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a tool answered: a JSON-like object. An error result carries {@code {"error": "..."}} with a message the
 * model can act on; it is an answer, not an exception.
 */
public record ToolResult(boolean isError, Map<String, Object> value) {
    public ToolResult {
        value = Collections.unmodifiableMap(new LinkedHashMap<>(value));
    }

    public static ToolResult ok(Map<String, Object> value) {
        return new ToolResult(false, value);
    }

    public static ToolResult error(String message) {
        return new ToolResult(true, Map.of("error", message));
    }

    /** The error message, or null for a successful result. */
    public String errorMessage() {
        return isError ? String.valueOf(value.get("error")) : null;
    }
}
