-- Money owed back to shoppers' cards. A row is written in the transaction
-- that decides the refund (orderRefund, or a charge the order could not
-- keep), with an outbox job that asks the payment provider for it (the row
-- id is the provider's idempotency key) and retries until the provider
-- confirms: an outage delays a refund, never loses it.
CREATE TABLE payment_refunds (
    id           TEXT PRIMARY KEY,
    order_id     TEXT NOT NULL REFERENCES orders (id),
    refund_id    TEXT UNIQUE REFERENCES refunds (id),
    payment_ref  TEXT NOT NULL,
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    currency     TEXT NOT NULL CHECK (LENGTH(currency) = 3),
    reason       TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    sent_at      TIMESTAMPTZ,
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT
);
--bun:split
CREATE INDEX payment_refunds_order ON payment_refunds (order_id);
--bun:split
-- When a charge taken after its reservation expired could not be kept (the
-- units were sold meanwhile) and was queued for refund: such an order is
-- never revived.
ALTER TABLE orders ADD COLUMN charge_back_at TIMESTAMPTZ;
