DROP TABLE show_mutes;
--bun:split
DROP TABLE show_moderators;
--bun:split
DROP TABLE questions;
--bun:split
DROP TABLE chat_messages;
