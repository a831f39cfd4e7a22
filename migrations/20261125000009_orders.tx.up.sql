-- Carts, orders split per vendor, refunds, flash sales and show views (for
-- attribution after a show).
CREATE TABLE carts (
    id         TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL UNIQUE REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
--bun:split
CREATE TABLE cart_lines (
    id         TEXT PRIMARY KEY,
    cart_id    TEXT NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    product_id TEXT NOT NULL REFERENCES products (id),
    quantity   INTEGER NOT NULL CHECK (quantity > 0 AND quantity <= 1000),
    show_id    TEXT REFERENCES shows (id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (cart_id, product_id)
);
--bun:split
CREATE TABLE orders (
    id              TEXT PRIMARY KEY,
    number          TEXT NOT NULL UNIQUE,
    user_id         TEXT NOT NULL REFERENCES users (id),
    status          TEXT NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'CANCELLED')),
    currency        TEXT NOT NULL CHECK (LENGTH(currency) = 3),
    total_minor     BIGINT NOT NULL CHECK (total_minor > 0),
    idempotency_key TEXT NOT NULL,
    request_hash    TEXT NOT NULL,
    payment_ref     TEXT,
    decline_reason  TEXT,
    shipping        TEXT NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    paid_at         TIMESTAMPTZ,
    UNIQUE (user_id, idempotency_key)
);
--bun:split
CREATE INDEX orders_user ON orders (user_id, created_at);
--bun:split
CREATE INDEX orders_pending ON orders (status, expires_at);
--bun:split
CREATE TABLE vendor_orders (
    id             TEXT PRIMARY KEY,
    order_id       TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    vendor_id      TEXT NOT NULL REFERENCES vendors (id),
    subtotal_minor BIGINT NOT NULL,
    UNIQUE (order_id, vendor_id)
);
--bun:split
CREATE INDEX vendor_orders_vendor ON vendor_orders (vendor_id);
--bun:split
CREATE TABLE order_lines (
    id                TEXT PRIMARY KEY,
    order_id          TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    vendor_order_id   TEXT NOT NULL REFERENCES vendor_orders (id) ON DELETE CASCADE,
    vendor_id         TEXT NOT NULL REFERENCES vendors (id),
    product_id        TEXT NOT NULL REFERENCES products (id),
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_minor  BIGINT NOT NULL CHECK (unit_price_minor > 0),
    total_minor       BIGINT NOT NULL CHECK (total_minor > 0),
    commission_bps    INTEGER NOT NULL CHECK (commission_bps >= 0 AND commission_bps <= 10000),
    platform_fee_bps  INTEGER NOT NULL CHECK (platform_fee_bps >= 0 AND platform_fee_bps <= 10000),
    show_id           TEXT REFERENCES shows (id),
    influencer_id     TEXT REFERENCES influencers (id),
    collaboration_id  TEXT REFERENCES collaborations (id),
    flash_sale_id     TEXT,
    refunded_quantity INTEGER NOT NULL DEFAULT 0 CHECK (refunded_quantity >= 0 AND refunded_quantity <= quantity),
    created_at        TIMESTAMPTZ NOT NULL
);
--bun:split
CREATE INDEX order_lines_order ON order_lines (order_id);
--bun:split
CREATE INDEX order_lines_vendor ON order_lines (vendor_id, created_at);
--bun:split
CREATE INDEX order_lines_influencer ON order_lines (influencer_id, created_at);
--bun:split
CREATE TABLE refunds (
    id           TEXT PRIMARY KEY,
    order_id     TEXT NOT NULL REFERENCES orders (id),
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    reason       TEXT NOT NULL,
    restock      BOOLEAN NOT NULL,
    created_by   TEXT NOT NULL REFERENCES users (id),
    created_at   TIMESTAMPTZ NOT NULL
);
--bun:split
CREATE TABLE refund_lines (
    refund_id    TEXT NOT NULL REFERENCES refunds (id) ON DELETE CASCADE,
    line_id      TEXT NOT NULL REFERENCES order_lines (id),
    quantity     INTEGER NOT NULL CHECK (quantity > 0),
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    PRIMARY KEY (refund_id, line_id)
);
--bun:split
CREATE TABLE flash_sales (
    id              TEXT PRIMARY KEY,
    show_id         TEXT NOT NULL REFERENCES shows (id),
    product_id      TEXT NOT NULL REFERENCES products (id),
    price_minor     BIGINT NOT NULL CHECK (price_minor > 0),
    currency        TEXT NOT NULL,
    quantity        INTEGER NOT NULL CHECK (quantity > 0),
    remaining       INTEGER NOT NULL CHECK (remaining >= 0),
    per_buyer_limit INTEGER NOT NULL CHECK (per_buyer_limit > 0),
    starts_at       TIMESTAMPTZ NOT NULL,
    ends_at         TIMESTAMPTZ NOT NULL,
    ended_at        TIMESTAMPTZ
);
--bun:split
CREATE INDEX flash_sales_show ON flash_sales (show_id, product_id);
--bun:split
CREATE TABLE flash_sale_buyers (
    flash_sale_id TEXT NOT NULL REFERENCES flash_sales (id),
    user_id       TEXT NOT NULL REFERENCES users (id),
    quantity      INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (flash_sale_id, user_id)
);
--bun:split
CREATE TABLE show_views (
    show_id   TEXT NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    user_id   TEXT NOT NULL REFERENCES users (id),
    viewed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (show_id, user_id)
);
--bun:split
CREATE INDEX show_views_user ON show_views (user_id, viewed_at);
