package dev.todochat.domain.port;

import dev.todochat.domain.ConversationId;
import dev.todochat.domain.Message;
import dev.todochat.domain.RecordedMessage;
import dev.todochat.domain.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The append-only messages of each conversation, numbered by {@code seq} from 1 without gaps. */
public interface Transcript {
    /**
     * Appends messages in order after the last one, and marks the conversation as updated at {@code at}. Two
     * transactions appending to one conversation are serialised: numbers are never reused or skipped.
     *
     * @return the messages as recorded, with their numbers
     * @throws dev.todochat.domain.NotFound when the conversation is not {@code owner}'s
     */
    List<RecordedMessage> append(UserId owner, ConversationId conversation, List<Message> messages, Instant at);

    /**
     * Appends messages as {@link #append} does, for a turn, in one step with what {@code lease} does to the
     * conversation's turn lease: {@link TurnLease.Action#TAKE take} it when nobody holds it or the holder's lease lapsed
     * at {@code at}, {@link TurnLease.Action#KEEP extend} it or {@link TurnLease.Action#RELEASE release} it while the turn
     * still holds it. Either both happen or neither.
     *
     * @return the messages as recorded; empty, with nothing written, when the lease was not the turn's to take or keep
     * (another live turn holds it, or the conversation is gone or not {@code owner}'s)
     */
    Optional<List<RecordedMessage>> appendInTurn(UserId owner, ConversationId conversation, TurnLease lease,
                                                 List<Message> messages, Instant at);

    /** The newest {@code limit} messages of {@code owner}'s conversation, oldest first. */
    List<RecordedMessage> latest(UserId owner, ConversationId conversation, int limit);

    /** At most {@code limit} messages of {@code owner}'s conversation numbered above {@code afterSeq}, in order. */
    List<RecordedMessage> page(UserId owner, ConversationId conversation, long afterSeq, int limit);
}
