package dev.todochat.testing.storage;

import dev.todochat.domain.AssistantMessage;
import dev.todochat.domain.Conversation;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.Message;
import dev.todochat.domain.NotFound;
import dev.todochat.domain.RecordedMessage;
import dev.todochat.domain.ToolCall;
import dev.todochat.domain.ToolResultMessage;
import dev.todochat.domain.UserId;
import dev.todochat.domain.UserMessage;
import dev.todochat.domain.port.Transcript;
import dev.todochat.domain.port.TurnLease;
import dev.todochat.testing.storage.MemoryState.ConversationRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link Transcript} in memory, numbering from the conversation row's last number as the table does. */
final class MemoryTranscript implements Transcript {
    private final MemoryState state;

    MemoryTranscript(MemoryState state) {
        this.state = state;
    }

    @Override
    public List<RecordedMessage> append(UserId owner, ConversationId conversation, List<Message> messages, Instant at) {
        ConversationRow row = Optional.ofNullable(state.conversations.get(conversation))
                .filter(found -> found.ownedBy(owner))
                .orElseThrow(() -> NotFound.conversation(conversation));
        Instant time = MemoryState.stored(at);
        Conversation updated = new Conversation(conversation, owner, row.conversation().title(),
                row.conversation().createdAt(), time);
        List<RecordedMessage> recorded = new ArrayList<>(messages.size());
        for (Message message : messages) {
            recorded.add(new RecordedMessage(row.lastSeq() + recorded.size() + 1, time, asStored(message)));
        }
        state.conversations.put(conversation, new ConversationRow(updated, row.turn(), row.turnExpiresAt(),
                row.lastSeq() + messages.size()));
        state.messages.computeIfAbsent(conversation, id -> new ArrayList<>()).addAll(recorded);
        return recorded;
    }

    @Override
    public Optional<List<RecordedMessage>> appendInTurn(UserId owner, ConversationId conversation, TurnLease lease,
                                                        List<Message> messages, Instant at) {
        Optional<ConversationRow> held = Optional.ofNullable(state.conversations.get(conversation))
                .filter(found -> found.ownedBy(owner))
                .filter(found -> switch (lease.action()) {
                    case TAKE -> found.turn() == null || !found.turnExpiresAt().isAfter(MemoryState.stored(at));
                    case KEEP, RELEASE -> lease.turn().equals(found.turn());
                });
        if (held.isEmpty()) {
            return Optional.empty();
        }
        List<RecordedMessage> recorded = append(owner, conversation, messages, at);
        ConversationRow row = state.conversations.get(conversation);
        boolean released = lease.action() == TurnLease.Action.RELEASE;
        state.conversations.put(conversation, new ConversationRow(row.conversation(), released ? null : lease.turn(),
                released ? null : MemoryState.stored(lease.until()), row.lastSeq()));
        return Optional.of(recorded);
    }

    @Override
    public List<RecordedMessage> latest(UserId owner, ConversationId conversation, int limit) {
        List<RecordedMessage> all = messagesOf(owner, conversation);
        return limit <= 0 ? List.of() : List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
    }

    @Override
    public List<RecordedMessage> page(UserId owner, ConversationId conversation, long afterSeq, int limit) {
        return limit <= 0 ? List.of() : messagesOf(owner, conversation).stream()
                .filter(message -> message.seq() > afterSeq)
                .limit(limit)
                .toList();
    }

    private List<RecordedMessage> messagesOf(UserId owner, ConversationId conversation) {
        ConversationRow row = state.conversations.get(conversation);
        return row == null || !row.ownedBy(owner) ? List.of() : state.messages.getOrDefault(conversation, List.of());
    }

    /** The message as it reads back from JSON columns: whole numbers as {@code Long}, maps and lists copied. */
    private static Message asStored(Message message) {
        return switch (message) {
            case UserMessage user -> user;
            case AssistantMessage assistant -> new AssistantMessage(assistant.text(), assistant.toolCalls().stream()
                    .map(call -> new ToolCall(call.id(), call.name(), JsonValues.asStored(call.arguments())))
                    .toList(), assistant.usage());
            case ToolResultMessage result -> new ToolResultMessage(result.callId(), result.toolName(),
                    JsonValues.asStored(result.result()));
        };
    }
}
