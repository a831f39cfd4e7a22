-- LiveKit: webhook events seen (de-duplication by event id) and who is in
-- each show's room, kept order-tolerant by the time of the latest event.
CREATE TABLE livekit_events (
    id          TEXT PRIMARY KEY,
    event       TEXT NOT NULL,
    room        TEXT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);
--bun:split
CREATE TABLE show_participants (
    show_id       TEXT NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    identity      TEXT NOT NULL,
    is_host       BOOLEAN NOT NULL,
    present       BOOLEAN NOT NULL,
    last_event_at BIGINT NOT NULL,
    PRIMARY KEY (show_id, identity)
);
