-- The SQL of one steady tool-calling turn (add_task), as todochat sends it: three transactions, six statements.
-- Each pgbench client is a user with one conversation (seeded by turns.sh); one run of this script is one turn.
BEGIN;
-- the rate limits (here the user's; the address's would be one more row of the same statement)
INSERT INTO rate_limits AS budget (key, full_at)
VALUES ('user:' || ('bench-' || :client_id) || ':1000000', (extract(epoch FROM clock_timestamp()) * 1000000)::bigint + 60)
ON CONFLICT (key) DO UPDATE SET full_at = GREATEST(budget.full_at, EXCLUDED.full_at - 60) + 60
RETURNING key, full_at;
-- take the lease, number the user message and insert it
WITH turn AS (UPDATE conversations SET last_seq = last_seq + 1, updated_at = now(),
                  turn_id = md5('turn-' || ('bench-' || :client_id))::uuid, turn_expires_at = now() + interval '2 minutes'
              WHERE user_id = ('bench-' || :client_id) AND id = md5(('bench-' || :client_id))::uuid AND (turn_id IS NULL OR turn_expires_at <= now())
              RETURNING last_seq)
INSERT INTO messages (user_id, conversation_id, seq, role, content, created_at)
SELECT ('bench-' || :client_id), md5(('bench-' || :client_id))::uuid, turn.last_seq, 'user', 'add benchmark task', now() FROM turn RETURNING seq;
-- the history window
SELECT seq, role, content, tool_calls::text, tool_call_id, tool_name, tool_result::text, is_error, input_tokens,
       output_tokens, created_at
FROM messages WHERE user_id = ('bench-' || :client_id) AND conversation_id = md5(('bench-' || :client_id))::uuid ORDER BY seq DESC LIMIT 50;
COMMIT;
BEGIN;
-- the tool: the user's next task number and the task, in one statement
WITH next AS (INSERT INTO task_numbers (user_id, last_id) VALUES (('bench-' || :client_id), 1)
              ON CONFLICT (user_id) DO UPDATE SET last_id = task_numbers.last_id + 1 RETURNING last_id)
INSERT INTO tasks (user_id, id, title, description, created_at, updated_at)
SELECT ('bench-' || :client_id), last_id, 'benchmark task', NULL, now(), now() FROM next
RETURNING id, title, description, completed, created_at, updated_at;
-- keep the lease, record the call and its result
WITH turn AS (UPDATE conversations SET last_seq = last_seq + 2, updated_at = now(),
                  turn_expires_at = now() + interval '2 minutes'
              WHERE user_id = ('bench-' || :client_id) AND id = md5(('bench-' || :client_id))::uuid AND turn_id = md5('turn-' || ('bench-' || :client_id))::uuid
              RETURNING last_seq)
INSERT INTO messages (user_id, conversation_id, seq, role, content, tool_calls, tool_call_id, tool_name, tool_result,
                      is_error, input_tokens, output_tokens, created_at)
SELECT ('bench-' || :client_id), md5(('bench-' || :client_id))::uuid, turn.last_seq - 2 + m.n, m.role, m.content, m.tool_calls, m.tool_call_id,
       m.tool_name, m.tool_result, m.is_error, m.input_tokens, m.output_tokens, now()
FROM turn, (VALUES
    (1, 'assistant', '', '[{"id":"call_1","name":"add_task","arguments":{"title":"benchmark task"}}]'::jsonb,
     NULL, NULL, NULL::jsonb, NULL::boolean, 0::bigint, 0::bigint),
    (2, 'tool', NULL, NULL::jsonb, 'call_1', 'add_task',
     '{"task_id":1,"status":"created","title":"benchmark task","description":null,"completed":false}'::jsonb, false,
     NULL::bigint, NULL::bigint)) AS m (n, role, content, tool_calls, tool_call_id, tool_name, tool_result, is_error,
                                         input_tokens, output_tokens)
RETURNING seq;
COMMIT;
BEGIN;
-- the answer, releasing the lease
WITH turn AS (UPDATE conversations SET last_seq = last_seq + 1, updated_at = now(), turn_id = NULL,
                  turn_expires_at = NULL
              WHERE user_id = ('bench-' || :client_id) AND id = md5(('bench-' || :client_id))::uuid AND turn_id = md5('turn-' || ('bench-' || :client_id))::uuid
              RETURNING last_seq)
INSERT INTO messages (user_id, conversation_id, seq, role, content, input_tokens, output_tokens, created_at)
SELECT ('bench-' || :client_id), md5(('bench-' || :client_id))::uuid, turn.last_seq, 'assistant', 'Added it to your list.', 0, 0, now() FROM turn
RETURNING seq;
COMMIT;
