package dev.todochat.persistence.internal;

import dev.todochat.domain.Conversation;
import dev.todochat.domain.ConversationCursor;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.NotFound;
import dev.todochat.domain.TurnId;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.Conversations;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** {@link Conversations} on the {@code conversations} table, within one transaction's handle. */
final class JdbiConversations implements Conversations {
    private static final ConversationMapper MAPPER = new ConversationMapper();

    private final Handle handle;
    private final JdbiConversationList list;

    JdbiConversations(Handle handle) {
        this.handle = handle;
        this.list = new JdbiConversationList(handle);
    }

    @Override
    public Optional<Conversation> find(UserId owner, ConversationId id) {
        return handle.createQuery("SELECT " + ConversationMapper.COLUMNS
                        + " FROM conversations WHERE user_id = :owner AND id = :id")
                .bind("owner", owner.value())
                .bind("id", id.value())
                .map(MAPPER)
                .findOne();
    }

    @Override
    public void create(Conversation conversation) {
        handle.createUpdate("INSERT INTO conversations (user_id, id, title, created_at, updated_at)"
                        + " VALUES (:owner, :id, :title, :createdAt, :updatedAt)")
                .bind("owner", conversation.owner().value())
                .bind("id", conversation.id().value())
                .bind("title", conversation.title())
                .bind("createdAt", Columns.stored(conversation.createdAt()))
                .bind("updatedAt", Columns.stored(conversation.updatedAt()))
                .execute();
    }

    @Override
    public Optional<Instant> turnHeldUntil(UserId owner, ConversationId id) {
        Optional<OffsetDateTime> holder = handle.createQuery("SELECT turn_expires_at FROM conversations"
                        + " WHERE user_id = :owner AND id = :id")
                .bind("owner", owner.value())
                .bind("id", id.value())
                .map((row, column, context) -> Optional.ofNullable(row.getObject("turn_expires_at", OffsetDateTime.class)))
                .findOne()
                .orElseThrow(() -> NotFound.conversation(id));
        return holder.map(OffsetDateTime::toInstant);
    }

    @Override
    public void releaseTurn(UserId owner, ConversationId id, TurnId turn) {
        handle.createUpdate("UPDATE conversations SET turn_id = NULL, turn_expires_at = NULL"
                        + " WHERE user_id = :owner AND id = :id AND turn_id = :turn")
                .bind("owner", owner.value())
                .bind("id", id.value())
                .bind("turn", turn.value())
                .execute();
    }

    @Override
    public List<Conversation> newestFirst(UserId owner, Optional<ConversationCursor> after, int limit) {
        return list.newestFirst(owner, after, limit);
    }

    @Override
    public boolean delete(UserId owner, ConversationId id) {
        return list.delete(owner, id);
    }
}
