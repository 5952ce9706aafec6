package dev.todochat.persistence.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.todochat.domain.ToolCall;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The jsonb columns of the transcript: tool calls as {@code [{"id", "name", "arguments"}]} and tool results as the
 * object itself. Whole numbers come back as {@code Long} whatever their size, so a task id written as a long reads
 * back equal; fractions come back as {@code Double}.
 */
final class JsonColumns {
    private static final TypeReference<List<Map<String, Object>>> LIST_OF_OBJECTS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    /** Buffers from a pool shared by all threads: Jackson's default keeps them per thread, and each turn is a new one. */
    private final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                    .build())
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();

    String writeToolCalls(List<ToolCall> calls) {
        List<Map<String, Object>> rows = new ArrayList<>(calls.size());
        for (ToolCall call : calls) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", call.id());
            row.put("name", call.name());
            row.put("arguments", call.arguments());
            rows.add(row);
        }
        return write(rows);
    }

    @SuppressWarnings("unchecked")
    List<ToolCall> readToolCalls(String json) {
        if (json == null) {
            return List.of();
        }
        List<ToolCall> calls = new ArrayList<>();
        for (Map<String, Object> row : read(json, LIST_OF_OBJECTS)) {
            calls.add(new ToolCall((String) row.get("id"), (String) row.get("name"),
                    (Map<String, Object>) row.get("arguments")));
        }
        return calls;
    }

    String writeObject(Map<String, Object> value) {
        return write(value);
    }

    Map<String, Object> readObject(String json) {
        return read(json, OBJECT);
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not write a jsonb column", e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not read a jsonb column", e);
        }
    }
}
