package dev.todochat.mcp;

/** A bearer token that does not prove who is calling; the message says why and is safe to show the caller. */
public final class RejectedToken extends Exception {
    private static final long serialVersionUID = 1L;

    public RejectedToken(String reason) {
        super(reason, null, false, false);
    }
}
