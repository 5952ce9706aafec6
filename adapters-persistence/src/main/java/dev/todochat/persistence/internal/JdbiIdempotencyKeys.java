package dev.todochat.persistence.internal;

import dev.todochat.domain.IdempotencyKey;
import dev.todochat.domain.TurnId;
import dev.todochat.domain.UserId;
import dev.todochat.domain.chat.TurnResult;
import dev.todochat.domain.port.IdempotencyKeys;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link IdempotencyKeys} on the {@code idempotency_keys} table. Two requests with one key serialise on the key's
 * row: the second waits for the first one's transaction, then sees its state.
 */
final class JdbiIdempotencyKeys implements IdempotencyKeys {
    private final Handle handle;
    private final TurnResults results;

    JdbiIdempotencyKeys(Handle handle, TurnResults results) {
        this.handle = handle;
        this.results = results;
    }

    @Override
    public Claim claim(UserId owner, IdempotencyKey key, String fingerprint, TurnId turn, Instant now,
                       Instant expiresAt) {
        handle.createUpdate("DELETE FROM idempotency_keys WHERE user_id = :owner AND expires_at <= :now")
                .bind("owner", owner.value())
                .bind("now", Columns.stored(now))
                .execute();
        int inserted = handle.createUpdate("INSERT INTO idempotency_keys"
                        + " (user_id, key, fingerprint, turn_id, state, created_at, expires_at)"
                        + " VALUES (:owner, :key, :fingerprint, :turn, 'running', :now, :expiresAt)"
                        + " ON CONFLICT (user_id, key) DO NOTHING")
                .bind("owner", owner.value())
                .bind("key", key.value())
                .bind("fingerprint", fingerprint)
                .bind("turn", turn.value())
                .bind("now", Columns.stored(now))
                .bind("expiresAt", Columns.stored(expiresAt))
                .execute();
        if (inserted == 1) {
            return new Claim.Claimed();
        }
        Existing existing = handle.createQuery("SELECT fingerprint, turn_id, state, response::text AS response"
                        + " FROM idempotency_keys WHERE user_id = :owner AND key = :key FOR UPDATE")
                .bind("owner", owner.value())
                .bind("key", key.value())
                .map((row, context) -> new Existing(row.getString("fingerprint"), row.getObject("turn_id", UUID.class),
                        row.getString("state"), row.getString("response")))
                .one();
        if (!existing.fingerprint().equals(fingerprint)) {
            return new Claim.Mismatch();
        }
        if (existing.state().equals("done")) {
            return new Claim.Replay(results.read(existing.response()));
        }
        if (turnIsAlive(owner, existing.turn(), now)) {
            return new Claim.InProgress();
        }
        handle.createUpdate("UPDATE idempotency_keys SET turn_id = :turn, created_at = :now, expires_at = :expiresAt"
                        + " WHERE user_id = :owner AND key = :key")
                .bind("turn", turn.value())
                .bind("now", Columns.stored(now))
                .bind("expiresAt", Columns.stored(expiresAt))
                .bind("owner", owner.value())
                .bind("key", key.value())
                .execute();
        return new Claim.Claimed();
    }

    /** Whether the turn that claimed a running key still holds a live lease on some conversation of the owner. */
    private boolean turnIsAlive(UserId owner, UUID turn, Instant now) {
        Optional<Integer> alive = handle.createQuery("SELECT 1 FROM conversations"
                        + " WHERE user_id = :owner AND turn_id = :turn AND turn_expires_at > :now")
                .bind("owner", owner.value())
                .bind("turn", turn)
                .bind("now", Columns.stored(now))
                .mapTo(Integer.class)
                .findFirst();
        return alive.isPresent();
    }

    @Override
    public void complete(UserId owner, IdempotencyKey key, TurnId turn, TurnResult result) {
        handle.createUpdate("UPDATE idempotency_keys SET state = 'done', response = CAST(:response AS jsonb)"
                        + " WHERE user_id = :owner AND key = :key AND turn_id = :turn")
                .bind("response", results.write(result))
                .bind("owner", owner.value())
                .bind("key", key.value())
                .bind("turn", turn.value())
                .execute();
    }

    @Override
    public void abandon(UserId owner, IdempotencyKey key, TurnId turn) {
        handle.createUpdate("DELETE FROM idempotency_keys WHERE user_id = :owner AND key = :key AND turn_id = :turn"
                        + " AND state = 'running'")
                .bind("owner", owner.value())
                .bind("key", key.value())
                .bind("turn", turn.value())
                .execute();
    }

    private record Existing(String fingerprint, UUID turn, String state, String response) {
    }
}
