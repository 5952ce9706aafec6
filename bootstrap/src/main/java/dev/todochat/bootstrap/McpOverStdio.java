package dev.todochat.bootstrap;

import dev.todochat.application.TodoChat;
import dev.todochat.domain.UserId;
import dev.todochat.llm.offline.OfflineAssistant;
import dev.todochat.mcp.McpStdioServer;
import dev.todochat.mcp.TodoChatMcp;
import dev.todochat.persistence.PostgresDatabase;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The {@code mcp-stdio} command: one user's task tools over MCP on standard input and output, for a local client that
 * launches todochat itself (Claude Desktop). Standard output carries the protocol and nothing else; notes and logs go
 * to standard error. It uses the database {@code serve} would use, and ends when the client closes its input.
 */
final class McpOverStdio {
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    McpOverStdio(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    void run(Config config, UserId user) throws InterruptedException {
        if (config.databaseUrl().isEmpty()) {
            err.println("todochat: starting the embedded PostgreSQL in " + config.embeddedPostgresDir() + " ...");
        }
        try (PostgresDatabase database = Server.openDatabase(config)) {
            database.migrate();
            // the tools alone: no model is ever asked, so the offline assistant merely completes the facade
            TodoChat chat = TodoChat.builder().storage(database.storage()).model(new OfflineAssistant()).build();
            try (McpStdioServer server = TodoChatMcp.stdio(chat, user, in, out)) {
                err.println("todochat: serving the task tools of " + user + " over MCP on standard input and output ("
                        + database.describe() + ")");
                server.awaitEndOfInput();
            }
        }
    }
}
