package dev.todochat.http;

/**
 * The key set at {@code JWT_JWKS_URL} could not be fetched, and the token names a key this server has not seen. The
 * token may well be valid, so the caller gets a 503 to retry, not a 401 that would sign them out. The message names
 * no secret.
 */
public final class SigningKeysUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SigningKeysUnavailable(String message) {
        super(message, null, false, false);
    }
}
