ALTER TABLE payouts DROP COLUMN exported_at;
--bun:split
ALTER TABLE payouts DROP COLUMN send_claim;
