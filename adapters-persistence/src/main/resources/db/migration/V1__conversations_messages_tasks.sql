-- todochat's schema. Every table carries user_id, every key starts with it and every query filters by it, so that
-- the tables can be distributed by user_id (Citus), whose unique keys and foreign keys must include that column.

CREATE TABLE conversations (
    user_id    text        NOT NULL,
    id         uuid        NOT NULL,
    title      text        NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    -- the seq of the newest message: raised by each append, whose row lock serialises concurrent appends
    last_seq   bigint      NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
    PRIMARY KEY (user_id, id)
);

-- a user's conversations, newest first
CREATE INDEX conversations_newest_first ON conversations (user_id, updated_at DESC, id);

CREATE TABLE messages (
    user_id         text        NOT NULL,
    conversation_id uuid        NOT NULL,
    seq             bigint      NOT NULL CHECK (seq > 0),
    role            text        NOT NULL CHECK (role IN ('user', 'assistant', 'tool')),
    content         text,
    tool_calls      jsonb,
    tool_call_id    text,
    tool_name       text,
    tool_result     jsonb,
    is_error        boolean,
    input_tokens    bigint      CHECK (input_tokens >= 0),
    output_tokens   bigint      CHECK (output_tokens >= 0),
    created_at      timestamptz NOT NULL,
    -- also serves the history read: newest first, with a limit
    PRIMARY KEY (user_id, conversation_id, seq),
    FOREIGN KEY (user_id, conversation_id) REFERENCES conversations (user_id, id) ON DELETE CASCADE,
    CONSTRAINT messages_text_has_content CHECK (role = 'tool' OR content IS NOT NULL),
    CONSTRAINT messages_tool_result_is_complete CHECK (role <> 'tool' OR (tool_call_id IS NOT NULL
        AND tool_name IS NOT NULL AND tool_result IS NOT NULL AND is_error IS NOT NULL))
);

CREATE TABLE tasks (
    user_id     text        NOT NULL,
    id          bigint      GENERATED ALWAYS AS IDENTITY,
    title       text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    description text        CHECK (description IS NULL OR char_length(description) <= 2000),
    completed   boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (user_id, id)
);

-- a user's tasks by status, oldest first
CREATE INDEX tasks_by_status ON tasks (user_id, completed, id);
