package dev.todochat.mcp.internal;

import dev.todochat.domain.UserId;
import io.modelcontextprotocol.common.McpTransportContext;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Map;
import java.util.Objects;

/**
 * Carries the authenticated user from the servlet request, where {@link McpGuard} puts it, into the tool handlers
 * through the SDK's transport context. The handlers may run on another thread than the request, so nothing here
 * relies on the thread.
 */
final class Caller {
    static final String ATTRIBUTE = Caller.class.getName() + ".user";
    private static final String KEY = "todochat.user";

    private Caller() {
    }

    /** The SDK's context extractor: a request reaches the transport only through the guard, which names the user. */
    static McpTransportContext context(HttpServletRequest request) {
        UserId user = (UserId) Objects.requireNonNull(request.getAttribute(ATTRIBUTE),
                "no authenticated user on the request: the MCP guard filter must run in front of the MCP servlet");
        return McpTransportContext.create(Map.of(KEY, user));
    }

    static UserId of(McpTransportContext context) {
        return (UserId) Objects.requireNonNull(context.get(KEY), "the transport context names no user");
    }
}
