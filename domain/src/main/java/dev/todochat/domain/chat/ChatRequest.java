package dev.todochat.domain.chat;

import dev.todochat.domain.ConversationId;
import dev.todochat.domain.IdempotencyKey;
import dev.todochat.domain.Text;
import dev.todochat.domain.UserMessage;

import java.util.Optional;

/**
 * One message from the user, to a conversation or (without an id) to a new one, optionally named by an idempotency
 * key so that a retry is recognised. Checks itself: 1..2,000 characters after stripping, no control characters but
 * line breaks and tabs.
 */
public record ChatRequest(String message, Optional<ConversationId> conversationId,
                          Optional<IdempotencyKey> idempotencyKey) {
    public ChatRequest {
        message = Text.required("message", message, UserMessage.MAX_LENGTH, true);
        conversationId = conversationId == null ? Optional.empty() : conversationId;
        idempotencyKey = idempotencyKey == null ? Optional.empty() : idempotencyKey;
    }

    public ChatRequest(String message, Optional<ConversationId> conversationId) {
        this(message, conversationId, Optional.empty());
    }

    public static ChatRequest newConversation(String message) {
        return new ChatRequest(message, Optional.empty());
    }

    public static ChatRequest in(ConversationId conversation, String message) {
        return new ChatRequest(message, Optional.of(conversation));
    }

    /** The same request, named by {@code key}. */
    public ChatRequest withIdempotencyKey(IdempotencyKey key) {
        return new ChatRequest(message, conversationId, Optional.of(key));
    }

    /** What the request says, to tell a retry (same fingerprint) from another request reusing a key. */
    public String fingerprint() {
        return conversationId.map(ConversationId::toString).orElse("new") + "\n" + message;
    }
}
