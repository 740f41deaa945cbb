-- The moderation desk: accounts, sessions, what a moderator needs to decide, and the audit
-- log (keep in step with ../postgres/0004_moderation_desk.sql).

-- Who posted (the app's anonymous reader id, the client's rate-limit key), why the rules
-- held it ('links'), whether a moderator chose it, and who decided on it last, when.
ALTER TABLE comments ADD COLUMN reader_id TEXT;
ALTER TABLE comments ADD COLUMN client_key TEXT;
ALTER TABLE comments ADD COLUMN held_for TEXT;
ALTER TABLE comments ADD COLUMN featured BIGINT NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN decided_by TEXT;
ALTER TABLE comments ADD COLUMN decided_at BIGINT;
-- The author's name and the text, lower-cased by the server (every script, not only ASCII),
-- for the desk's search.
ALTER TABLE comments ADD COLUMN search_text TEXT;
-- Filled for earlier comments by the server at start (db::backfill), lower-cased as new ones.

CREATE INDEX comments_by_email ON comments (author_email, status);
CREATE INDEX comments_by_reader ON comments (reader_id, status);
CREATE INDEX comments_by_client ON comments (client_key, status);

CREATE TABLE moderators (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    -- 'admin' or 'moderator'.
    role TEXT NOT NULL,
    -- Argon2id, PHC string.
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_login_at BIGINT
);

-- A desk session: the cookie's SHA-256, the CSRF token writes must echo, its end.
CREATE TABLE moderator_sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    moderator_id BIGINT NOT NULL REFERENCES moderators (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX moderator_sessions_by_end ON moderator_sessions (expires_at);

-- One-time login links (the secret's SHA-256), printed by the server at first start.
CREATE TABLE login_links (
    token_hash TEXT PRIMARY KEY NOT NULL,
    moderator_id BIGINT NOT NULL REFERENCES moderators (id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL
);

-- Who decided what and when.
CREATE TABLE moderation_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at BIGINT NOT NULL,
    moderator TEXT NOT NULL,
    action TEXT NOT NULL,
    comment_id BIGINT NOT NULL,
    reason TEXT
);
CREATE INDEX moderation_log_by_comment ON moderation_log (comment_id, id);

-- Secrets the server makes for itself, e.g. the key that turns readers' ids and addresses
-- into pseudonyms for the desk.
CREATE TABLE server_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
