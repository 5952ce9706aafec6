/** The chat turn: {@link dev.todochat.domain.chat.ChatCycle}, the agent loop, and what goes in and comes out. */
package dev.todochat.domain.chat;
