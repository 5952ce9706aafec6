package dev.todochat.bootstrap;

import dev.todochat.application.TodoChat;
import dev.todochat.domain.UserId;
import dev.todochat.http.InvalidToken;
import dev.todochat.http.Tokens;
import dev.todochat.http.TodoChatHttp;
import dev.todochat.mcp.McpHttpEndpoint;
import dev.todochat.mcp.McpHttpSettings;
import dev.todochat.mcp.RejectedToken;
import dev.todochat.mcp.TodoChatMcp;

/**
 * Puts the MCP endpoint on the API's port, checking bearer tokens with the API's own {@link Tokens}: one verifier,
 * so a token is good for {@code /mcp} exactly when it is good for the chat.
 */
final class McpMount {
    private McpMount() {
    }

    static TodoChatHttp.Builder onto(TodoChatHttp.Builder http, TodoChat chat, Tokens tokens,
                                     McpHttpSettings settings) {
        McpHttpEndpoint mcp = TodoChatMcp.streamableHttp(chat, token -> verify(tokens, token), settings);
        mcp.filters().forEach(http::filter);
        mcp.servlets().forEach(http::servlet);
        return http;
    }

    private static UserId verify(Tokens tokens, String token) throws RejectedToken {
        try {
            return tokens.verify(token);
        } catch (InvalidToken e) {
            throw new RejectedToken(e.getMessage());
        }
    }
}
