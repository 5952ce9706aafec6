package dev.todochat.domain;

import java.time.Instant;

/** A message as stored: its place in the conversation ({@code seq}, from 1, without gaps) and when it was written. */
public record RecordedMessage(long seq, Instant createdAt, Message message) {
    public RecordedMessage {
        if (seq <= 0 || createdAt == null || message == null) {
            throw new IllegalArgumentException("a recorded message needs a positive seq, a time and a message");
        }
    }
}
