-- The shared rate limits in our own SQL, replacing Bucket4j's table (whose check took two statements in a transaction
-- of its own): all of a turn's budgets are taken by one statement in the turn's first transaction. A budget is the
-- moment it will be full again, in epoch microseconds; a row whose moment has passed says nothing and is swept. The
-- key names the budget ("user:<id>:<limit>" or "address:<ip>:<limit>"), so this table is distributed by key, not
-- user_id, on Citus. Budgets start afresh after the upgrade.
DROP TABLE rate_limit_buckets;

CREATE TABLE rate_limits (
    key     text   PRIMARY KEY,
    full_at bigint NOT NULL
);

CREATE INDEX rate_limits_full_at ON rate_limits (full_at);
