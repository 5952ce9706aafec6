/**
 * The todochat model: conversations, their messages and tool calls, and tasks, identified by typed ids.
 * Everything here is plain JDK: records, sealed interfaces and {@code java.time}.
 */
package dev.todochat.domain;
