-- Collaborations: vendors' open offers, influencers' collaborations with
-- frozen commission terms, and in-app notifications.
CREATE TABLE offers (
    id             TEXT PRIMARY KEY,
    product_id     TEXT NOT NULL REFERENCES products (id),
    vendor_id      TEXT NOT NULL REFERENCES vendors (id),
    commission_bps INTEGER NOT NULL CHECK (commission_bps BETWEEN 100 AND 8000),
    starts_at      TIMESTAMPTZ,
    ends_at        TIMESTAMPTZ,
    status         TEXT NOT NULL CHECK (status IN ('ACTIVE', 'WITHDRAWN', 'REPLACED')),
    created_by     TEXT NOT NULL REFERENCES users (id),
    created_at     TIMESTAMPTZ NOT NULL,
    closed_at      TIMESTAMPTZ,
    CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at)
);
--bun:split
-- One active offer per product; publishing a new one replaces it.
CREATE UNIQUE INDEX offers_one_active_per_product ON offers (product_id) WHERE status = 'ACTIVE';
--bun:split
CREATE INDEX offers_status_idx ON offers (status, id);
--bun:split
CREATE TABLE collaborations (
    id             TEXT PRIMARY KEY,
    product_id     TEXT NOT NULL REFERENCES products (id),
    vendor_id      TEXT NOT NULL REFERENCES vendors (id),
    influencer_id  TEXT NOT NULL REFERENCES influencers (id),
    offer_id       TEXT REFERENCES offers (id),
    commission_bps INTEGER NOT NULL CHECK (commission_bps BETWEEN 100 AND 8000),
    requested_bps  INTEGER CHECK (requested_bps BETWEEN 100 AND 8000),
    status         TEXT NOT NULL CHECK (status IN ('PENDING', 'COUNTERED', 'ACTIVE', 'REJECTED', 'CANCELLED')),
    starts_at      TIMESTAMPTZ NOT NULL,
    ends_at        TIMESTAMPTZ NOT NULL,
    message        TEXT,
    reject_reason  TEXT,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    CHECK (ends_at > starts_at)
);
--bun:split
CREATE INDEX collaborations_influencer_idx ON collaborations (influencer_id, id);
--bun:split
CREATE INDEX collaborations_vendor_idx ON collaborations (vendor_id, id);
--bun:split
CREATE INDEX collaborations_product_idx ON collaborations (product_id, influencer_id);
--bun:split
CREATE TABLE notifications (
    id         TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    subject_id TEXT,
    read_at    TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL
);
--bun:split
CREATE INDEX notifications_user_idx ON notifications (user_id, id);
