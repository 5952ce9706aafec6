package dev.todochat.mcp.internal;

import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;
import java.util.Optional;

/**
 * Where clients reach the endpoint: the configured public URL, or else the scheme and {@code Host} of the request at
 * hand (on {@code /mcp} that host has passed the host check by then).
 */
final class PublicAddress {
    static final String ENDPOINT = "/mcp";
    static final String METADATA = "/.well-known/oauth-protected-resource";

    private final Optional<URI> configured;

    PublicAddress(Optional<URI> configured) {
        this.configured = configured;
    }

    /** The resource's canonical URI, as RFC 9728 and the MCP authorization specification name it. */
    String resource(HttpServletRequest request) {
        return base(request) + ENDPOINT;
    }

    /** Where the protected resource metadata of {@code /mcp} lives. */
    String metadata(HttpServletRequest request) {
        return base(request) + METADATA + ENDPOINT;
    }

    private String base(HttpServletRequest request) {
        if (configured.isPresent()) {
            return configured.get().toString();
        }
        String host = request.getHeader("Host");
        String authority = host == null || host.isBlank()
                ? request.getServerName() + ":" + request.getServerPort()
                : host.strip();
        return request.getScheme() + "://" + authority;
    }
}
