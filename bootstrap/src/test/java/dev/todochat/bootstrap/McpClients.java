package dev.todochat.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The MCP SDK's own client, on either transport, and what the tests read from its answers. */
final class McpClients {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private McpClients() {
    }

    /** A client of {@code baseUrl}/mcp that sends {@code token} as its bearer token; not initialized yet. */
    static McpSyncClient overHttp(String baseUrl, String token) {
        return over(HttpClientStreamableHttpTransport.builder(baseUrl)
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .build());
    }

    static McpSyncClient over(McpClientTransport transport) {
        return McpClient.sync(transport).requestTimeout(TIMEOUT).initializationTimeout(TIMEOUT).build();
    }

    static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(CallToolRequest.builder(tool).arguments(arguments).build());
    }

    /** The structured result of a successful call. */
    static JsonNode ok(CallToolResult result) {
        assertThat(result.isError()).as("isError of %s", text(result)).isFalse();
        JsonNode structured = json(result.structuredContent());
        assertThat(parse(text(result))).as("the text content is the structured result as JSON").isEqualTo(structured);
        return structured;
    }

    /** The message of an error result, which carries no structured content. */
    static String error(CallToolResult result) {
        assertThat(result.isError()).as("isError of %s", result).isTrue();
        assertThat(result.structuredContent()).isNull();
        return text(result);
    }

    static String text(CallToolResult result) {
        assertThat(result.content()).hasSize(1);
        return ((TextContent) result.content().getFirst()).text();
    }

    /** Any value (a schema, a tool result) as a JSON tree read back from its text, so that 1 and 1L compare equal. */
    static JsonNode json(Object value) {
        try {
            return parse(JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
