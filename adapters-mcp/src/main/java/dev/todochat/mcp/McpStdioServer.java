package dev.todochat.mcp;

/** A running MCP server on a pair of streams, for one user; it ends when its client closes the input. */
public interface McpStdioServer extends AutoCloseable {
    /** Blocks until the client closes the server's input (or the input breaks). */
    void awaitEndOfInput() throws InterruptedException;

    /** Stops answering; the streams stay open, they belong to the caller. */
    @Override
    void close();
}
