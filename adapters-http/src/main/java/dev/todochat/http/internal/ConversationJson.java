package dev.todochat.http.internal;

import dev.todochat.application.ConversationPage;
import dev.todochat.domain.Conversation;
import dev.todochat.domain.ConversationCursor;

import java.time.Instant;
import java.util.List;

/** A conversation as the REST API shows it (names become snake_case). */
public record ConversationJson(String id, String title, Instant createdAt, Instant updatedAt) {
    static ConversationJson of(Conversation conversation) {
        return new ConversationJson(conversation.id().toString(), conversation.title(), conversation.createdAt(),
                conversation.updatedAt());
    }

    /** {@code GET /api/{user_id}/conversations}: newest first, and the cursor of the next page or null. */
    public record Listing(List<ConversationJson> conversations, String nextCursor) {
        static Listing of(ConversationPage page) {
            return new Listing(page.conversations().stream().map(ConversationJson::of).toList(),
                    page.next().map(ConversationCursor::encode).orElse(null));
        }
    }
}
