-- When each order line was paid (its order's paid_at, written in the
-- transaction that marks the order PAID) and in which currency (its order's).
-- Vendors' sales reports and influencers' earnings sum the lines paid in a
-- period by currency; with both only on orders, the database had to read
-- every line the vendor (or influencer) ever sold and look each one's order
-- up. The indexes hold paid lines only, so a reservation's insert does not
-- touch them.
--
-- ADD COLUMN locks order_lines entirely (reads too: checkouts, order views,
-- refunds, reports) until the migration's transaction commits, and the
-- backfill rewrites every line: on a large table, upgrade in a quiet hour.
-- Stop every process of the previous version first (serve and worker): it
-- does not write these columns (README, "Upgrading").
ALTER TABLE order_lines ADD COLUMN paid_at TIMESTAMPTZ;
--bun:split
ALTER TABLE order_lines ADD COLUMN currency TEXT NOT NULL DEFAULT '';
--bun:split
UPDATE order_lines SET currency = (SELECT o.currency FROM orders AS o WHERE o.id = order_lines.order_id),
    paid_at = (SELECT o.paid_at FROM orders AS o WHERE o.id = order_lines.order_id);
--bun:split
CREATE INDEX IF NOT EXISTS order_lines_vendor_paid ON order_lines (vendor_id, paid_at) WHERE paid_at IS NOT NULL;
--bun:split
CREATE INDEX IF NOT EXISTS order_lines_influencer_paid ON order_lines (influencer_id, paid_at) WHERE paid_at IS NOT NULL AND influencer_id IS NOT NULL;
--bun:split
-- Only the reports read lines by vendor or influencer, now by paid_at.
DROP INDEX IF EXISTS order_lines_vendor;
--bun:split
DROP INDEX IF EXISTS order_lines_influencer;
