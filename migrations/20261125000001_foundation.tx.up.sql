-- Foundation: accounts, vendors, influencers and the catalog.
-- Portable SQL: the same statements run on PostgreSQL and SQLite. Ids are UUIDv7
-- text; times are UTC timestamptz; money is integer minor units.
CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE CHECK (email = LOWER(email)),
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_admin      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ NOT NULL
);
--bun:split
CREATE TABLE sessions (
    id         TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
--bun:split
CREATE INDEX sessions_user_id_idx ON sessions (user_id);
--bun:split
CREATE TABLE sign_in_throttle (
    email        TEXT PRIMARY KEY,
    failures     INTEGER NOT NULL CHECK (failures >= 0),
    window_start TIMESTAMPTZ NOT NULL
);
--bun:split
CREATE TABLE vendors (
    id               TEXT PRIMARY KEY,
    slug             TEXT NOT NULL UNIQUE CHECK (slug = LOWER(slug)),
    name             TEXT NOT NULL,
    description      TEXT NOT NULL,
    platform_fee_bps INTEGER CHECK (platform_fee_bps BETWEEN 0 AND 10000),
    created_at       TIMESTAMPTZ NOT NULL
);
--bun:split
CREATE TABLE vendor_staff (
    vendor_id  TEXT NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('OWNER', 'STAFF')),
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (vendor_id, user_id)
);
--bun:split
CREATE INDEX vendor_staff_user_id_idx ON vendor_staff (user_id);
--bun:split
CREATE TABLE influencers (
    id           TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    handle       TEXT NOT NULL UNIQUE CHECK (handle = LOWER(handle)),
    display_name TEXT NOT NULL,
    bio          TEXT NOT NULL,
    avatar_url   TEXT,
    created_at   TIMESTAMPTZ NOT NULL
);
--bun:split
CREATE TABLE follows (
    influencer_id TEXT NOT NULL REFERENCES influencers (id) ON DELETE CASCADE,
    user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (influencer_id, user_id)
);
--bun:split
CREATE INDEX follows_user_id_idx ON follows (user_id);
--bun:split
CREATE TABLE products (
    id           TEXT PRIMARY KEY,
    vendor_id    TEXT NOT NULL REFERENCES vendors (id),
    title        TEXT NOT NULL CHECK (title <> ''),
    description  TEXT NOT NULL,
    category     TEXT NOT NULL,
    price_minor  BIGINT NOT NULL CHECK (price_minor > 0),
    currency     TEXT NOT NULL CHECK (LENGTH(currency) = 3),
    stock        INTEGER NOT NULL CHECK (stock >= 0),
    sku          TEXT NOT NULL,
    image_urls   TEXT NOT NULL,
    -- lower-cased title, SKU and description, folded in Go (SQLite's LOWER
    -- only folds ASCII), for the catalog's substring filter
    search_text  TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL CHECK (status IN ('ACTIVE', 'ARCHIVED')),
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (vendor_id, sku)
);
--bun:split
CREATE INDEX products_vendor_id_idx ON products (vendor_id, id);
--bun:split
CREATE INDEX products_category_idx ON products (category, id);
