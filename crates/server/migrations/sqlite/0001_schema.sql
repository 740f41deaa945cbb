-- Bình Luận schema, SQLite flavour (keep in step with ../postgres/0001_schema.sql).
-- Times are microseconds since the Unix epoch, UTC.

CREATE TABLE articles (
    slug TEXT PRIMARY KEY NOT NULL,
    -- The article as JSON (binhluan_api::Article); `views` below is the live counter.
    document TEXT NOT NULL,
    views BIGINT NOT NULL
);

CREATE TABLE comments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article_slug TEXT NOT NULL REFERENCES articles (slug),
    parent_id BIGINT REFERENCES comments (id),
    author_name TEXT NOT NULL,
    author_email TEXT,
    content TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected')),
    rejection_reason TEXT,
    like_count BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);

CREATE INDEX comments_top_level_by_time
    ON comments (article_slug, status, created_at, id) WHERE parent_id IS NULL;
CREATE INDEX comments_top_level_by_likes
    ON comments (article_slug, status, like_count, id) WHERE parent_id IS NULL;
CREATE INDEX comments_replies ON comments (parent_id, status, created_at, id);
CREATE INDEX comments_by_status ON comments (status, created_at, id);

CREATE TABLE likes (
    comment_id BIGINT NOT NULL REFERENCES comments (id),
    reader_id TEXT NOT NULL,
    PRIMARY KEY (comment_id, reader_id)
);
CREATE INDEX likes_by_reader ON likes (reader_id, comment_id);

-- One row per accepted `Idempotency-Key`: a retry replays `response`.
CREATE TABLE idempotency_keys (
    idempotency_key TEXT PRIMARY KEY NOT NULL,
    request_hash TEXT NOT NULL,
    response TEXT,
    created_at BIGINT NOT NULL
);

-- Posts per client address per one-minute window, shared by every server process.
CREATE TABLE post_rate_windows (
    client TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    posts BIGINT NOT NULL,
    PRIMARY KEY (client, window_start)
);
CREATE INDEX post_rate_windows_by_start ON post_rate_windows (window_start);
