package dev.todochat.application;

import dev.todochat.domain.RecordedMessage;

import java.util.List;
import java.util.OptionalLong;

/**
 * A page of a conversation's messages in order, and the {@code seq} to ask the next page after (empty when this page
 * reached the newest message).
 */
public record MessagePage(List<RecordedMessage> messages, OptionalLong nextAfter) {
    public MessagePage {
        messages = List.copyOf(messages);
    }
}
