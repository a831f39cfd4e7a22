-- Show events: every live event gets the next per-show sequence number in the
-- transaction that causes it, and the recent tail is kept for replay.
ALTER TABLE shows ADD COLUMN event_seq BIGINT NOT NULL DEFAULT 0;
--bun:split
CREATE TABLE show_events (
    show_id    TEXT NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    seq        BIGINT NOT NULL,
    kind       TEXT NOT NULL,
    payload    TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (show_id, seq)
);
