package dev.todochat.mcp.internal;

import java.util.List;

/**
 * The {@code MCP-Protocol-Version} header check the SDK's servlet transport leaves to its host: the versions of the
 * streamable HTTP transport, and, as the specification asks, 2025-03-26 when a client sends no header.
 */
final class ProtocolVersions {
    static final String HEADER = "MCP-Protocol-Version";
    static final List<String> SUPPORTED = List.of(
            io.modelcontextprotocol.spec.ProtocolVersions.MCP_2025_03_26,
            io.modelcontextprotocol.spec.ProtocolVersions.MCP_2025_06_18,
            io.modelcontextprotocol.spec.ProtocolVersions.MCP_2025_11_25);

    private ProtocolVersions() {
    }

    /** Whether a request with this header value (null when absent) may go on. */
    static boolean accepts(String header) {
        return header == null || SUPPORTED.contains(header.strip());
    }
}
