package dev.todochat.mcp.internal;

import dev.todochat.application.TodoChat;
import dev.todochat.domain.RetryHint;
import dev.todochat.domain.ToolResult;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.StorageBusy;
import dev.todochat.domain.tool.ToolSpec;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The five task tools as MCP clients see them: rendered from the very specs the model sees, and run through
 * {@link TodoChat#callTool} for one user. A result carries its object twice, as {@code structuredContent} and as JSON
 * text for clients that read only text; an error result carries its message as the text.
 */
final class McpTools {
    private static final Logger LOG = LoggerFactory.getLogger(McpTools.class);

    private final TodoChat chat;
    private final McpJsonMapper json;

    McpTools(TodoChat chat, McpJsonMapper json) {
        this.chat = chat;
        this.json = json;
    }

    List<McpSchema.Tool> definitions() {
        return chat.tools().specs().stream().map(McpTools::definition).toList();
    }

    static McpSchema.Tool definition(ToolSpec spec) {
        return McpSchema.Tool.builder()
                .name(spec.name())
                .title(spec.title())
                .description(spec.description())
                .inputSchema(spec.inputSchema())
                .outputSchema(spec.output())
                .annotations(McpSchema.ToolAnnotations.builder()
                        .title(spec.title())
                        .readOnlyHint(spec.readOnly())
                        .destructiveHint(spec.destructive())
                        .idempotentHint(spec.idempotent())
                        .openWorldHint(false)
                        .build())
                .build();
    }

    /**
     * Runs the requested tool for {@code user}. Bad arguments and unknown or foreign task ids come back as error
     * results from the tools themselves; a failure underneath (the database gone) becomes an error result too, so that
     * the calling agent reads a sentence rather than a protocol error, and the cause is logged under a request id. A
     * busy storage is no failure: the result says to try again, and when, as the chat API's 503 does.
     */
    CallToolResult call(UserId user, CallToolRequest request) {
        Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
        ToolResult result;
        try {
            result = chat.callTool(user, request.name(), arguments);
        } catch (StorageBusy busy) {
            LOG.warn("MCP tool call {} refused: every database connection is in use", request.name());
            return error("The server is busy right now; nothing was done. Try again in "
                    + RetryHint.wholeSeconds(busy.retryAfter()) + " s.");
        } catch (RuntimeException e) {
            String requestId = UUID.randomUUID().toString();
            LOG.error("MCP tool call {} ({}) failed", requestId, request.name(), e);
            return error("The todo list cannot be reached right now; try again shortly (request id " + requestId
                    + ").");
        }
        if (result.isError()) {
            return error(result.errorMessage());
        }
        return CallToolResult.builder()
                .structuredContent(result.value())
                .addTextContent(text(result.value()))
                .isError(false)
                .build();
    }

    private static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    private String text(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("a tool result could not be written as JSON", e);
        }
    }
}
