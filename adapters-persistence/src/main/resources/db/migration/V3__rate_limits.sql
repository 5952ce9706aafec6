-- The shared rate limits (Bucket4j's PostgreSQL backend): one row per budget, locked with SELECT ... FOR UPDATE
-- while a request takes from it. The key names the budget ("user:<id>:<limit>" or "address:<ip>:<limit>"), so this
-- table is distributed by id, not user_id, on Citus. expires_at (epoch milliseconds) is when a bucket would be full
-- again; past that its row says nothing and a sweep deletes it.
CREATE TABLE rate_limit_buckets (
    id         text   PRIMARY KEY,
    state      bytea,
    expires_at bigint
);

CREATE INDEX rate_limit_buckets_expiry ON rate_limit_buckets (expires_at);
