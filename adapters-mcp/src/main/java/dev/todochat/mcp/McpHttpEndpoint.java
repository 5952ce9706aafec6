package dev.todochat.mcp;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;

import java.util.Map;

/**
 * The MCP endpoint as plain servlet parts, so that any servlet container can host it beside other routes: mount each
 * servlet at its path, and each filter in front of its path. It holds no state between requests.
 *
 * @param servlets by exact path: {@code /mcp} (the SDK's stateless Streamable HTTP transport), and the protected
 *                 resource metadata at {@code /.well-known/oauth-protected-resource} and
 *                 {@code /.well-known/oauth-protected-resource/mcp}
 * @param filters  by exact path: the guard in front of {@code /mcp} (origin, host, method, token, protocol version)
 */
public record McpHttpEndpoint(Map<String, Servlet> servlets, Map<String, Filter> filters) {
    public McpHttpEndpoint {
        servlets = Map.copyOf(servlets);
        filters = Map.copyOf(filters);
    }
}
