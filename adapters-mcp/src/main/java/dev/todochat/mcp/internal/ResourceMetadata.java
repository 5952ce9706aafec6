package dev.todochat.mcp.internal;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OAuth 2.0 Protected Resource Metadata of {@code /mcp} (RFC 9728), which the 401 challenge points to: which
 * resource this is, who issues its tokens (when configured), and that tokens travel in the header only. Public by
 * design, so served without a token and readable from any browser origin.
 */
final class ResourceMetadata extends HttpServlet {
    private final PublicAddress address;
    private final List<String> authorizationServers;
    private final JsonResponses responses;

    ResourceMetadata(PublicAddress address, List<URI> authorizationServers, JsonResponses responses) {
        this.address = address;
        this.authorizationServers = authorizationServers.stream().map(URI::toString).toList();
        this.responses = responses;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resource", address.resource(request));
        if (!authorizationServers.isEmpty()) {
            metadata.put("authorization_servers", authorizationServers);
        }
        metadata.put("bearer_methods_supported", List.of("header"));
        metadata.put("resource_name", "todochat");
        response.setHeader("Access-Control-Allow-Origin", "*");
        responses.write(response, HttpServletResponse.SC_OK, metadata);
    }
}
