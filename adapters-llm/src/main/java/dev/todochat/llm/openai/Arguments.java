package dev.todochat.llm.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Tool-call arguments and tool results between JSON text (what the wire carries) and the domain's JSON-like maps.
 *
 * <p>Arguments that are not a JSON object do not fail the turn: the call keeps its name and gets
 * {@code {"invalid_arguments_json": "<the text>"}}. The tool then answers with its usual error for a missing
 * argument (or, for {@code list_tasks}, lists everything), and the replayed history shows the model what it sent.
 * Empty or {@code null} arguments mean "no arguments", as some servers send for tools without parameters.
 */
final class Arguments {
    static final String INVALID = "invalid_arguments_json";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private Arguments() {
    }

    static Map<String, Object> parse(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            JsonNode node = WireJson.MAPPER.readTree(json);
            if (node == null || node.isNull()) {
                return Map.of();
            }
            if (node.isObject()) {
                return WireJson.MAPPER.convertValue(node, MAP);
            }
        } catch (JsonProcessingException notJson) {
            // falls through: the tool answers the marker below with an error the model can act on
        }
        return Map.of(INVALID, json);
    }

    static String write(Map<String, Object> value) {
        try {
            return WireJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a JSON-like map could not be written as JSON", e);
        }
    }
}
