package dev.todochat.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todochat.domain.ToolCall;
import dev.todochat.domain.Usage;
import dev.todochat.domain.port.ModelReply;

import java.util.ArrayList;
import java.util.List;

/**
 * A chat completion as the domain's {@link ModelReply}: the first choice's text (or its refusal), its tool calls in
 * order with their arguments parsed, and the tokens used. The streaming path builds its calls and usage here too, so
 * that both paths give the same reply.
 */
final class CompletionReplies {
    private CompletionReplies() {
    }

    static ModelReply of(JsonNode completion) {
        JsonNode choices = completion.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            throw new CallFault.Unreadable("the completion has no choices");
        }
        JsonNode message = choices.get(0).path("message");
        if (!message.isObject()) {
            throw new CallFault.Unreadable("the completion's choice has no message");
        }
        String text = text(message.get("content"));
        if (text == null) {
            text = text(message.get("refusal"));
        }
        List<ToolCall> calls = new ArrayList<>();
        JsonNode toolCalls = message.path("tool_calls");
        if (toolCalls.isArray()) {
            for (JsonNode call : toolCalls) {
                JsonNode function = call.path("function");
                if (!function.isObject()) {
                    throw new CallFault.Unreadable("a tool call is not a function call");
                }
                calls.add(toolCall(text(call.get("id")), text(function.get("name")),
                        text(function.get("arguments"))));
            }
        }
        return new ModelReply(text == null ? "" : text, calls, usage(completion.get("usage")));
    }

    static ToolCall toolCall(String id, String name, String arguments) {
        if (id == null || id.isBlank() || name == null || name.isBlank()) {
            throw new CallFault.Unreadable("a tool call lacks its id or its name");
        }
        return new ToolCall(id, name, Arguments.parse(arguments));
    }

    /** Missing counts read as zero: some compatible servers send a partial usage object; no object is no usage. */
    static Usage usage(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return Usage.NONE;
        }
        return new Usage(Math.max(0, usage.path("prompt_tokens").asLong(0)),
                Math.max(0, usage.path("completion_tokens").asLong(0)));
    }

    /** A string field's text; null when it is absent, null or not a string. */
    static String text(JsonNode value) {
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
