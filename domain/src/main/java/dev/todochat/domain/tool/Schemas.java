package dev.todochat.domain.tool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The output schemas of the task tools, built once. */
final class Schemas {
    private Schemas() {
    }

    static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        return schema;
    }

    static Map<String, Object> type(String type, String description) {
        return Map.of("type", type, "description", description);
    }

    static Map<String, Object> nullableString(String description) {
        return Map.of("type", List.of("string", "null"), "description", description);
    }

    /** One task as list_tasks shows it. */
    static Map<String, Object> task() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("task_id", type("integer", "The task's id"));
        properties.put("title", type("string", "The task's title"));
        properties.put("description", nullableString("The task's description, if any"));
        properties.put("completed", type("boolean", "Whether the task is done"));
        properties.put("created_at", type("string", "When the task was added (ISO 8601)"));
        return object(properties, List.of("task_id", "title", "completed"));
    }

    /** The result of a tool that acted on one task. */
    static Map<String, Object> taskChange(String status) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("task_id", type("integer", "The task's id"));
        properties.put("status", Map.of("type", "string", "enum", List.of(status)));
        properties.put("title", type("string", "The task's title"));
        properties.put("description", nullableString("The task's description, if any"));
        properties.put("completed", type("boolean", "Whether the task is done"));
        return object(properties, List.of("task_id", "status", "title"));
    }
}
