package dev.todochat.domain.port;

import dev.todochat.domain.Conversation;
import dev.todochat.domain.ConversationCursor;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.TurnId;
import dev.todochat.domain.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The conversations of each user, and the turn lease each one carries: at most one turn runs in a conversation at a
 * time, on whichever instance holds the lease; a lease left behind by a killed instance lapses at its expiry. Also
 * the user's list of them: read page by page, newest first, and removed one by one.
 */
public interface Conversations {
    /** The conversation when it exists <em>and</em> belongs to {@code owner}; otherwise empty. */
    Optional<Conversation> find(UserId owner, ConversationId id);

    void create(Conversation conversation);

    /**
     * Until when a turn holds the conversation's lease, for a turn that could not take it; empty when nobody holds it
     * (it was released in between).
     *
     * @throws dev.todochat.domain.NotFound when the conversation is not {@code owner}'s
     */
    Optional<Instant> turnHeldUntil(UserId owner, ConversationId id);

    /** Gives the turn up, if {@code turn} still holds it. */
    void releaseTurn(UserId owner, ConversationId id, TurnId turn);

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
