package dev.todochat.testing.openai;

/**
 * A tool call the stub's model makes. {@code argumentsJson} is sent as is, so a test can also send arguments that
 * are not valid JSON.
 */
public record StubToolCall(String id, String name, String argumentsJson) {
    public StubToolCall {
        if (id == null || name == null || argumentsJson == null) {
            throw new IllegalArgumentException("a stub tool call needs an id, a name and its arguments as JSON text");
        }
    }

    public static StubToolCall of(String id, String name, String argumentsJson) {
        return new StubToolCall(id, name, argumentsJson);
    }
}
