package dev.todochat.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.chat.ChatRequest;

import java.util.Optional;

/**
 * Reads the body of {@code POST /api/{user_id}/chat}: {@code {"message": string, "conversation_id": UUID string or
 * null}}, unknown fields ignored. A body that is not JSON, or fields of the wrong JSON type, are a
 * {@code BadRequest}; values that break a rule ({@link ChatRequest} checks the message) are a
 * {@code ValidationFailed}.
 */
final class ChatBody {
    /** An example of a valid body, for the error when the body is not a JSON object. */
    static final String EXAMPLE = "{\"message\": \"Add a task to buy milk\"}";
    /** The body's shape, for the error when its message is missing. */
    static final String EXPECTED = "{\"message\": \"...\", \"conversation_id\": optional}";

    private ChatBody() {
    }

    static ChatRequest parse(JsonNode body) {
        return new ChatRequest(message(body), conversation(body.get("conversation_id")));
    }

    private static String message(JsonNode body) {
        JsonNode node = body.get("message");
        if (node == null || node.isNull()) {
            throw RequestBody.missing(body, "message", EXPECTED);
        }
        if (!node.isTextual()) {
            throw ApiError.badRequest("message must be a JSON string");
        }
        return node.textValue();
    }

    private static Optional<ConversationId> conversation(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw ApiError.badRequest("conversation_id must be a JSON string holding a UUID, or null");
        }
        return Optional.of(ConversationId.parse(node.textValue()));
    }
}
