package dev.todochat.domain;

import java.util.UUID;

/** A conversation's id: a UUID, so that ids are unguessable and any instance can mint them. */
public record ConversationId(UUID value) {
    public ConversationId {
        if (value == null) {
            throw new InvalidInput("conversation id must not be empty");
        }
    }

    /** Parses the text form; anything that is not a UUID is an {@link InvalidInput}. */
    public static ConversationId parse(String text) {
        if (text == null || text.length() != 36) {
            throw new InvalidInput("conversation_id must be a UUID");
        }
        try {
            return new ConversationId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("conversation_id must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
