package dev.todochat.testing.storage;

import dev.todochat.domain.Conversation;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.IdempotencyKey;
import dev.todochat.domain.RecordedMessage;
import dev.todochat.domain.Task;
import dev.todochat.domain.TurnId;
import dev.todochat.domain.UserId;
import dev.todochat.domain.chat.TurnResult;
import dev.todochat.domain.port.UnitOfWork;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of every table, as one transaction sees them. Rows are immutable records, so a copy of the maps is a
 * snapshot; only the transcript's lists and each user's tasks are copied one level deeper.
 */
final class MemoryState {
    /** Each user's tasks by their number: numbers count per user and are never reused after a deletion. */
    final Map<UserId, TreeMap<Long, Task>> tasks;
    final Map<UserId, Long> lastTaskNumbers;
    /** Each rate-limit budget by its key: when it will be full again, in epoch microseconds. */
    final Map<String, Long> budgetsFullAt;
    final Map<ConversationId, ConversationRow> conversations;
    final Map<ConversationId, List<RecordedMessage>> messages;
    final Map<KeyOf, KeyRow> keys;
    MemoryState() {
        this(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
    }

    private MemoryState(Map<UserId, TreeMap<Long, Task>> tasks, Map<ConversationId, ConversationRow> conversations,
                        Map<ConversationId, List<RecordedMessage>> messages, Map<KeyOf, KeyRow> keys,
                        Map<UserId, Long> lastTaskNumbers, Map<String, Long> budgetsFullAt) {
        this.tasks = tasks;
        this.conversations = conversations;
        this.messages = messages;
        this.keys = keys;
        this.lastTaskNumbers = lastTaskNumbers;
        this.budgetsFullAt = budgetsFullAt;
    }

    MemoryState copy() {
        Map<ConversationId, List<RecordedMessage>> transcript = new HashMap<>();
        messages.forEach((id, list) -> transcript.put(id, new ArrayList<>(list)));
        Map<UserId, TreeMap<Long, Task>> taskCopy = new HashMap<>();
        tasks.forEach((owner, own) -> taskCopy.put(owner, new TreeMap<>(own)));
        return new MemoryState(taskCopy, new HashMap<>(conversations), transcript, new HashMap<>(keys),
                new HashMap<>(lastTaskNumbers), new HashMap<>(budgetsFullAt));
    }

    TreeMap<Long, Task> tasksOf(UserId owner) {
        return tasks.computeIfAbsent(owner, o -> new TreeMap<>());
    }

    UnitOfWork unitOfWork() {
        return new MemoryUnitOfWork(new MemoryConversations(this), new MemoryTranscript(this), new MemoryTasks(this),
                new MemoryIdempotencyKeys(this), new MemoryRateLimits(this));
    }

    /** Times as PostgreSQL keeps them, to the microsecond, so that both storages give back the same instants. */
    static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** A conversation and its turn lease ({@code turn} null when nobody holds it). */
    record ConversationRow(Conversation conversation, TurnId turn, Instant turnExpiresAt, long lastSeq) {
        boolean ownedBy(UserId owner) {
            return conversation.owner().equals(owner);
        }
    }

    record KeyOf(UserId owner, IdempotencyKey key) {
    }

    /** An idempotency key: running while {@code result} is null, done after. */
    record KeyRow(String fingerprint, TurnId turn, Instant expiresAt, TurnResult result) {
    }

    private record MemoryUnitOfWork(MemoryConversations conversations, MemoryTranscript transcript, MemoryTasks tasks,
                                    MemoryIdempotencyKeys idempotencyKeys,
                                    MemoryRateLimits rateLimits) implements UnitOfWork {
    }
}
