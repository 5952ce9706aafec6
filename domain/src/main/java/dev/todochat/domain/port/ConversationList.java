package dev.todochat.domain.port;

import dev.todochat.domain.Conversation;
import dev.todochat.domain.ConversationCursor;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.UserId;

import java.util.List;
import java.util.Optional;

/** Each user's conversations as a list: read page by page, newest first, and removed one by one. */
public interface ConversationList {
    /**
     * At most {@code limit} of {@code owner}'s conversations, newest update first (ties by id), starting just after
     * {@code after} or at the newest.
     */
    List<Conversation> newestFirst(UserId owner, Optional<ConversationCursor> after, int limit);

    /**
     * Deletes {@code owner}'s conversation with all its messages.
     *
     * @return false when there is no such conversation of {@code owner}
     */
    boolean delete(UserId owner, ConversationId id);
}
