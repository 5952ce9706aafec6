package dev.todochat.domain;

import java.time.Instant;

/** A conversation between one user and the assistant; its messages live in the {@code Transcript}. */
public record Conversation(ConversationId id, UserId owner, String title, Instant createdAt, Instant updatedAt) {
    public static final int TITLE_MAX = 80;

    public Conversation {
        if (id == null || owner == null || title == null || createdAt == null || updatedAt == null) {
            throw new IllegalArgumentException("a conversation needs an id, an owner, a title and its times");
        }
    }

    /** A title made from the first message: its first line, shortened on a word boundary. */
    public static String titleFrom(String firstMessage) {
        String line = firstMessage.strip().lines().findFirst().orElse("").strip();
        if (line.isEmpty()) {
            return "New conversation";
        }
        if (line.length() <= TITLE_MAX) {
            return line;
        }
        int cut = line.lastIndexOf(' ', TITLE_MAX - 1);
        return line.substring(0, cut > TITLE_MAX / 2 ? cut : TITLE_MAX - 1).strip() + "…";
    }
}
