package dev.todochat.domain;

/** What the user wrote. */
public record UserMessage(String text) implements Message {
    public static final int MAX_LENGTH = 2000;

    public UserMessage {
        if (text == null) {
            throw new IllegalArgumentException("a user message needs text");
        }
    }

    @Override
    public String role() {
        return "user";
    }
}
