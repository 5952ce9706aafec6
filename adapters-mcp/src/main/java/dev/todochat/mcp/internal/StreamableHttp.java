package dev.todochat.mcp.internal;

import dev.todochat.application.TodoChat;
import dev.todochat.mcp.McpHttpEndpoint;
import dev.todochat.mcp.McpHttpSettings;
import dev.todochat.mcp.TokenVerifier;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Assembles the stateless Streamable HTTP endpoint: the SDK's servlet transport and stateless server with the task
 * tools, the guard in front, and the metadata document beside. Tools run on the request's own thread (the container's
 * virtual threads), since every call is a short, blocking transaction.
 */
public final class StreamableHttp {
    /** Far above any valid call (a title and a description are at most a few kilobytes), like the API's limit. */
    private static final int MAX_REQUEST_BYTES = 1 << 20;
    private static final List<String> LOOPBACK_HOSTS = List.of("localhost:*", "127.0.0.1:*", "[::1]:*");

    private StreamableHttp() {
    }

    public static McpHttpEndpoint endpoint(TodoChat chat, TokenVerifier tokens, McpHttpSettings settings) {
        McpJsonMapper json = McpJsonDefaults.getMapper();
        McpTools tools = new McpTools(chat, json);
        HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
                .jsonMapper(json)
                .messageEndpoint(PublicAddress.ENDPOINT)
                .contextExtractor(Caller::context)
                .maxRequestSize(MAX_REQUEST_BYTES)
                .build();
        McpServer.sync(transport)
                .serverInfo(ServerIdentity.NAME, ServerIdentity.version())
                .instructions(ServerIdentity.INSTRUCTIONS)
                .capabilities(ServerIdentity.CAPABILITIES)
                .validateToolInputs(false)
                .immediateExecution(true)
                .tools(tools.definitions().stream()
                        .map(tool -> new SyncToolSpecification(tool,
                                (context, call) -> tools.call(Caller.of(context), call)))
                        .toList())
                .build();

        JsonResponses responses = new JsonResponses(json);
        PublicAddress address = new PublicAddress(settings.publicUrl());
        McpGuard guard = new McpGuard(network(settings), tokens, address, responses);
        ResourceMetadata metadata = new ResourceMetadata(address, settings.authorizationServers(), responses);
        return new McpHttpEndpoint(
                Map.of(PublicAddress.ENDPOINT, transport,
                        PublicAddress.METADATA, metadata,
                        PublicAddress.METADATA + PublicAddress.ENDPOINT, metadata),
                Map.of(PublicAddress.ENDPOINT, guard));
    }

    /**
     * DNS rebinding reaches a local server under a foreign name, so loopback names pass with any port (a container or
     * a proxy may change the port a client sees) and every other name or origin must be listed.
     */
    private static DefaultServerTransportSecurityValidator network(McpHttpSettings settings) {
        List<String> hosts = new ArrayList<>(LOOPBACK_HOSTS);
        hosts.addAll(settings.allowedHosts());
        List<String> origins = new ArrayList<>();
        for (String scheme : List.of("http://", "https://")) {
            LOOPBACK_HOSTS.forEach(host -> origins.add(scheme + host));
        }
        origins.addAll(settings.allowedOrigins());
        settings.publicUrl().ifPresent(url -> {
            String authority = url.getRawAuthority().toLowerCase(Locale.ROOT);
            hosts.add(authority);
            origins.add(url.getScheme().toLowerCase(Locale.ROOT) + "://" + authority);
        });
        return DefaultServerTransportSecurityValidator.builder().allowedHosts(hosts).allowedOrigins(origins).build();
    }
}
