package dev.todochat.domain;

/** A value from outside (a request, a tool argument) that breaks a rule; its message says which, in plain words. */
public final class InvalidInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInput(String message) {
        super(message, null, false, false);
    }
}
