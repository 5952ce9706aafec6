package dev.todochat.application;

import dev.todochat.domain.Conversation;
import dev.todochat.domain.ConversationCursor;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.InvalidInput;
import dev.todochat.domain.NotFound;
import dev.todochat.domain.RecordedMessage;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.Storage;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One user's conversations: listed page by page, read message by message, and deleted. Pages are keyed by where the
 * previous one ended, never by offset, so reading stays fast however many there are. Another user's conversation is
 * missing exactly like one that never existed.
 */
public final class UserConversations {
    /** Conversations per page when the caller does not say. */
    public static final int DEFAULT_PAGE = 20;
    public static final int MAX_PAGE = 100;
    /** Messages per page when the caller does not say. */
    public static final int DEFAULT_MESSAGES = 50;
    public static final int MAX_MESSAGES = 200;

    private final Storage storage;
    private final UserId owner;

    UserConversations(Storage storage, UserId owner) {
        this.storage = storage;
        this.owner = owner;
    }

    /**
     * The conversations updated most recently first, from the start ({@code after} empty) or after a page's cursor.
     *
     * @throws InvalidInput when {@code limit} is not 1..{@value #MAX_PAGE}
     */
    public ConversationPage list(Optional<ConversationCursor> after, int limit) {
        checkLimit("limit", limit, MAX_PAGE);
        List<Conversation> found = storage.inTransaction(unit -> unit.conversations().newestFirst(owner, after,
                limit + 1));
        if (found.size() <= limit) {
            return new ConversationPage(found, Optional.empty());
        }
        List<Conversation> page = found.subList(0, limit);
        return new ConversationPage(page, Optional.of(ConversationCursor.after(page.getLast())));
    }

    /** @throws NotFound when the user has no such conversation */
    public Conversation get(ConversationId id) {
        return storage.inTransaction(unit -> unit.conversations().find(owner, id)).orElseThrow(() -> missing(id));
    }

    /**
     * The messages numbered above {@code afterSeq} (0 for the first page), oldest first: user messages, the
     * assistant's answers and tool calls, and the tools' results.
     *
     * @throws NotFound     when the user has no such conversation
     * @throws InvalidInput when {@code afterSeq} is negative or {@code limit} is not 1..{@value #MAX_MESSAGES}
     */
    public MessagePage messages(ConversationId id, long afterSeq, int limit) {
        if (afterSeq < 0) {
            throw new InvalidInput("after must be 0 or a message's seq");
        }
        checkLimit("limit", limit, MAX_MESSAGES);
        List<RecordedMessage> found = storage.inTransaction(unit -> {
            if (unit.conversations().find(owner, id).isEmpty()) {
                throw missing(id);
            }
            return unit.transcript().page(owner, id, afterSeq, limit + 1);
        });
        if (found.size() <= limit) {
            return new MessagePage(found, OptionalLong.empty());
        }
        List<RecordedMessage> page = found.subList(0, limit);
        return new MessagePage(page, OptionalLong.of(page.getLast().seq()));
    }

    /**
     * Deletes the conversation and all its messages; a turn still running in it fails at its next write.
     *
     * @throws NotFound when the user has no such conversation
     */
    public void delete(ConversationId id) {
        if (!storage.inTransaction(unit -> unit.conversations().delete(owner, id))) {
            throw missing(id);
        }
    }

    private static void checkLimit(String name, int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new InvalidInput(name + " must be between 1 and " + max);
        }
    }

    private static NotFound missing(ConversationId id) {
        return NotFound.conversation(id);
    }
}
