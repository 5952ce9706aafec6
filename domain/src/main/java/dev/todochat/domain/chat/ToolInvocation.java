package dev.todochat.domain.chat;

import dev.todochat.domain.ToolResult;

import java.util.Map;

/** A tool call carried out during a turn: which tool, with what input, and what it answered. */
public record ToolInvocation(String tool, Map<String, Object> input, ToolResult result) {
}
