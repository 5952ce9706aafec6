package dev.todochat.application;

import java.time.Duration;

/**
 * The bearer token of an {@code Authorization} header (RFC 6750), read alike by every face that takes one (the chat
 * API and MCP), and the one answer they give when tokens cannot be checked right now. Verifying the token itself is
 * the job of whoever issues them.
 */
public final class BearerToken {
    public static final String SCHEME = "Bearer";
    /** The kind of error when a token cannot be checked right now (a key set unreachable): retry, not sign in. */
    public static final String UNCHECKABLE = "AuthUnavailable";
    /** Its details: nothing about why, which is for the operator's log. */
    public static final String UNCHECKABLE_DETAILS = "the token cannot be checked right now; try again shortly";
    /** Its retry hint: a key set that cannot be fetched is retried by the server in the meantime. */
    public static final Duration UNCHECKABLE_RETRY = Duration.ofSeconds(5);

    private BearerToken() {
    }

    /** What an {@code Authorization} header holds. */
    public sealed interface Reading {
        /** A token to verify. */
        record Found(String token) implements Reading {
        }

        /** No header: the caller should be told how to authenticate (a challenge without an error code). */
        record Missing(String details) implements Reading {
        }

        /** A header that is not {@code Bearer <token>}: an {@code invalid_request}. */
        record Malformed(String details) implements Reading {
        }
    }

    /** @param header the {@code Authorization} header, null when absent */
    public static Reading read(String header) {
        if (header == null || header.isBlank()) {
            return new Reading.Missing("send an Authorization: Bearer <token> header");
        }
        String[] parts = header.strip().split("\\s+", 2);
        if (parts.length < 2 || !parts[0].equalsIgnoreCase(SCHEME)) {
            return new Reading.Malformed("the Authorization header must be Bearer <token>");
        }
        return new Reading.Found(parts[1]);
    }
}
