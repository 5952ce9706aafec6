package dev.todochat.llm.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.todochat.domain.AssistantMessage;
import dev.todochat.domain.Message;
import dev.todochat.domain.ToolCall;
import dev.todochat.domain.ToolResultMessage;
import dev.todochat.domain.UserMessage;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The history window as chat-completions messages in the order every provider accepts: an assistant message with
 * {@code tool_calls} is followed at once by one tool message per call, with the same ids.
 *
 * <p>Defensive, because a provider rejects the whole request for one bad pairing: a tool result that does not
 * directly follow an assistant message holding its call is dropped; a call without a result is dropped from its
 * assistant message; an assistant message left with neither text nor calls is dropped.
 */
final class HistoryReplay {
    private HistoryReplay() {
    }

    /** Writes the replayed messages as elements of the JSON array {@code json} is in. */
    static void write(List<Message> history, JsonGenerator json) throws IOException {
        int i = 0;
        while (i < history.size()) {
            Message message = history.get(i++);
            switch (message) {
                case UserMessage user -> {
                    json.writeStartObject();
                    json.writeStringField("role", "user");
                    json.writeStringField("content", user.text());
                    json.writeEndObject();
                }
                case ToolResultMessage orphan -> {
                    // a result without its call right before it: dropped
                }
                case AssistantMessage assistant -> {
                    Map<String, ToolResultMessage> results = new LinkedHashMap<>();
                    while (i < history.size() && history.get(i) instanceof ToolResultMessage result) {
                        results.putIfAbsent(result.callId(), result);
                        i++;
                    }
                    writeAssistant(assistant, results, json);
                }
            }
        }
    }

    private static void writeAssistant(AssistantMessage assistant, Map<String, ToolResultMessage> results,
                                       JsonGenerator json) throws IOException {
        Map<String, ToolCall> answered = new LinkedHashMap<>();
        for (ToolCall call : assistant.toolCalls()) {
            if (results.containsKey(call.id())) {
                answered.putIfAbsent(call.id(), call);
            }
        }
        if (answered.isEmpty() && assistant.text().isEmpty()) {
            return;
        }
        json.writeStartObject();
        json.writeStringField("role", "assistant");
        if (!assistant.text().isEmpty()) {
            json.writeStringField("content", assistant.text());
        }
        if (!answered.isEmpty()) {
            json.writeArrayFieldStart("tool_calls");
            for (ToolCall call : answered.values()) {
                json.writeStartObject();
                json.writeStringField("id", call.id());
                json.writeStringField("type", "function");
                json.writeObjectFieldStart("function");
                json.writeStringField("name", call.name());
                json.writeStringField("arguments", Arguments.write(call.arguments()));
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
        for (ToolCall call : answered.values()) {
            json.writeStartObject();
            json.writeStringField("role", "tool");
            json.writeStringField("tool_call_id", call.id());
            json.writeStringField("content", Arguments.write(results.get(call.id()).result().value()));
            json.writeEndObject();
        }
    }
}
