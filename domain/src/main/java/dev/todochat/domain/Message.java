package dev.todochat.domain;

/** One entry of a conversation's transcript. */
public sealed interface Message permits UserMessage, AssistantMessage, ToolResultMessage {
    /** A short name of the kind, as stored and shown on the wire: {@code user}, {@code assistant}, {@code tool}. */
    String role();
}
