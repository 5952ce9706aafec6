package dev.todochat.mcp;

import dev.todochat.domain.UserId;

/**
 * Says whom a bearer token speaks for. The MCP endpoint accepts exactly the tokens the chat API accepts, so whoever
 * wires the two passes the API's own verifier in here: the check lives in one place and this adapter never needs to
 * know how tokens are made.
 */
@FunctionalInterface
public interface TokenVerifier {
    /**
     * @param token the bearer token, without the {@code Bearer} prefix
     * @return the user the token speaks for
     * @throws RejectedToken    when the token proves nothing; its message says why and is shown to the caller (401)
     * @throws RuntimeException when the token cannot be checked right now, say because a key set cannot be fetched;
     *                          the caller is asked to retry (503), not to sign in again
     */
    UserId verify(String token) throws RejectedToken;
}
