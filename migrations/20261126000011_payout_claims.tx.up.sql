-- A run claims a payout for sending with a token of its own, so only the
-- run that sent it records the provider's answer; exported_at records when
-- a manual payout was first listed for the bank (GET /payouts.csv), so it is
-- not transferred twice.
ALTER TABLE payouts ADD COLUMN send_claim TEXT;
--bun:split
ALTER TABLE payouts ADD COLUMN exported_at TIMESTAMPTZ;
