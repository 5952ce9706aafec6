package dev.todochat.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Where a page of a user's conversations ends, in their order (newest update first, then by id): the last
 * conversation's update time and id. Clients get it as an opaque string ({@link #encode()}) and only hand it back, so
 * its form may change without breaking them. Times are kept to the microsecond, as PostgreSQL stores them.
 */
public record ConversationCursor(Instant updatedAt, ConversationId id) {
    private static final String INVALID = "cursor must be a next_cursor value from a previous page";

    public ConversationCursor {
        if (updatedAt == null || id == null) {
            throw new IllegalArgumentException("a cursor needs an update time and an id");
        }
        updatedAt = updatedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** The cursor just past {@code conversation}. */
    public static ConversationCursor after(Conversation conversation) {
        return new ConversationCursor(conversation.updatedAt(), conversation.id());
    }

    /** The opaque text form: the time in base-36 microseconds, a dot, the id as 32 hex digits. */
    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, updatedAt);
        return Long.toString(micros, 36) + "." + id.toString().replace("-", "");
    }

    /** Reads {@link #encode()}'s form; anything else is an {@link InvalidInput}. */
    public static ConversationCursor parse(String text) {
        if (text == null || !text.matches("-?[0-9a-z]{1,13}\\.[0-9a-f]{32}")) {
            throw new InvalidInput(INVALID);
        }
        int dot = text.indexOf('.');
        String hex = text.substring(dot + 1);
        try {
            Instant updatedAt = Instant.EPOCH.plus(Long.parseLong(text.substring(0, dot), 36), ChronoUnit.MICROS);
            UUID id = new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                    Long.parseUnsignedLong(hex.substring(16), 16));
            return new ConversationCursor(updatedAt, new ConversationId(id));
        } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
            throw new InvalidInput(INVALID);
        }
    }
}
