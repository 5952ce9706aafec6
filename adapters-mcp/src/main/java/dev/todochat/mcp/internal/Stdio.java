package dev.todochat.mcp.internal;

import dev.todochat.application.TodoChat;
import dev.todochat.domain.UserId;
import dev.todochat.mcp.McpStdioServer;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * The task tools over stdio for one user, who is fixed when the process starts: a local client (Claude Desktop)
 * launches it and speaks JSON-RPC lines on its standard input and output.
 */
public final class Stdio implements McpStdioServer {
    /** Each tool call is one short transaction; a request unanswered this long after the input ended never will be. */
    private static final Duration LAST_ANSWERS_WAIT = Duration.ofSeconds(10);

    private final McpSyncServer server;
    private final StdioStreams streams;

    private Stdio(McpSyncServer server, StdioStreams streams) {
        this.server = server;
        this.streams = streams;
    }

    /** Starts reading {@code in} at once; answers go to {@code out} and nowhere else. */
    public static Stdio serve(TodoChat chat, UserId user, InputStream in, OutputStream out) {
        McpJsonMapper json = McpJsonDefaults.getMapper();
        McpTools tools = new McpTools(chat, json);
        StdioStreams streams = new StdioStreams(json, LAST_ANSWERS_WAIT);
        McpSyncServer server = McpServer.sync(
                        new StdioServerTransportProvider(json, streams.input(in), streams.output(out)))
                .serverInfo(ServerIdentity.NAME, ServerIdentity.version())
                .instructions(ServerIdentity.INSTRUCTIONS)
                .capabilities(ServerIdentity.CAPABILITIES)
                .validateToolInputs(false)
                .tools(tools.definitions().stream()
                        .map(tool -> new SyncToolSpecification(tool, (exchange, call) -> tools.call(user, call)))
                        .toList())
                .build();
        return new Stdio(server, streams);
    }

    @Override
    public void awaitEndOfInput() throws InterruptedException {
        streams.awaitEnd();
    }

    @Override
    public void close() {
        server.closeGracefully();
    }
}
