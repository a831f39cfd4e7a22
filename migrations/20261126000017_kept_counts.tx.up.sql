-- Counts kept by moving them, not by counting again.
--
-- Each show counts its visible chat messages, so that a chat page's
-- totalCount is read, not counted: the storefront asks for it whenever a
-- viewer opens a show, and counting a busy show's chat read every message
-- of it. Posting a message adds one in the same transaction, removing one
-- takes one away. Processes of the previous version do not: stop them
-- before this runs (see the README's upgrade notes, which give the repair).
ALTER TABLE shows ADD COLUMN chat_count INTEGER NOT NULL DEFAULT 0 CHECK (chat_count >= 0);
--bun:split
UPDATE shows SET chat_count = (SELECT COUNT(*) FROM chat_messages WHERE chat_messages.show_id = shows.id AND chat_messages.removed_at IS NULL) WHERE id IN (SELECT show_id FROM chat_messages);
--bun:split
-- The viewer count now moves by each video webhook's change, where it was
-- counted again at each one; concurrent deliveries could leave that count
-- wrong, and a wrong count no longer corrects itself: count once more.
UPDATE shows SET viewer_count = (SELECT COUNT(*) FROM show_participants WHERE show_participants.show_id = shows.id AND show_participants.present AND NOT show_participants.is_host) WHERE id IN (SELECT show_id FROM show_participants);
