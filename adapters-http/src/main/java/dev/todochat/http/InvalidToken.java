package dev.todochat.http;

/** A bearer token that does not prove who is calling; the message says why, safe to show the caller. */
public final class InvalidToken extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidToken(String message) {
        super(message, null, false, false);
    }
}
