package dev.todochat.application;

import dev.todochat.domain.Conversation;
import dev.todochat.domain.ConversationCursor;

import java.util.List;
import java.util.Optional;

/** A page of a user's conversations, newest first, and where the next page starts (empty on the last page). */
public record ConversationPage(List<Conversation> conversations, Optional<ConversationCursor> next) {
    public ConversationPage {
        conversations = List.copyOf(conversations);
    }
}
