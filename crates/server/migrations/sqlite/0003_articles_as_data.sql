-- Articles are data: registered by the CMS, imported from a feed, opened by an embed, or
-- loaded from the content folder (keep in step with ../postgres/0003_articles_as_data.sql).

-- When the article was published (microseconds since the epoch), for the newest-first list
-- and closing threads by age; the newsroom's own RFC 3339 text stays in `document`.
ALTER TABLE articles ADD COLUMN published_at BIGINT NOT NULL DEFAULT 0;
-- 'open' or 'closed', as the newsroom set it.
ALTER TABLE articles ADD COLUMN comments TEXT NOT NULL DEFAULT 'open';
-- 1 when readers must not see the article.
ALTER TABLE articles ADD COLUMN hidden BIGINT NOT NULL DEFAULT 0;
-- 'content', 'cms', 'feed' or 'embed': who registered it first.
ALTER TABLE articles ADD COLUMN origin TEXT NOT NULL DEFAULT 'content';

-- Filled from each document's own date by the server at start (db::backfill), the same way on
-- both engines.

CREATE INDEX articles_newest ON articles (published_at, slug);
-- An article's counts by status (the list, the embed's placeholder, the newsroom's tools).
CREATE INDEX comments_by_article ON comments (article_slug, status);

-- Requests per client per fixed window, by what is counted ('post': a minute; 'thread': an
-- hour), shared by every server process.
CREATE TABLE rate_windows (
    bucket TEXT NOT NULL,
    client TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    hits BIGINT NOT NULL,
    PRIMARY KEY (bucket, client, window_start)
);
CREATE INDEX rate_windows_by_start ON rate_windows (bucket, window_start);
DROP TABLE post_rate_windows;
