-- Scheduled live shows, the products they feature (each covered by the
-- host's collaboration), and shoppers' reminders.
CREATE TABLE shows (
    id                TEXT PRIMARY KEY,
    host_id           TEXT NOT NULL REFERENCES influencers (id),
    title             TEXT NOT NULL CHECK (title <> ''),
    description       TEXT NOT NULL,
    category          TEXT NOT NULL,
    cover_url         TEXT,
    status            TEXT NOT NULL CHECK (status IN ('DRAFT', 'SCHEDULED', 'LIVE', 'ENDED', 'CANCELLED')),
    scheduled_start   TIMESTAMPTZ NOT NULL,
    scheduled_end     TIMESTAMPTZ NOT NULL,
    started_at        TIMESTAMPTZ,
    ended_at          TIMESTAMPTZ,
    viewer_count      INTEGER NOT NULL DEFAULT 0 CHECK (viewer_count >= 0),
    pinned_product_id TEXT REFERENCES products (id),
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    CHECK (scheduled_end > scheduled_start)
);
--bun:split
CREATE INDEX shows_start_idx ON shows (scheduled_start, id);
--bun:split
CREATE INDEX shows_host_idx ON shows (host_id, scheduled_start);
--bun:split
CREATE TABLE show_products (
    show_id          TEXT NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    product_id       TEXT NOT NULL REFERENCES products (id),
    collaboration_id TEXT NOT NULL REFERENCES collaborations (id),
    vendor_id        TEXT NOT NULL REFERENCES vendors (id),
    position         INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (show_id, product_id)
);
--bun:split
CREATE INDEX show_products_vendor_idx ON show_products (vendor_id, show_id);
--bun:split
CREATE TABLE show_reminders (
    show_id    TEXT NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (show_id, user_id)
);
