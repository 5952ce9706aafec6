package dev.todochat.persistence.internal;

import dev.todochat.domain.port.Conversations;
import dev.todochat.domain.port.IdempotencyKeys;
import dev.todochat.domain.port.RateLimits;
import dev.todochat.domain.port.Tasks;
import dev.todochat.domain.port.Transcript;
import dev.todochat.domain.port.UnitOfWork;
import org.jdbi.v3.core.Handle;

/** The stores of one transaction, all on its one handle. */
record JdbiUnitOfWork(Conversations conversations, Transcript transcript, Tasks tasks,
                      IdempotencyKeys idempotencyKeys, RateLimits rateLimits) implements UnitOfWork {
    static JdbiUnitOfWork on(Handle handle, JsonColumns json, RateLimitSweep sweep) {
        return new JdbiUnitOfWork(new JdbiConversations(handle), new JdbiTranscript(handle, json), new JdbiTasks(handle),
                new JdbiIdempotencyKeys(handle, new TurnResults(json)), new JdbiRateLimits(handle, sweep));
    }
}
