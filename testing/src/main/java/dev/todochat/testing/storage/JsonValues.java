package dev.todochat.testing.storage;

import dev.todochat.domain.ToolResult;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON-like values as they come back from PostgreSQL's jsonb columns: every whole number a {@code Long}, every other
 * number a {@code Double}, maps keeping their order. Storing them this way here makes a spec that passes in memory
 * see what it would see on PostgreSQL.
 */
final class JsonValues {
    private JsonValues() {
    }

    static ToolResult asStored(ToolResult result) {
        return new ToolResult(result.isError(), asStored(result.value()));
    }

    static Map<String, Object> asStored(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, value(value)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object value(Object value) {
        return switch (value) {
            case null -> null;
            case Map<?, ?> map -> asStored((Map<String, Object>) map);
            case List<?> list -> {
                List<Object> copy = new ArrayList<>(list.size());
                list.forEach(item -> copy.add(value(item)));
                yield copy;
            }
            case Integer number -> number.longValue();
            case Short number -> number.longValue();
            case Byte number -> number.longValue();
            case BigInteger number -> number.longValue();
            case Float number -> number.doubleValue();
            case BigDecimal number -> number.doubleValue();
            default -> value;
        };
    }
}
