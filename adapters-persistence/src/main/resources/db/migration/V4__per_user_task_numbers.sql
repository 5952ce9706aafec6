-- Task numbers a person can say: each user's tasks are numbered 1, 2, 3, ... for that user, and a number is never
-- given twice, even after its task is deleted. task_numbers holds each user's last number; adding a task raises it
-- (the row lock serialises one user's concurrent adds) and takes the new value, in the same statement as the insert.
CREATE TABLE task_numbers (
    user_id text   NOT NULL,
    last_id bigint NOT NULL CHECK (last_id >= 0),
    PRIMARY KEY (user_id)
);

ALTER TABLE tasks ALTER COLUMN id DROP IDENTITY IF EXISTS;

-- Renumber the existing tasks per user, keeping their order. Negating every id first keeps the primary key
-- (user_id, id) free of collisions while the new numbers are written (old order ascending = negated order descending).
UPDATE tasks SET id = -id;

UPDATE tasks SET id = numbered.number
FROM (SELECT user_id, id, row_number() OVER (PARTITION BY user_id ORDER BY id DESC) AS number FROM tasks) numbered
WHERE tasks.user_id = numbered.user_id AND tasks.id = numbered.id;

INSERT INTO task_numbers (user_id, last_id)
SELECT user_id, max(id) FROM tasks GROUP BY user_id;

ALTER TABLE tasks ADD CONSTRAINT tasks_id_is_positive CHECK (id > 0);
