-- Payouts: money moved from a party's payable to a payout, then sent through
-- a PayoutProvider. One payout per party, currency and run period: a run
-- repeated in the same period (a retry, a second worker, an admin's "run now")
-- finds it and pays nothing twice.
CREATE TABLE payouts (
    id            TEXT PRIMARY KEY,
    party_type    TEXT NOT NULL CHECK (party_type IN ('VENDOR', 'INFLUENCER')),
    party_id      TEXT NOT NULL CHECK (party_id <> ''),
    currency      TEXT NOT NULL CHECK (LENGTH(currency) = 3),
    amount_minor  BIGINT NOT NULL CHECK (amount_minor > 0),
    -- the run period (a UTC day, YYYY-MM-DD)
    period        TEXT NOT NULL,
    -- CREATED: posted, not yet accepted by the provider; PENDING: accepted,
    -- waiting for confirmation (manual provider: an admin's payoutMarkPaid);
    -- PAID; FAILED: the provider refused, the money is back in the balance
    status        TEXT NOT NULL CHECK (status IN ('CREATED', 'PENDING', 'PAID', 'FAILED')),
    provider      TEXT NOT NULL,
    reference     TEXT,
    failure       TEXT,
    -- when a run last handed it to the provider (a lease: a run that dies
    -- leaves it to the next run once it is old)
    send_claimed_at TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL,
    paid_at       TIMESTAMPTZ,
    failed_at     TIMESTAMPTZ,
    UNIQUE (party_type, party_id, currency, period)
);
--bun:split
CREATE INDEX payouts_party ON payouts (party_id, created_at);
--bun:split
CREATE INDEX payouts_status ON payouts (status, created_at);
--bun:split
CREATE INDEX payouts_created ON payouts (created_at, id);
