DROP TABLE show_notices_sent;
--bun:split
DROP TABLE outbox;
