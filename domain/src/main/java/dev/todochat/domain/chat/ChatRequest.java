package dev.todochat.domain.chat;

import dev.todochat.domain.ConversationId;
import dev.todochat.domain.IdempotencyKey;
import dev.todochat.domain.Text;
import dev.todochat.domain.UserMessage;

import java.util.List;
import java.util.Optional;

/**
 * One message from the user, to a conversation or (without an id) to a new one, optionally named by an idempotency
 * key so that a retry is recognised, and limited by the budgets of turns it takes one from ({@link RateLimit}: the
 * user's, the client address's). Checks itself: 1..2,000 characters after stripping, no control characters but line
 * breaks and tabs.
 */
public record ChatRequest(String message, Optional<ConversationId> conversationId,
                          Optional<IdempotencyKey> idempotencyKey, List<RateLimit> rateLimits) {
    public ChatRequest {
        message = Text.required("message", message, UserMessage.MAX_LENGTH, true);
        conversationId = conversationId == null ? Optional.empty() : conversationId;
        idempotencyKey = idempotencyKey == null ? Optional.empty() : idempotencyKey;
        rateLimits = rateLimits == null ? List.of() : List.copyOf(rateLimits);
    }

    public ChatRequest(String message, Optional<ConversationId> conversationId,
                       Optional<IdempotencyKey> idempotencyKey) {
        this(message, conversationId, idempotencyKey, List.of());
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
        return new ChatRequest(message, conversationId, Optional.of(key), rateLimits);
    }

    /** The same request, taking one turn from each of {@code limits} before it runs. */
    public ChatRequest limitedBy(List<RateLimit> limits) {
        return new ChatRequest(message, conversationId, idempotencyKey, limits);
    }

    /** What the request says, to tell a retry (same fingerprint) from another request reusing a key. */
    public String fingerprint() {
        return conversationId.map(ConversationId::toString).orElse("new") + "\n" + message;
    }
}
