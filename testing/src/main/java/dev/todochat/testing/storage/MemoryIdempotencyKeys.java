package dev.todochat.testing.storage;

import dev.todochat.domain.IdempotencyKey;
import dev.todochat.domain.TurnId;
import dev.todochat.domain.UserId;
import dev.todochat.domain.chat.ToolInvocation;
import dev.todochat.domain.chat.TurnResult;
import dev.todochat.domain.port.IdempotencyKeys;
import dev.todochat.testing.storage.MemoryState.KeyOf;
import dev.todochat.testing.storage.MemoryState.KeyRow;

import java.time.Instant;

/** {@link IdempotencyKeys} in memory, with the same rule for a key whose turn died: its lease lapsed. */
final class MemoryIdempotencyKeys implements IdempotencyKeys {
    private final MemoryState state;

    MemoryIdempotencyKeys(MemoryState state) {
        this.state = state;
    }

    @Override
    public Claim claim(UserId owner, IdempotencyKey key, String fingerprint, TurnId turn, Instant now,
                       Instant expiresAt) {
        Instant time = MemoryState.stored(now);
        state.keys.entrySet().removeIf(entry -> entry.getKey().owner().equals(owner)
                && !entry.getValue().expiresAt().isAfter(time));
        KeyOf id = new KeyOf(owner, key);
        KeyRow existing = state.keys.get(id);
        if (existing != null) {
            if (!existing.fingerprint().equals(fingerprint)) {
                return new Claim.Mismatch();
            }
            if (existing.result() != null) {
                return new Claim.Replay(existing.result());
            }
            if (turnIsAlive(owner, existing.turn(), time)) {
                return new Claim.InProgress();
            }
        }
        state.keys.put(id, new KeyRow(fingerprint, turn, MemoryState.stored(expiresAt), null));
        return new Claim.Claimed();
    }

    @Override
    public void complete(UserId owner, IdempotencyKey key, TurnId turn, TurnResult result) {
        KeyOf id = new KeyOf(owner, key);
        KeyRow row = state.keys.get(id);
        if (row != null && row.turn().equals(turn)) {
            state.keys.put(id, new KeyRow(row.fingerprint(), turn, row.expiresAt(), asStored(result)));
        }
    }

    @Override
    public void abandon(UserId owner, IdempotencyKey key, TurnId turn) {
        KeyOf id = new KeyOf(owner, key);
        KeyRow row = state.keys.get(id);
        if (row != null && row.turn().equals(turn) && row.result() == null) {
            state.keys.remove(id);
        }
    }

    private boolean turnIsAlive(UserId owner, TurnId turn, Instant now) {
        return state.conversations.values().stream().anyMatch(row -> row.ownedBy(owner) && turn.equals(row.turn())
                && row.turnExpiresAt().isAfter(now));
    }

    /** The answer as it reads back from its jsonb column: never marked as a replay, numbers as JSON gives them. */
    private static TurnResult asStored(TurnResult result) {
        return new TurnResult(result.conversationId(), result.response(), result.toolCalls().stream()
                .map(call -> new ToolInvocation(call.tool(), JsonValues.asStored(call.input()),
                        JsonValues.asStored(call.result())))
                .toList(), result.usage());
    }
}
