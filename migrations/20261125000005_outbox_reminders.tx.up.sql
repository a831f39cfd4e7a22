-- The transactional outbox (side effects written with the change that causes
-- them, relayed to the job queue) and the record of reminders sent, which
-- makes each person's reminder exactly-once however often a task runs.
CREATE TABLE outbox (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    payload     TEXT NOT NULL,
    run_at      TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL,
    relayed_at  TIMESTAMPTZ,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT
);
--bun:split
CREATE INDEX outbox_pending_idx ON outbox (relayed_at, id);
--bun:split
CREATE TABLE show_notices_sent (
    show_id  TEXT NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    user_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind     TEXT NOT NULL,
    sent_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (show_id, user_id, kind)
);
