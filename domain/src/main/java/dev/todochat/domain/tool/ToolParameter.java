package dev.todochat.domain.tool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One parameter of a tool: its JSON type and the limits the tool enforces. Nulls mean "no such limit". */
public record ToolParameter(String name, Type type, String description, boolean required,
                            Integer minLength, Integer maxLength, Long minimum, List<String> allowed,
                            String defaultValue) {
    public enum Type { STRING, INTEGER }

    public ToolParameter {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    public static ToolParameter text(String name, String description, boolean required, int minLength, int maxLength) {
        return new ToolParameter(name, Type.STRING, description, required, minLength, maxLength, null, null, null);
    }

    public static ToolParameter id(String name, String description) {
        return new ToolParameter(name, Type.INTEGER, description, true, null, null, 1L, null, null);
    }

    public static ToolParameter choice(String name, String description, List<String> allowed, String defaultValue) {
        return new ToolParameter(name, Type.STRING, description, false, null, null, null, allowed, defaultValue);
    }

    /** This parameter as a JSON Schema property. */
    public Map<String, Object> schema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type == Type.STRING ? "string" : "integer");
        schema.put("description", description);
        if (minLength != null) {
            schema.put("minLength", minLength);
        }
        if (maxLength != null) {
            schema.put("maxLength", maxLength);
        }
        if (minimum != null) {
            schema.put("minimum", minimum);
        }
        if (!allowed.isEmpty()) {
            schema.put("enum", allowed);
        }
        if (defaultValue != null) {
            schema.put("default", defaultValue);
        }
        return schema;
    }
}
