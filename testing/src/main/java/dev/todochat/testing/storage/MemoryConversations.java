package dev.todochat.testing.storage;

import dev.todochat.domain.Conversation;
import dev.todochat.domain.ConversationCursor;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.NotFound;
import dev.todochat.domain.TurnId;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.Conversations;
import dev.todochat.testing.storage.MemoryState.ConversationRow;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link Conversations} in memory, with the turn lease on the conversation's row as in the table. */
final class MemoryConversations implements Conversations {
    /** Newest update first, then by id in PostgreSQL's uuid order (unsigned bytes, which is the text order). */
    private static final Comparator<Conversation> NEWEST_FIRST = Comparator.comparing(Conversation::updatedAt)
            .reversed().thenComparing(conversation -> conversation.id().toString());

    private final MemoryState state;

    MemoryConversations(MemoryState state) {
        this.state = state;
    }

    @Override
    public Optional<Conversation> find(UserId owner, ConversationId id) {
        return row(owner, id).map(ConversationRow::conversation);
    }

    @Override
    public void create(Conversation conversation) {
        if (state.conversations.containsKey(conversation.id())) {
            throw new IllegalStateException("conversation " + conversation.id() + " already exists");
        }
        Conversation stored = new Conversation(conversation.id(), conversation.owner(), conversation.title(),
                MemoryState.stored(conversation.createdAt()), MemoryState.stored(conversation.updatedAt()));
        state.conversations.put(conversation.id(), new ConversationRow(stored, null, null, 0));
    }

    @Override
    public Optional<Instant> turnHeldUntil(UserId owner, ConversationId id) {
        return Optional.ofNullable(row(owner, id).orElseThrow(() -> NotFound.conversation(id)).turnExpiresAt());
    }

    @Override
    public void releaseTurn(UserId owner, ConversationId id, TurnId turn) {
        row(owner, id).filter(row -> turn.equals(row.turn())).ifPresent(row -> state.conversations.put(id,
                new ConversationRow(row.conversation(), null, null, row.lastSeq())));
    }

    @Override
    public List<Conversation> newestFirst(UserId owner, Optional<ConversationCursor> after, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return state.conversations.values().stream()
                .filter(row -> row.ownedBy(owner))
                .map(ConversationRow::conversation)
                .filter(conversation -> after.map(cursor -> isAfter(conversation, cursor)).orElse(true))
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public boolean delete(UserId owner, ConversationId id) {
        if (row(owner, id).isEmpty()) {
            return false;
        }
        state.conversations.remove(id);
        state.messages.remove(id);
        return true;
    }

    private Optional<ConversationRow> row(UserId owner, ConversationId id) {
        return Optional.ofNullable(state.conversations.get(id)).filter(row -> row.ownedBy(owner));
    }

    private static boolean isAfter(Conversation conversation, ConversationCursor cursor) {
        int time = conversation.updatedAt().compareTo(cursor.updatedAt());
        return time < 0 || time == 0 && conversation.id().toString().compareTo(cursor.id().toString()) > 0;
    }
}
