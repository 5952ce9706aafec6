package dev.todochat.persistence.internal;

import dev.todochat.domain.ConversationId;
import dev.todochat.domain.Message;
import dev.todochat.domain.NotFound;
import dev.todochat.domain.RecordedMessage;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.Transcript;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Transcript} on the {@code messages} table. Sequence numbers come from the conversation row's
 * {@code last_seq}, raised by one {@code UPDATE … RETURNING}: its row lock makes a second appender wait for the first
 * to commit, so numbers are never reused or skipped.
 */
final class JdbiTranscript implements Transcript {
    private static final String INSERT = "INSERT INTO messages (user_id, conversation_id, seq, role, content,"
            + " tool_calls, tool_call_id, tool_name, tool_result, is_error, input_tokens, output_tokens, created_at)"
            + " VALUES (:owner, :conversation, :seq, :role, :content, CAST(:toolCalls AS jsonb), :toolCallId,"
            + " :toolName, CAST(:toolResult AS jsonb), :isError, :inputTokens, :outputTokens, :createdAt)";

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
        OffsetDateTime time = Columns.stored(at);
        long last = handle.createQuery("UPDATE conversations SET last_seq = last_seq + :count, updated_at = :at"
                        + " WHERE user_id = :owner AND id = :id RETURNING last_seq")
                .bind("count", messages.size())
                .bind("at", time)
                .bind("owner", owner.value())
                .bind("id", conversation.value())
                .mapTo(Long.class)
                .findOne()
                .orElseThrow(() -> NotFound.conversation(conversation));
        if (messages.isEmpty()) {
            return List.of();
        }
        long first = last - messages.size() + 1;
        List<RecordedMessage> recorded = new ArrayList<>(messages.size());
        PreparedBatch batch = handle.prepareBatch(INSERT);
        for (Message message : messages) {
            RecordedMessage entry = new RecordedMessage(first + recorded.size(), time.toInstant(), message);
            MessageColumns.of(message, json).bindTo(batch)
                    .bind("owner", owner.value())
                    .bind("conversation", conversation.value())
                    .bind("seq", entry.seq())
                    .bind("createdAt", time)
                    .add();
            recorded.add(entry);
        }
        batch.execute();
        return recorded;
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
