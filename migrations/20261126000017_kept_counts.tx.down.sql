ALTER TABLE shows DROP COLUMN chat_count;
