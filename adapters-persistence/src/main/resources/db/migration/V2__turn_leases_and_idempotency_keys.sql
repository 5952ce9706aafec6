-- One turn at a time per conversation, across all instances: the turn that holds the conversation and until when.
-- A turn renews its lease with every write; a lease left by a killed instance lapses and is taken over.
ALTER TABLE conversations
    ADD COLUMN turn_id         uuid,
    ADD COLUMN turn_expires_at timestamptz,
    ADD CONSTRAINT conversations_turn_has_expiry CHECK ((turn_id IS NULL) = (turn_expires_at IS NULL));

-- Idempotent chat requests, per user: a key is claimed with the turn's first transaction and completed with its last,
-- so a finished turn is never seen without its answer. 'running' keys belong to a turn; when that turn's lease has
-- lapsed the key may be claimed again.
CREATE TABLE idempotency_keys (
    user_id     text        NOT NULL,
    key         text        NOT NULL CHECK (char_length(key) BETWEEN 1 AND 255),
    fingerprint text        NOT NULL,
    turn_id     uuid        NOT NULL,
    state       text        NOT NULL CHECK (state IN ('running', 'done')),
    response    jsonb,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    PRIMARY KEY (user_id, key),
    CONSTRAINT idempotency_keys_done_has_response CHECK ((state = 'done') = (response IS NOT NULL))
);

-- finding the conversation whose lease a running key's turn holds
CREATE INDEX conversations_turn ON conversations (user_id, turn_id) WHERE turn_id IS NOT NULL;
