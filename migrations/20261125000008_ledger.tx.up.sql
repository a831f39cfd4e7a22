-- Ledger: double-entry and append-only. A posting is one balanced set of
-- entries (per currency the signed amounts sum to zero: + debit, - credit);
-- balances are derived by summing entries, never stored. Corrections are new
-- postings (reversals); nothing here is ever updated or deleted.
CREATE TABLE ledger_postings (
    id         TEXT PRIMARY KEY,
    -- idempotency key ("payment:<order id>", "refund:<refund id>"): a second
    -- posting of the same event is refused by this constraint
    key        TEXT NOT NULL UNIQUE CHECK (key <> ''),
    kind       TEXT NOT NULL CHECK (kind <> ''),
    -- no foreign key: orders live in another migration and postings outlive them
    order_id   TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
--bun:split
CREATE INDEX ledger_postings_order_id_idx ON ledger_postings (order_id);
--bun:split
CREATE TABLE ledger_entries (
    id         TEXT PRIMARY KEY,
    posting_id TEXT NOT NULL REFERENCES ledger_postings (id),
    account    TEXT NOT NULL CHECK (account <> ''),
    -- vendor or influencer id; '' for the platform's own accounts
    party_id   TEXT NOT NULL DEFAULT '',
    currency   TEXT NOT NULL CHECK (LENGTH(currency) = 3),
    -- signed minor units: positive = debit, negative = credit, never zero
    amount     BIGINT NOT NULL CHECK (amount <> 0),
    -- the posting's time, copied so balances as of a time need no join
    created_at TIMESTAMPTZ NOT NULL
);
--bun:split
CREATE INDEX ledger_entries_posting_id_idx ON ledger_entries (posting_id);
--bun:split
CREATE INDEX ledger_entries_party_idx ON ledger_entries (party_id, account, currency, created_at);
