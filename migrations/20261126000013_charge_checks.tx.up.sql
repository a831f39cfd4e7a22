-- The sweep asks the provider again, at doubling intervals for an hour,
-- about orders it cancelled unpaid: a charge whose answer was lost may land
-- after the cancellation. charge_checked_at is when it last asked.
ALTER TABLE orders ADD COLUMN charge_checked_at TIMESTAMPTZ;
--bun:split
-- On status alone: a column named in an index's predicate makes every update
-- of it a non-HOT update in PostgreSQL, and payment_ref is written by every
-- paid checkout (status is indexed already).
CREATE INDEX orders_expired_unpaid ON orders (expires_at) WHERE status = 'CANCELLED';
--bun:split
-- When a payment refund was last sent (or tried): refunds still unsent an
-- hour later are tried again by the sweep, whatever became of their job.
ALTER TABLE payment_refunds ADD COLUMN attempted_at TIMESTAMPTZ;
--bun:split
CREATE INDEX payment_refunds_unsent ON payment_refunds (created_at) WHERE sent_at IS NULL;
