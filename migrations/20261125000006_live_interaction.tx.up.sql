-- Live interaction: chat, questions and answers, show moderators and mutes.
CREATE TABLE chat_messages (
    id         TEXT PRIMARY KEY,
    show_id    TEXT NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL REFERENCES users (id),
    body       TEXT NOT NULL CHECK (body <> ''),
    created_at TIMESTAMPTZ NOT NULL,
    removed_at TIMESTAMPTZ,
    removed_by TEXT REFERENCES users (id)
);
--bun:split
CREATE INDEX chat_messages_show_idx ON chat_messages (show_id, id);
--bun:split
CREATE INDEX chat_messages_rate_idx ON chat_messages (show_id, user_id, created_at);
--bun:split
CREATE TABLE questions (
    id          TEXT PRIMARY KEY,
    show_id     TEXT NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    user_id     TEXT NOT NULL REFERENCES users (id),
    body        TEXT NOT NULL CHECK (body <> ''),
    answer      TEXT,
    answered_at TIMESTAMPTZ,
    product_id  TEXT REFERENCES products (id),
    created_at  TIMESTAMPTZ NOT NULL
);
--bun:split
CREATE INDEX questions_show_idx ON questions (show_id, id);
--bun:split
CREATE TABLE show_moderators (
    show_id    TEXT NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (show_id, user_id)
);
--bun:split
CREATE TABLE show_mutes (
    show_id    TEXT NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (show_id, user_id)
);
