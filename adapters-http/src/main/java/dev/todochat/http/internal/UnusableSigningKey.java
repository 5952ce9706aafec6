package dev.todochat.http.internal;

import io.jsonwebtoken.JwtException;

/** Thrown while a token's key is looked up: the token is refused, and the message says why, safe to show the caller. */
public final class UnusableSigningKey extends JwtException {
    private static final long serialVersionUID = 1L;

    UnusableSigningKey(String message) {
        super(message);
    }
}
