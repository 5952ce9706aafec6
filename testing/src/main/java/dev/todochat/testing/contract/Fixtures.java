package dev.todochat.testing.contract;

import dev.todochat.domain.Conversation;
import dev.todochat.domain.ConversationId;
import dev.todochat.domain.UserId;

import java.time.Instant;
import java.util.UUID;

/** What the contracts start from: a fixed time, and users and conversations no other test has seen. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private Fixtures() {
    }

    static UserId newUser(String name) {
        return new UserId(name + "-" + UUID.randomUUID());
    }

    static Conversation conversationOf(UserId owner, String title) {
        return new Conversation(new ConversationId(UUID.randomUUID()), owner, title, T0, T0);
    }
}
