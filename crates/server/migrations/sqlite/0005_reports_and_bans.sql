-- Readers' reports and moderators' bans (keep in step with ../postgres/0005_reports_and_bans.sql).

-- One report per reader and comment; open until a moderator decides on the comment.
CREATE TABLE reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    comment_id BIGINT NOT NULL REFERENCES comments (id),
    reader_id TEXT NOT NULL,
    client_key TEXT NOT NULL,
    -- 'spam', 'offensive', 'off_topic', 'personal_attack', 'false_information' or 'other'.
    reason TEXT NOT NULL,
    -- The reader's own words (required for 'other').
    text TEXT,
    created_at BIGINT NOT NULL,
    -- When a moderator decided on the comment (kept, rejected, approved); NULL while open.
    closed_at BIGINT,
    UNIQUE (comment_id, reader_id)
);
CREATE INDEX reports_open ON reports (closed_at, comment_id);

-- A ban covers the reader id and the client key of the comment that caused it.
CREATE TABLE bans (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    comment_id BIGINT NOT NULL REFERENCES comments (id),
    reader_id TEXT,
    client_key TEXT,
    note TEXT NOT NULL,
    moderator TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    -- When it ends (microseconds since the epoch); NULL: never.
    until_at BIGINT,
    -- When and by whom it was lifted early.
    lifted_at BIGINT,
    lifted_by TEXT
);
CREATE INDEX bans_by_reader ON bans (reader_id, lifted_at);
CREATE INDEX bans_by_client ON bans (client_key, lifted_at);
