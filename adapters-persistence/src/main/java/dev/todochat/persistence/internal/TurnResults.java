package dev.todochat.persistence.internal;

import dev.todochat.domain.ConversationId;
import dev.todochat.domain.ToolResult;
import dev.todochat.domain.Usage;
import dev.todochat.domain.chat.ToolInvocation;
import dev.todochat.domain.chat.TurnResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A turn's answer as the jsonb an idempotency key keeps for replay. */
final class TurnResults {
    private final JsonColumns json;

    TurnResults(JsonColumns json) {
        this.json = json;
    }

    String write(TurnResult result) {
        List<Map<String, Object>> calls = new ArrayList<>();
        for (ToolInvocation call : result.toolCalls()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("tool", call.tool());
            row.put("input", call.input());
            row.put("is_error", call.result().isError());
            row.put("result", call.result().value());
            calls.add(row);
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("conversation_id", result.conversationId().toString());
        value.put("response", result.response());
        value.put("tool_calls", calls);
        value.put("input_tokens", result.usage().inputTokens());
        value.put("output_tokens", result.usage().outputTokens());
        return json.writeObject(value);
    }

    @SuppressWarnings("unchecked")
    TurnResult read(String text) {
        Map<String, Object> value = json.readObject(text);
        List<ToolInvocation> calls = new ArrayList<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) value.get("tool_calls")) {
            calls.add(new ToolInvocation((String) row.get("tool"), (Map<String, Object>) row.get("input"),
                    new ToolResult((Boolean) row.get("is_error"), (Map<String, Object>) row.get("result"))));
        }
        return new TurnResult(new ConversationId(UUID.fromString((String) value.get("conversation_id"))),
                (String) value.get("response"), calls,
                new Usage(((Number) value.get("input_tokens")).longValue(),
                        ((Number) value.get("output_tokens")).longValue()));
    }
}
