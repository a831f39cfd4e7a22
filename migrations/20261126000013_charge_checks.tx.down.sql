DROP INDEX payment_refunds_unsent;
--bun:split
ALTER TABLE payment_refunds DROP COLUMN attempted_at;
--bun:split
DROP INDEX orders_expired_unpaid;
--bun:split
ALTER TABLE orders DROP COLUMN charge_checked_at;
