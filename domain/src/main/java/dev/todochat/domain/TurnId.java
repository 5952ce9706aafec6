package dev.todochat.domain;

import java.util.UUID;

/** One run of the chat turn: the holder of a conversation's turn lease, and of an idempotency key while it runs. */
public record TurnId(UUID value) {
    public TurnId {
        if (value == null) {
            throw new IllegalArgumentException("a turn id needs a value");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
