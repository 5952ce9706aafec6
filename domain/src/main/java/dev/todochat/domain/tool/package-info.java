/**
 * The five task tools. Each is described once ({@link dev.todochat.domain.tool.ToolSpec}): the OpenAI function
 * schema and the MCP tool are both rendered from that one description.
 */
package dev.todochat.domain.tool;
