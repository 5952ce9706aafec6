/** The MCP Java SDK wiring behind {@code TodoChatMcp}: tool rendering, the guard filter, metadata, stdio streams. */
package dev.todochat.mcp.internal;
