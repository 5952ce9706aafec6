package dev.todochat.persistence.internal;

import dev.todochat.domain.ConversationId;
import dev.todochat.domain.Message;
import dev.todochat.domain.NotFound;
import dev.todochat.domain.RecordedMessage;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.Transcript;
import dev.todochat.domain.port.TurnLease;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@link Transcript} on the {@code messages} table. Sequence numbers come from the conversation row's
 * {@code last_seq}, raised by an {@code UPDATE}: its row lock makes a second appender wait for the first to commit,
 * so numbers are never reused or skipped. One statement does it all, a round trip being most of a short
 * transaction's cost: the {@code UPDATE} (which also takes, keeps or releases a turn's lease) feeds its new
 * {@code last_seq} to the {@code INSERT} of every row, so when the {@code UPDATE} matches nothing, nothing is written.
 */
final class JdbiTranscript implements Transcript {
    private static final String COLUMNS = "role, content, tool_calls, tool_call_id, tool_name, tool_result, is_error,"
            + " input_tokens, output_tokens";

    private final Handle handle;
    private final JsonColumns json;
    private final RecordedMessageMapper mapper;

    JdbiTranscript(Handle handle, JsonColumns json) {
        this.handle = handle;
        this.json = json;
        this.mapper = new RecordedMessageMapper(json);
    }

    @Override
    public List<RecordedMessage> append(UserId owner, ConversationId conversation, List<Message> messages, Instant at) {
        return write(owner, conversation, "", "", null, messages, at)
                .orElseThrow(() -> NotFound.conversation(conversation));
    }

    @Override
    public Optional<List<RecordedMessage>> appendInTurn(UserId owner, ConversationId conversation, TurnLease lease,
                                                        List<Message> messages, Instant at) {
        return switch (lease.action()) {
            case TAKE -> write(owner, conversation, ", turn_id = :turn, turn_expires_at = :until",
                    " AND (turn_id IS NULL OR turn_expires_at <= :at)", lease, messages, at);
            case KEEP -> write(owner, conversation, ", turn_expires_at = :until", " AND turn_id = :turn", lease,
                    messages, at);
            case RELEASE -> write(owner, conversation, ", turn_id = NULL, turn_expires_at = NULL",
                    " AND turn_id = :turn", lease, messages, at);
        };
    }

    /** @return empty when the conversation row did not match (not the owner's, or the lease condition failed) */
    private Optional<List<RecordedMessage>> write(UserId owner, ConversationId conversation, String leaseChange,
                                                  String leaseCondition, TurnLease lease, List<Message> messages,
                                                  Instant at) {
        String update = "UPDATE conversations SET last_seq = last_seq + :count, updated_at = :at" + leaseChange
                + " WHERE user_id = :owner AND id = :conversation" + leaseCondition + " RETURNING last_seq";
        OffsetDateTime time = Columns.stored(at);
        Query statement = handle.createQuery(messages.isEmpty() ? update : insertAfter(update, messages.size()))
                .bind("count", messages.size())
                .bind("at", time)
                .bind("owner", owner.value())
                .bind("conversation", conversation.value());
        if (lease != null) {
            statement.bind("turn", lease.turn().value());
            if (lease.until() != null) {
                statement.bind("until", Columns.stored(lease.until()));
            }
        }
        for (int row = 0; row < messages.size(); row++) {
            MessageColumns.of(messages.get(row), json).bindTo(statement, row);
        }
        List<Long> seqs = statement.mapTo(Long.class).list();
        if (seqs.isEmpty()) {
            return Optional.empty();
        }
        long first = messages.isEmpty() ? 0 : Collections.min(seqs);
        List<RecordedMessage> recorded = new ArrayList<>(messages.size());
        for (Message message : messages) {
            recorded.add(new RecordedMessage(first + recorded.size(), time.toInstant(), message));
        }
        return Optional.of(recorded);
    }

    /** {@code update}, then the messages numbered after the {@code last_seq} it returned, in one statement. */
    private static String insertAfter(String update, int count) {
        StringBuilder sql = new StringBuilder("WITH turn AS (").append(update).append(")")
                .append(" INSERT INTO messages (user_id, conversation_id, seq, ").append(COLUMNS).append(", created_at)")
                .append(" SELECT :owner, :conversation, turn.last_seq - :count + m.n, ").append(COLUMNS)
                .append(", :at FROM turn, (VALUES ");
        for (int row = 0; row < count; row++) {
            sql.append(row == 0 ? "(" : ", (").append(row + 1).append(", ").append(MessageColumns.placeholders(row))
                    .append(")");
        }
        return sql.append(") AS m (n, ").append(COLUMNS).append(") RETURNING seq").toString();
    }

    @Override
    public List<RecordedMessage> latest(UserId owner, ConversationId conversation, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<RecordedMessage> newestFirst = handle.createQuery("SELECT " + RecordedMessageMapper.COLUMNS
                        + " FROM messages WHERE user_id = :owner AND conversation_id = :id ORDER BY seq DESC LIMIT :limit")
                .bind("owner", owner.value())
                .bind("id", conversation.value())
                .bind("limit", limit)
                .map(mapper)
                .list();
        return newestFirst.reversed();
    }

    @Override
    public List<RecordedMessage> page(UserId owner, ConversationId conversation, long afterSeq, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return handle.createQuery("SELECT " + RecordedMessageMapper.COLUMNS + " FROM messages"
                        + " WHERE user_id = :owner AND conversation_id = :id AND seq > :after ORDER BY seq LIMIT :limit")
                .bind("owner", owner.value())
                .bind("id", conversation.value())
                .bind("after", afterSeq)
                .bind("limit", limit)
                .map(mapper)
                .list();
    }
}
