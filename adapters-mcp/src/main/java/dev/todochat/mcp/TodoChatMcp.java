package dev.todochat.mcp;

import dev.todochat.application.TodoChat;
import dev.todochat.domain.UserId;
import dev.todochat.mcp.internal.Stdio;
import dev.todochat.mcp.internal.StreamableHttp;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The task tools over the Model Context Protocol, with the official MCP Java SDK, so that other agents can work on a
 * user's todo list with the same five tools the chat uses. Two faces:
 *
 * <ul>
 *   <li>{@link #streamableHttp}: a stateless Streamable HTTP endpoint as servlet parts, to mount beside the chat API;
 *       any instance answers any request, and the bearer token selects the user exactly as on the chat endpoint;</li>
 *   <li>{@link #stdio}: one fixed user over a pair of streams, for clients that launch a local process.</li>
 * </ul>
 *
 * <pre>{@code
 * McpHttpEndpoint mcp = TodoChatMcp.streamableHttp(chat, token -> verify(token), McpHttpSettings.loopbackOnly());
 * mcp.servlets().forEach(container::addServlet);
 * mcp.filters().forEach(container::addFilter);
 * }</pre>
 */
public final class TodoChatMcp {
    private TodoChatMcp() {
    }

    /** The endpoint's servlets and filters, serving {@code chat}'s tools for whoever {@code tokens} names. */
    public static McpHttpEndpoint streamableHttp(TodoChat chat, TokenVerifier tokens, McpHttpSettings settings) {
        return StreamableHttp.endpoint(chat, tokens, settings);
    }

    /**
     * Serves {@code chat}'s tools for {@code user} on {@code in} and {@code out}, starting at once. Nothing else may
     * write to {@code out}: it carries the protocol.
     */
    public static McpStdioServer stdio(TodoChat chat, UserId user, InputStream in, OutputStream out) {
        return Stdio.serve(chat, user, in, out);
    }
}
