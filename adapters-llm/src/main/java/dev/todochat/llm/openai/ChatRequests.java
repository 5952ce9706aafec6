package dev.todochat.llm.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.todochat.domain.port.Prompt;
import dev.todochat.domain.tool.ToolSpec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One chat-completions request body from a prompt, written once, straight to JSON bytes: the model, the system prompt
 * first, the replayed history, the tools, and only the optional settings that were given. The parts that are the same
 * in every request are made once: the tools' JSON (for the specs last seen, which are the same list turn after turn)
 * and the system prompt (for the day last seen).
 */
final class ChatRequests {

    private final OpenAiSettings settings;
    private final SystemPrompt systemPrompt;
    private final AtomicReference<Tools> tools = new AtomicReference<>(new Tools(List.of(), "[]"));

    ChatRequests(OpenAiSettings settings, SystemPrompt systemPrompt) {
        this.settings = settings;
        this.systemPrompt = systemPrompt;
    }

    /**
     * @param streaming whether the reply is to be streamed (then with the usage in a last chunk)
     */
    byte[] body(Prompt prompt, boolean streaming) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (JsonGenerator json = WireJson.MAPPER.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("model", settings.model());
            json.writeArrayFieldStart("messages");
            json.writeStartObject();
            json.writeStringField("role", "system");
            json.writeStringField("content", systemPrompt.render(prompt.now()));
            json.writeEndObject();
            HistoryReplay.write(prompt.history(), json);
            json.writeEndArray();
            if (!prompt.tools().isEmpty()) {
                json.writeFieldName("tools");
                json.writeRawValue(toolsFor(prompt.tools()));
            }
            if (settings.temperature() != null) {
                json.writeNumberField("temperature", settings.temperature());
            }
            if (settings.maxOutputTokens() != null) {
                json.writeNumberField("max_completion_tokens", settings.maxOutputTokens().longValue());
            }
            if (streaming) {
                json.writeBooleanField("stream", true);
                json.writeObjectFieldStart("stream_options");
                json.writeBooleanField("include_usage", true);
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a chat request could not be written", e);
        }
        return bytes.toByteArray();
    }

    private String toolsFor(List<ToolSpec> specs) {
        Tools built = tools.get();
        if (built.specs() != specs && !built.specs().equals(specs)) {
            built = new Tools(specs, render(specs));
            tools.set(built);
        }
        return built.json();
    }

    /** Specs and the JSON array of tools rendered from them. */
    private record Tools(List<ToolSpec> specs, String json) {
    }

    private static String render(List<ToolSpec> specs) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JsonGenerator json = WireJson.MAPPER.createGenerator(bytes)) {
                json.writeStartArray();
                for (ToolSpec spec : specs) {
                    json.writeStartObject();
                    json.writeStringField("type", "function");
                    json.writeObjectFieldStart("function");
                    json.writeStringField("name", spec.name());
                    json.writeStringField("description", spec.description());
                    json.writeObjectField("parameters", spec.inputSchema());
                    json.writeEndObject();
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the tool specs could not be written as JSON", e);
        }
    }
}
