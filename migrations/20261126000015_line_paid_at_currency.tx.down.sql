CREATE INDEX order_lines_influencer ON order_lines (influencer_id, created_at);
--bun:split
CREATE INDEX order_lines_vendor ON order_lines (vendor_id, created_at);
--bun:split
DROP INDEX order_lines_influencer_paid;
--bun:split
DROP INDEX order_lines_vendor_paid;
--bun:split
ALTER TABLE order_lines DROP COLUMN currency;
--bun:split
ALTER TABLE order_lines DROP COLUMN paid_at;
