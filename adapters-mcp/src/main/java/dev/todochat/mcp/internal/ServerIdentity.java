package dev.todochat.mcp.internal;

import io.modelcontextprotocol.spec.McpSchema;

import java.util.Optional;

/** What the server tells a client at {@code initialize}: its name and version, what it offers, and how to use it. */
final class ServerIdentity {
    static final String NAME = "todochat";
    static final String INSTRUCTIONS = "The user's todo list. Call list_tasks to see the tasks and their ids, then"
            + " add_task, update_task, complete_task or delete_task to change them.";
    static final McpSchema.ServerCapabilities CAPABILITIES =
            McpSchema.ServerCapabilities.builder().tools(false).build();

    private ServerIdentity() {
    }

    /** The version in the jar's manifest, when it has one. */
    static String version() {
        return Optional.ofNullable(ServerIdentity.class.getPackage().getImplementationVersion()).orElse("development");
    }
}
