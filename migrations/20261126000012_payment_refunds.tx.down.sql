ALTER TABLE orders DROP COLUMN charge_back_at;
--bun:split
DROP TABLE payment_refunds;
