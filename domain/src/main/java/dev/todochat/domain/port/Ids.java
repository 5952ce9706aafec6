package dev.todochat.domain.port;

import dev.todochat.domain.ConversationId;
import dev.todochat.domain.TurnId;

import java.util.UUID;

/** Where new ids come from, so that tests can say exactly which ids they expect. */
public interface Ids {
    ConversationId newConversationId();

    TurnId newTurnId();

    /** Random (version 4) UUIDs: what a server uses. */
    static Ids random() {
        return new Ids() {
            @Override
            public ConversationId newConversationId() {
                return new ConversationId(UUID.randomUUID());
            }

            @Override
            public TurnId newTurnId() {
                return new TurnId(UUID.randomUUID());
            }
        };
    }
}
