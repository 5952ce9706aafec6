package dev.todochat.domain.tool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Everything a model or an MCP client needs to know about one tool. Both faces are rendered from here.
 *
 * @param readOnly    the tool changes nothing
 * @param destructive the tool may destroy data
 * @param idempotent  calling it again with the same arguments has no further effect
 * @param output      the JSON Schema of a successful result (an object)
 */
public record ToolSpec(String name, String title, String description, List<ToolParameter> parameters,
                       boolean readOnly, boolean destructive, boolean idempotent, Map<String, Object> output) {
    public ToolSpec {
        parameters = List.copyOf(parameters);
        output = Map.copyOf(output);
    }

    /** The input as a JSON Schema object: properties, required names, and no other properties. */
    public Map<String, Object> inputSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (ToolParameter parameter : parameters) {
            properties.put(parameter.name(), parameter.schema());
            if (parameter.required()) {
                required.add(parameter.name());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    /**
     * The arguments as a person would write them, for messages about a missing one:
     * {@code {"task_id": 3, "title": "...", "description": optional}}.
     */
    public String argumentsExample() {
        StringJoiner fields = new StringJoiner(", ", "{", "}");
        for (ToolParameter parameter : parameters) {
            String value = !parameter.required() ? "optional"
                    : parameter.type() == ToolParameter.Type.INTEGER ? "3" : "\"...\"";
            fields.add("\"" + parameter.name() + "\": " + value);
        }
        return fields.toString();
    }
}
