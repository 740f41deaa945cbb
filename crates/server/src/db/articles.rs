//! Articles, whoever registered them (the content folder, the CMS, a feed import or an
//! embedded page), the state of their comment threads, and their view counters.

use std::collections::HashMap;

use binhluan_api::{Article, ArticleOrigin, ArticleSummary, Commenting};

use super::Db;
use super::comments::placeholders;
use super::rate_limit::{Bucket, count_hit};
use crate::clock::{MICROS_PER_DAY, now_micros};
use crate::cursor::ArticleCursor;

/// An article to store: its document and the columns kept beside it.
#[derive(Debug)]
pub struct ArticleRecord<'a> {
    /// The article as readers get it (its `views` and `comments` are kept in columns).
    pub article: &'a Article,
    /// When it was published, in microseconds since the epoch.
    pub published_at: i64,
    /// Whether the newsroom lets readers comment.
    pub comments: Commenting,
    /// Whether readers cannot see it.
    pub hidden: bool,
    /// Who registers it.
    pub origin: ArticleOrigin,
}

/// What storing an article did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    /// The article is new.
    Created,
    /// The article existed and something in it changed.
    Updated,
    /// The article existed exactly so.
    Unchanged,
}

/// The state of an article's comment thread.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Thread {
    /// When the article was published, in microseconds since the epoch.
    pub published_at: i64,
    /// Whether the newsroom closed the thread.
    pub closed_by_newsroom: bool,
    /// Whether readers cannot see the article.
    pub hidden: bool,
}

impl Thread {
    /// Whether readers may comment at `now` (microseconds): the newsroom has not closed the
    /// thread and, with `auto_close_after_days`, the article is not older than that.
    pub fn is_open(&self, auto_close_after_days: Option<u32>, now: i64) -> bool {
        let too_old = auto_close_after_days.is_some_and(|days| {
            let closes_at = self
                .published_at
                .saturating_add(i64::from(days).saturating_mul(MICROS_PER_DAY));
            now >= closes_at
        });
        !self.closed_by_newsroom && !too_old
    }

    /// The thread's state as readers see it.
    pub fn commenting(&self, auto_close_after_days: Option<u32>, now: i64) -> Commenting {
        if self.is_open(auto_close_after_days, now) {
            Commenting::Open
        } else {
            Commenting::Closed
        }
    }
}

/// An article with its thread's state.
#[derive(Debug)]
pub struct StoredArticle {
    /// The article, its view counter up to date (its `comments` is as stored: set it from
    /// [`StoredArticle::thread`] for readers).
    pub article: Article,
    /// Its thread.
    pub thread: Thread,
}

/// What came of a widget asking for the thread of an unknown page.
#[derive(Debug)]
pub enum EmbedThread {
    /// The thread was created.
    Created,
    /// Another request created it first.
    Existed,
    /// The client opened too many threads; seconds until it may open more.
    RateLimited {
        /// Seconds until the window ends.
        retry_after: u64,
    },
}

/// The columns an article is read with.
const ARTICLE_COLUMNS: &str = "slug, document, views, published_at, comments, hidden, origin";

/// An `articles` row.
#[derive(Debug, sqlx::FromRow)]
struct ArticleRow {
    slug: String,
    document: String,
    views: i64,
    published_at: i64,
    comments: String,
    hidden: i64,
    origin: String,
}

impl ArticleRow {
    fn thread(&self) -> Thread {
        Thread {
            published_at: self.published_at,
            closed_by_newsroom: self.comments == commenting_column(Commenting::Closed),
            hidden: self.hidden != 0,
        }
    }

    fn into_stored(self) -> Result<StoredArticle, sqlx::Error> {
        let thread = self.thread();
        let mut article: Article = serde_json::from_str(&self.document)
            .map_err(|error| sqlx::Error::Decode(error.into()))?;
        article.views = to_u64(self.views);
        article.comments = if thread.closed_by_newsroom {
            Commenting::Closed
        } else {
            Commenting::Open
        };
        Ok(StoredArticle { article, thread })
    }
}

/// The document stored for `article`: the counter and the thread's state live in columns.
fn document(article: &Article) -> Result<String, sqlx::Error> {
    let stored = Article {
        views: 0,
        comments: Commenting::Open,
        ..article.clone()
    };
    serde_json::to_string(&stored).map_err(|error| sqlx::Error::Encode(error.into()))
}

fn commenting_column(commenting: Commenting) -> &'static str {
    match commenting {
        Commenting::Open => "open",
        Commenting::Closed => "closed",
    }
}

fn origin_column(origin: ArticleOrigin) -> &'static str {
    match origin {
        ArticleOrigin::Content => "content",
        ArticleOrigin::Cms => "cms",
        ArticleOrigin::Feed => "feed",
        ArticleOrigin::Embed => "embed",
    }
}

fn origin_from_column(column: &str) -> ArticleOrigin {
    match column {
        "cms" => ArticleOrigin::Cms,
        "feed" => ArticleOrigin::Feed,
        "embed" => ArticleOrigin::Embed,
        _ => ArticleOrigin::Content,
    }
}

impl Db {
    /// Stores `record` unless an article with its slug exists; tells whether it did.
    pub(super) async fn insert_article_if_missing(
        &self,
        record: &ArticleRecord<'_>,
    ) -> Result<bool, sqlx::Error> {
        let _turn = self.write_turn().await;
        let inserted = sqlx::query(
            "INSERT INTO articles (slug, document, views, published_at, comments, hidden, origin) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (slug) DO NOTHING",
        )
        .bind(&record.article.slug)
        .bind(document(record.article)?)
        .bind(to_i64(record.article.views))
        .bind(record.published_at)
        .bind(commenting_column(record.comments))
        .bind(i64::from(record.hidden))
        .bind(origin_column(record.origin))
        .execute(&self.pool)
        .await?;
        Ok(inserted.rows_affected() == 1)
    }

    /// Creates or replaces the article `record` describes. Its comments and views are never
    /// touched, nor who registered it first; storing what is stored already writes nothing.
    pub async fn save_article(&self, record: &ArticleRecord<'_>) -> Result<Saved, sqlx::Error> {
        if self.insert_article_if_missing(record).await? {
            return Ok(Saved::Created);
        }
        let _turn = self.write_turn().await;
        let updated = sqlx::query(
            "UPDATE articles SET document = $2, published_at = $3, comments = $4, hidden = $5 \
             WHERE slug = $1 AND (document <> $2 OR published_at <> $3 OR comments <> $4 OR hidden <> $5)",
        )
        .bind(&record.article.slug)
        .bind(document(record.article)?)
        .bind(record.published_at)
        .bind(commenting_column(record.comments))
        .bind(i64::from(record.hidden))
        .execute(&self.pool)
        .await?;
        Ok(if updated.rows_affected() == 1 {
            Saved::Updated
        } else {
            Saved::Unchanged
        })
    }

    /// Creates the thread of an embedded page, `record`, counting it against `client`'s
    /// hourly `limit` (0: none). Nothing is counted when the thread exists by then; a refused
    /// thread is not created, and the refusal counts.
    pub async fn open_embed_thread(
        &self,
        record: &ArticleRecord<'_>,
        client: &str,
        limit: u32,
    ) -> Result<EmbedThread, sqlx::Error> {
        let _turn = self.write_turn().await;
        let mut transaction = self.pool.begin().await?;
        // The write first: SQLite takes its write lock at once, and of two requests for one new
        // slug only the one that creates the thread goes on to count it.
        let inserted = sqlx::query(
            "INSERT INTO articles (slug, document, views, published_at, comments, hidden, origin) \
             VALUES ($1, $2, 0, $3, $4, 0, $5) ON CONFLICT (slug) DO NOTHING",
        )
        .bind(&record.article.slug)
        .bind(document(record.article)?)
        .bind(record.published_at)
        .bind(commenting_column(record.comments))
        .bind(origin_column(record.origin))
        .execute(&mut *transaction)
        .await?;
        if inserted.rows_affected() == 0 {
            transaction.rollback().await?;
            return Ok(EmbedThread::Existed);
        }
        if limit > 0
            && let Some(retry_after) = count_hit(
                &mut transaction,
                Bucket::Thread,
                client,
                limit,
                now_micros(),
            )
            .await?
        {
            // Undo the thread but keep the count: a client that keeps trying stays refused.
            sqlx::query("DELETE FROM articles WHERE slug = $1")
                .bind(&record.article.slug)
                .execute(&mut *transaction)
                .await?;
            transaction.commit().await?;
            return Ok(EmbedThread::RateLimited { retry_after });
        }
        transaction.commit().await?;
        Ok(EmbedThread::Created)
    }

    /// The article with `slug` (hidden or not), its view counter up to date.
    pub async fn article(&self, slug: &str) -> Result<Option<StoredArticle>, sqlx::Error> {
        let sql = format!("SELECT {ARTICLE_COLUMNS} FROM articles WHERE slug = $1");
        let row: Option<ArticleRow> = sqlx::query_as(&sql)
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?;
        row.map(ArticleRow::into_stored).transpose()
    }

    /// The thread of the article with `slug`, if there is such an article.
    pub async fn thread(&self, slug: &str) -> Result<Option<Thread>, sqlx::Error> {
        let row: Option<(i64, String, i64)> =
            sqlx::query_as("SELECT published_at, comments, hidden FROM articles WHERE slug = $1")
                .bind(slug)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(published_at, comments, hidden)| Thread {
            published_at,
            closed_by_newsroom: comments == commenting_column(Commenting::Closed),
            hidden: hidden != 0,
        }))
    }

    /// Up to `limit` articles, newest first, after `after`; with each one's comment counts
    /// and its state at `now` under `auto_close_after_days`; and where the next page starts.
    pub async fn article_page(
        &self,
        after: Option<&ArticleCursor>,
        limit: u32,
        auto_close_after_days: Option<u32>,
        now: i64,
    ) -> Result<(Vec<ArticleSummary>, Option<ArticleCursor>), sqlx::Error> {
        let (keyset, limit_parameter) = match after {
            Some(_) => ("WHERE (published_at, slug) < ($1, $2)", 3),
            None => ("", 1),
        };
        let sql = format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles {keyset} \
             ORDER BY published_at DESC, slug DESC LIMIT ${limit_parameter}"
        );
        let mut query = sqlx::query_as::<_, ArticleRow>(&sql);
        if let Some(cursor) = after {
            query = query.bind(cursor.published_at).bind(cursor.slug.clone());
        }
        let mut rows = query
            .bind(i64::from(limit) + 1)
            .fetch_all(&self.pool)
            .await?;
        let next = if rows.len() > limit as usize {
            rows.truncate(limit as usize);
            rows.last().map(|last| ArticleCursor {
                published_at: last.published_at,
                slug: last.slug.clone(),
            })
        } else {
            None
        };
        let counts = self
            .comment_counts(rows.iter().map(|row| row.slug.as_str()))
            .await?;
        let summaries = rows
            .into_iter()
            .map(|row| {
                let origin = origin_from_column(&row.origin);
                let (pending, published) = counts.get(&row.slug).copied().unwrap_or_default();
                let StoredArticle { article, thread } = row.into_stored()?;
                Ok(ArticleSummary {
                    slug: article.slug,
                    title: article.title,
                    url: article.url,
                    published_at: article.published_at,
                    comments: thread.commenting(auto_close_after_days, now),
                    closed_by_newsroom: thread.closed_by_newsroom,
                    hidden: thread.hidden,
                    origin,
                    views: article.views,
                    pending,
                    published,
                })
            })
            .collect::<Result<_, sqlx::Error>>()?;
        Ok((summaries, next))
    }

    /// The pending and published comments (replies included) of each of `slugs`.
    async fn comment_counts<'a>(
        &self,
        slugs: impl Iterator<Item = &'a str>,
    ) -> Result<HashMap<String, (u64, u64)>, sqlx::Error> {
        let slugs: Vec<&str> = slugs.collect();
        if slugs.is_empty() {
            return Ok(HashMap::new());
        }
        let sql = format!(
            "SELECT article_slug, status, COUNT(*) FROM comments \
             WHERE article_slug IN ({}) AND status IN ('pending', 'published') \
             GROUP BY article_slug, status",
            placeholders(1, slugs.len())
        );
        let mut query = sqlx::query_as::<_, (String, String, i64)>(&sql);
        for slug in slugs {
            query = query.bind(slug);
        }
        let mut counts: HashMap<String, (u64, u64)> = HashMap::new();
        for (slug, status, count) in query.fetch_all(&self.pool).await? {
            let entry = counts.entry(slug).or_default();
            if status == "pending" {
                entry.0 = to_u64(count);
            } else {
                entry.1 = to_u64(count);
            }
        }
        Ok(counts)
    }

    /// The article's stored views, or `None` if readers have no such article (none, or hidden).
    pub async fn stored_views(&self, slug: &str) -> Result<Option<u64>, sqlx::Error> {
        let views: Option<i64> =
            sqlx::query_scalar("SELECT views FROM articles WHERE slug = $1 AND hidden = 0")
                .bind(slug)
                .fetch_optional(&self.pool)
                .await?;
        Ok(views.map(to_u64))
    }

    /// Adds `views` (by article) to the stored counts, in one transaction (articles in slug
    /// order, so that two processes writing at once never wait on each other in a cycle).
    pub async fn add_views(&self, views: &HashMap<String, u64>) -> Result<(), sqlx::Error> {
        let mut views: Vec<(&String, &u64)> = views.iter().collect();
        views.sort_unstable();
        let _turn = self.write_turn().await;
        let mut transaction = self.pool.begin().await?;
        for (slug, added) in views {
            sqlx::query("UPDATE articles SET views = views + $1 WHERE slug = $2")
                .bind(to_i64(*added))
                .bind(slug)
                .execute(&mut *transaction)
                .await?;
        }
        transaction.commit().await
    }
}

/// A database integer (never negative here) as a count.
pub(super) fn to_u64(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}

/// A count as a database integer.
pub(super) fn to_i64(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = MICROS_PER_DAY;

    #[test]
    fn a_thread_closes_when_the_newsroom_says_or_when_it_is_too_old() {
        let open = Thread {
            published_at: 10 * DAY,
            closed_by_newsroom: false,
            hidden: false,
        };
        assert!(open.is_open(None, 1000 * DAY));
        assert!(open.is_open(Some(7), 16 * DAY));
        assert!(!open.is_open(Some(7), 17 * DAY));
        assert_eq!(open.commenting(Some(0), 10 * DAY), Commenting::Closed);
        let closed = Thread {
            closed_by_newsroom: true,
            ..open
        };
        assert!(!closed.is_open(None, 10 * DAY));
        assert!(
            Thread {
                published_at: i64::MAX,
                ..open
            }
            .is_open(Some(u32::MAX), i64::MAX - 1)
        );
    }
}
