DROP TABLE show_events;
--bun:split
ALTER TABLE shows DROP COLUMN event_seq;
