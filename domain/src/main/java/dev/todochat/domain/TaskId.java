package dev.todochat.domain;

/** A task's id: a positive number, short enough for a person (and a model) to say. */
public record TaskId(long value) {
    public TaskId {
        if (value <= 0) {
            throw new InvalidInput("task id must be a positive whole number");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
