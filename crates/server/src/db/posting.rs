//! Posting a comment: one transaction that claims the `Idempotency-Key`, counts the post
//! against the client's rate limit, checks the parent and stores the comment. Every step
//! is in the database, so any number of server processes can share it. On SQLite, posts
//! that wait for the write lock share one commit ([`super::group_commit`]).

use binhluan_api::CommentStatus;
use sqlx::{AnyConnection, Connection};

use super::Db;
use super::backfill::search_text;
use super::comments::{COMMENT_COLUMNS, CommentRow, ParentProblem, status_column};
use super::rate_limit::{Bucket, count_client_hit};

/// A comment to store, already validated and normalized.
#[derive(Debug)]
pub struct NewCommentRecord {
    /// The article it is about.
    pub article_slug: String,
    /// The comment it answers.
    pub parent_id: Option<i64>,
    /// The author's name, trimmed.
    pub author_name: String,
    /// The author's e-mail, if given.
    pub author_email: Option<String>,
    /// The content as stored (`normalize_for_storage`).
    pub content: String,
    /// Its status on arrival.
    pub status: CommentStatus,
    /// The request's `Idempotency-Key`.
    pub idempotency_key: String,
    /// A digest of the request, to tell a retry from another request with the same key.
    pub request_hash: String,
    /// The rate-limit key of the client (its address; an IPv6 client's /64).
    pub client: String,
    /// The reader's anonymous id (`X-Reader-Id`), if the app sent it.
    pub reader_id: Option<String>,
    /// Why the rules hold it for a moderator (`links`, `contacts`, `suspect_words`, joined by
    /// commas), if they do.
    pub held_for: Option<String>,
    /// Posts allowed per client per minute; 0 for no limit.
    pub rate_limit: u32,
}

/// What came of a post.
#[derive(Debug)]
pub enum PostOutcome {
    /// The comment was stored; the `201` body (a `Comment` as JSON).
    Created(String),
    /// The same key and request were seen before; the original `201` body.
    Replayed(String),
    /// The key was used before for another request.
    KeyConflict,
    /// The client posted too often; seconds until the window ends.
    RateLimited {
        /// Seconds until the client may post again.
        retry_after: u64,
    },
    /// The parent cannot be answered.
    BadParent(ParentProblem),
}

impl Db {
    /// Counts one request of `client` in `bucket` at `now` (a post the rules refused, a
    /// request to restore a text's marks: limits of their own, apart from accepted posts);
    /// `Some(seconds to wait)` past `limit` a window.
    pub async fn count_client(
        &self,
        bucket: Bucket,
        client: &str,
        limit: u32,
        now: i64,
    ) -> Result<Option<u64>, sqlx::Error> {
        let _turn = self.write_turn().await;
        let mut transaction = self.pool.begin().await?;
        let wait = count_client_hit(&mut transaction, bucket, client, limit, now).await?;
        transaction.commit().await?;
        Ok(wait)
    }

    /// Stores `record`, posted at `now`, unless its key was used already, the client is over
    /// its limit or the parent is wrong. Concurrent posts with one key serialize on the key's
    /// unique row: one stores the comment, the others replay its answer. The answer comes
    /// once the comment is committed (and, on SQLite, synced).
    pub async fn post_comment(
        &self,
        record: NewCommentRecord,
        now: i64,
    ) -> anyhow::Result<PostOutcome> {
        let outcome = match &self.post_queue {
            Some(queue) => queue.store(record, now).await?,
            None => {
                let mut connection = self.pool.acquire().await?;
                store_post(&mut connection, &record, now).await?
            }
        };
        if matches!(outcome, PostOutcome::Created(_)) {
            // The comment is stored: a failed purge is only logged (the next one catches up).
            if let Err(error) = self.purge_expired_keys_if_due(now).await {
                tracing::warn!(%error, "cannot purge expired idempotency keys");
            }
        }
        Ok(outcome)
    }
}

/// Stores `record` on `connection` in a transaction of its own, or in a savepoint when the
/// connection is inside a transaction already (a group commit): committed, or rolled back
/// when the post is refused, without touching the posts around it.
pub(super) async fn store_post(
    connection: &mut AnyConnection,
    record: &NewCommentRecord,
    now: i64,
) -> Result<PostOutcome, sqlx::Error> {
    let mut transaction = connection.begin().await?;
    // A write first: SQLite then takes its write lock at once (waiting its turn) instead
    // of failing to upgrade a read snapshot later.
    let claimed = sqlx::query(
        "INSERT INTO idempotency_keys (idempotency_key, request_hash, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (idempotency_key) DO NOTHING",
    )
    .bind(&record.idempotency_key)
    .bind(&record.request_hash)
    .bind(now)
    .execute(&mut *transaction)
    .await?
    .rows_affected()
        == 1;
    if !claimed {
        transaction.rollback().await?;
        return replay(connection, record).await;
    }
    if record.rate_limit > 0
        && let Some(retry_after) = count_client_hit(
            &mut transaction,
            Bucket::Post,
            &record.client,
            record.rate_limit,
            now,
        )
        .await?
    {
        transaction.rollback().await?;
        return Ok(PostOutcome::RateLimited { retry_after });
    }
    if let Some(parent_id) = record.parent_id
        && let Some(problem) =
            parent_problem(&mut transaction, parent_id, &record.article_slug).await?
    {
        transaction.rollback().await?;
        return Ok(PostOutcome::BadParent(problem));
    }
    let sql = format!(
        "INSERT INTO comments (article_slug, parent_id, author_name, author_email, content, status, created_at, \
         reader_id, client_key, held_for, search_text) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING {COMMENT_COLUMNS}"
    );
    let row = sqlx::query_as::<_, CommentRow>(&sql)
        .bind(&record.article_slug)
        .bind(record.parent_id)
        .bind(&record.author_name)
        .bind(&record.author_email)
        .bind(&record.content)
        .bind(status_column(record.status))
        .bind(now)
        .bind(&record.reader_id)
        .bind(&record.client)
        .bind(&record.held_for)
        .bind(search_text(&record.author_name, &record.content))
        .fetch_one(&mut *transaction)
        .await?;
    let comment = binhluan_api::Comment {
        author_email: None,
        ..row.into_moderation()
    };
    let response =
        serde_json::to_string(&comment).map_err(|error| sqlx::Error::Encode(error.into()))?;
    sqlx::query("UPDATE idempotency_keys SET response = $1 WHERE idempotency_key = $2")
        .bind(&response)
        .bind(&record.idempotency_key)
        .execute(&mut *transaction)
        .await?;
    transaction.commit().await?;
    Ok(PostOutcome::Created(response))
}

/// The answer for a key that was claimed by an earlier request (committed, or earlier in the
/// same group commit).
async fn replay(
    connection: &mut AnyConnection,
    record: &NewCommentRecord,
) -> Result<PostOutcome, sqlx::Error> {
    let (request_hash, response): (String, Option<String>) = sqlx::query_as(
        "SELECT request_hash, response FROM idempotency_keys WHERE idempotency_key = $1",
    )
    .bind(&record.idempotency_key)
    .fetch_one(connection)
    .await?;
    match response {
        Some(response) if request_hash == record.request_hash => {
            Ok(PostOutcome::Replayed(response))
        }
        _ => Ok(PostOutcome::KeyConflict),
    }
}

/// Why comment `parent_id` cannot be answered by a comment on `article_slug`, if it cannot.
async fn parent_problem(
    connection: &mut AnyConnection,
    parent_id: i64,
    article_slug: &str,
) -> Result<Option<ParentProblem>, sqlx::Error> {
    let parent: Option<(String, Option<i64>, String)> =
        sqlx::query_as("SELECT article_slug, parent_id, status FROM comments WHERE id = $1")
            .bind(parent_id)
            .fetch_optional(&mut *connection)
            .await?;
    Ok(match parent {
        // Pending and rejected comments are answered as if they did not exist: whether one
        // exists is not for readers to find out.
        None => Some(ParentProblem::NotFound),
        Some((_, _, status)) if status != status_column(CommentStatus::Published) => {
            Some(ParentProblem::NotFound)
        }
        Some((slug, _, _)) if slug != article_slug => Some(ParentProblem::OtherArticle),
        Some((_, Some(_), _)) => Some(ParentProblem::IsReply),
        Some(_) => None,
    })
}
