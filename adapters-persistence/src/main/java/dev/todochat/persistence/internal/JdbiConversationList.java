package dev.todochat.persistence.internal;

import dev.todochat.domain.Conversation;
import dev.todochat.domain.ConversationCursor;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.UserId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.util.List;
import java.util.Optional;

/**
 * The list half of {@link JdbiConversations}: the {@code conversations} table read and pruned as a user's list. Pages are read by keyset on the index
 * {@code (user_id, updated_at DESC, id)}: each page starts just after the previous page's last row, so a page costs
 * the same however deep it is.
 */
final class JdbiConversationList {
    private static final ConversationMapper MAPPER = new ConversationMapper();
    private static final String SELECT = "SELECT " + ConversationMapper.COLUMNS + " FROM conversations"
            + " WHERE user_id = :owner";
    private static final String AFTER = " AND (updated_at < :updatedAt OR (updated_at = :updatedAt AND id > :id))";
    private static final String ORDER = " ORDER BY updated_at DESC, id LIMIT :limit";

    private final Handle handle;

    JdbiConversationList(Handle handle) {
        this.handle = handle;
    }

    List<Conversation> newestFirst(UserId owner, Optional<ConversationCursor> after, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Query query = handle.createQuery(SELECT + (after.isPresent() ? AFTER : "") + ORDER)
                .bind("owner", owner.value())
                .bind("limit", limit);
        after.ifPresent(cursor -> query.bind("updatedAt", Columns.stored(cursor.updatedAt()))
                .bind("id", cursor.id().value()));
        return query.map(MAPPER).list();
    }

    boolean delete(UserId owner, ConversationId id) {
        return handle.createUpdate("DELETE FROM conversations WHERE user_id = :owner AND id = :id")
                .bind("owner", owner.value())
                .bind("id", id.value())
                .execute() == 1;
    }
}
