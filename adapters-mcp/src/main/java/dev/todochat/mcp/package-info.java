/**
 * The task tools over the Model Context Protocol: {@link dev.todochat.mcp.TodoChatMcp} gives the stateless Streamable
 * HTTP endpoint (as servlet parts, with its {@link dev.todochat.mcp.McpHttpSettings}) and the stdio server. Tokens are
 * checked by whoever wires it, through a {@link dev.todochat.mcp.TokenVerifier}. Everything else is in
 * {@code internal} and may change without notice.
 */
package dev.todochat.mcp;
