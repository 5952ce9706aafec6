package dev.todochat.testing.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Chat-completions bodies as OpenAI writes them: one completion object, or the chunks of a stream (a role chunk, one
 * chunk per text piece, for each tool call a chunk with its id and name and two with halves of its arguments, a
 * finish chunk, and a usage chunk with no choices when the request asked for usage).
 */
final class Completions {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Completions() {
    }

    static JsonNode parse(byte[] body) throws IOException {
        return JSON.readTree(body);
    }

    static String write(JsonNode node) {
        return node.toString();
    }

    static String completion(StubReply reply, String model, int number) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant");
        if (reply.textPieces().isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", reply.text());
        }
        if (!reply.toolCalls().isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            reply.toolCalls().forEach(call -> calls.add(toolCall(call, call.argumentsJson())));
        }
        ObjectNode choice = JSON.createObjectNode().put("index", 0);
        choice.set("message", message);
        choice.put("finish_reason", finishReason(reply));
        ObjectNode completion = header(model, number, "chat.completion");
        completion.putArray("choices").add(choice);
        completion.set("usage", usage(reply));
        return write(completion);
    }

    /** The data of each event, [DONE] included. */
    static List<String> chunks(StubReply reply, String model, int number, boolean includeUsage) {
        List<String> events = new ArrayList<>();
        events.add(chunk(model, number, JSON.createObjectNode().put("role", "assistant").put("content", ""), null));
        reply.textPieces().forEach(piece -> events.add(
                chunk(model, number, JSON.createObjectNode().put("content", piece), null)));
        for (int index = 0; index < reply.toolCalls().size(); index++) {
            StubToolCall call = reply.toolCalls().get(index);
            String arguments = call.argumentsJson();
            int half = arguments.length() / 2;
            events.add(chunk(model, number, toolCallDelta(toolCall(call, "").put("index", index)), null));
            for (String fragment : List.of(arguments.substring(0, half), arguments.substring(half))) {
                ObjectNode delta = JSON.createObjectNode().put("index", index);
                delta.putObject("function").put("arguments", fragment);
                events.add(chunk(model, number, toolCallDelta(delta), null));
            }
        }
        events.add(chunk(model, number, JSON.createObjectNode(), finishReason(reply)));
        if (includeUsage) {
            ObjectNode last = header(model, number, "chat.completion.chunk");
            last.putArray("choices");
            last.set("usage", usage(reply));
            events.add(write(last));
        }
        events.add("[DONE]");
        return events;
    }

    static String error(String message, String type) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message).put("type", type).putNull("param").putNull("code");
        return write(body);
    }

    private static String chunk(String model, int number, ObjectNode delta, String finishReason) {
        ObjectNode choice = JSON.createObjectNode().put("index", 0);
        choice.set("delta", delta);
        choice.put("finish_reason", finishReason);
        ObjectNode chunk = header(model, number, "chat.completion.chunk");
        chunk.putArray("choices").add(choice);
        return write(chunk);
    }

    private static ObjectNode toolCallDelta(ObjectNode call) {
        ObjectNode delta = JSON.createObjectNode();
        delta.putArray("tool_calls").add(call);
        return delta;
    }

    private static ObjectNode toolCall(StubToolCall call, String arguments) {
        ObjectNode node = JSON.createObjectNode().put("id", call.id()).put("type", "function");
        node.putObject("function").put("name", call.name()).put("arguments", arguments);
        return node;
    }

    private static ObjectNode header(String model, int number, String object) {
        return JSON.createObjectNode().put("id", "chatcmpl-stub-" + number).put("object", object)
                .put("created", 1_700_000_000L + number).put("model", model);
    }

    private static ObjectNode usage(StubReply reply) {
        return JSON.createObjectNode().put("prompt_tokens", reply.promptTokens())
                .put("completion_tokens", reply.completionTokens())
                .put("total_tokens", reply.promptTokens() + reply.completionTokens());
    }

    private static String finishReason(StubReply reply) {
        return reply.toolCalls().isEmpty() ? "stop" : "tool_calls";
    }
}
