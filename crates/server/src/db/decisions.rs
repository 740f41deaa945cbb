//! A moderator's decisions: approve or reject a pending comment, choose a published one, undo
//! one's own last decision; each written with its line in the audit log, in one transaction.
//! Two moderators acting on one comment at once serialize on its row: the first decides, the
//! second learns who did.

use binhluan_api::{AuditEntry, Comment, CommentStatus};

use super::Db;
use super::comments::{COMMENT_COLUMNS, CommentRow, status_column, status_from_column};
use super::reports::close_reports;
use crate::clock::{now_micros, rfc3339};

/// The most comments chosen on one article, pinned at the top of its thread.
pub const MAX_FEATURED: u32 = 10;

/// How long after a decision its moderator may undo it, in microseconds (10 s, and 2 s for
/// the request to arrive).
const UNDO_WINDOW_MICROS: i64 = 12 * 1_000_000;

/// A decision on a pending comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Publish it.
    Approve,
    /// Reject it, for this reason.
    Reject(String),
}

impl Decision {
    fn status(&self) -> CommentStatus {
        match self {
            Self::Approve => CommentStatus::Published,
            Self::Reject(_) => CommentStatus::Rejected,
        }
    }

    fn action(&self) -> &'static str {
        match self {
            Self::Approve => "approve",
            Self::Reject(_) => "reject",
        }
    }

    fn reason(&self) -> Option<&str> {
        match self {
            Self::Approve => None,
            Self::Reject(reason) => Some(reason),
        }
    }
}

/// What came of an action on a comment.
#[derive(Debug)]
pub enum Outcome {
    /// Done (or done already by the same moderator: a retry); the comment now.
    Done(Comment),
    /// Someone else decided otherwise first, or the comment is not in a state the action
    /// applies to: its status now and who decided on it last.
    Conflict {
        /// The comment's status now.
        status: CommentStatus,
        /// Who decided on it last.
        decided_by: Option<String>,
    },
    /// The article has as many chosen comments as it may.
    Limit,
    /// No such comment.
    NotFound,
}

impl Db {
    /// Takes `decision` on pending comment `id` as `moderator`; a published comment readers
    /// reported can be rejected too. Either closes the comment's open reports.
    pub async fn decide(
        &self,
        id: i64,
        decision: &Decision,
        moderator: &str,
    ) -> Result<Outcome, sqlx::Error> {
        let now = now_micros();
        let _turn = self.write_turn().await;
        let mut transaction = self.pool.begin().await?;
        let sql = format!(
            "UPDATE comments SET status = $1, rejection_reason = $2, decided_by = $3, decided_at = $4 \
             WHERE id = $5 AND (status = 'pending' OR ($6 = 1 AND status = 'published' AND EXISTS \
             (SELECT 1 FROM reports WHERE reports.comment_id = comments.id AND reports.closed_at IS NULL))) \
             RETURNING {COMMENT_COLUMNS}"
        );
        let decided: Option<CommentRow> = sqlx::query_as(&sql)
            .bind(status_column(decision.status()))
            .bind(decision.reason())
            .bind(moderator)
            .bind(now)
            .bind(id)
            .bind(i64::from(matches!(decision, Decision::Reject(_))))
            .fetch_optional(&mut *transaction)
            .await?;
        if let Some(row) = decided {
            close_reports(&mut transaction, id, now).await?;
            log(
                &mut transaction,
                now,
                moderator,
                decision.action(),
                id,
                decision.reason(),
            )
            .await?;
            transaction.commit().await?;
            return Ok(Outcome::Done(row.into_moderation()));
        }
        transaction.rollback().await?;
        let current = self.comment_row(id).await?;
        Ok(match current {
            None => Outcome::NotFound,
            Some(row)
                if status_from_column_of(&row) == decision.status()
                    && row.decided_by.as_deref() == Some(moderator) =>
            {
                Outcome::Done(row.into_moderation())
            }
            Some(row) => conflict(row),
        })
    }

    /// Chooses (`featured`) or unchooses published top-level comment `id` as `moderator`; an
    /// article has at most 10 chosen comments (a conflict past that).
    pub async fn set_featured(
        &self,
        id: i64,
        featured: bool,
        moderator: &str,
    ) -> Result<Outcome, sqlx::Error> {
        let now = now_micros();
        let _turn = self.write_turn().await;
        let mut transaction = self.pool.begin().await?;
        // Lock the article's row first: two moderators choosing on one article at once take
        // turns, so the count below stays true (PostgreSQL; SQLite writes one at a time).
        sqlx::query(
            "UPDATE articles SET views = views WHERE slug = (SELECT article_slug FROM comments WHERE id = $1)",
        )
        .bind(id)
        .execute(&mut *transaction)
        .await?;
        let sql = format!(
            "UPDATE comments SET featured = $1 WHERE id = $2 AND status = 'published' AND featured <> $1 \
             AND parent_id IS NULL AND ($1 = 0 OR (SELECT COUNT(*) FROM comments AS chosen \
             WHERE chosen.article_slug = comments.article_slug AND chosen.featured = 1) < $3) \
             RETURNING {COMMENT_COLUMNS}"
        );
        let changed: Option<CommentRow> = sqlx::query_as(&sql)
            .bind(i64::from(featured))
            .bind(id)
            .bind(i64::from(MAX_FEATURED))
            .fetch_optional(&mut *transaction)
            .await?;
        if let Some(row) = changed {
            let action = if featured { "feature" } else { "unfeature" };
            log(&mut transaction, now, moderator, action, id, None).await?;
            transaction.commit().await?;
            return Ok(Outcome::Done(row.into_moderation()));
        }
        transaction.rollback().await?;
        Ok(match self.comment_row(id).await? {
            None => Outcome::NotFound,
            Some(row)
                if status_from_column_of(&row) == CommentStatus::Published
                    && row.parent_id.is_none() =>
            {
                if row.is_featured() == featured {
                    Outcome::Done(row.into_moderation())
                } else {
                    Outcome::Limit
                }
            }
            Some(row) => conflict(row),
        })
    }

    /// Puts comment `id` back in the queue if `moderator` decided on it in the last 10
    /// seconds.
    pub async fn undo(&self, id: i64, moderator: &str) -> Result<Outcome, sqlx::Error> {
        let now = now_micros();
        let _turn = self.write_turn().await;
        let mut transaction = self.pool.begin().await?;
        let sql = format!(
            "UPDATE comments SET status = 'pending', rejection_reason = NULL, featured = 0, \
             decided_by = NULL, decided_at = NULL \
             WHERE id = $1 AND status <> 'pending' AND decided_by = $2 AND decided_at >= $3 \
             RETURNING {COMMENT_COLUMNS}"
        );
        let undone: Option<CommentRow> = sqlx::query_as(&sql)
            .bind(id)
            .bind(moderator)
            .bind(now - UNDO_WINDOW_MICROS)
            .fetch_optional(&mut *transaction)
            .await?;
        if let Some(row) = undone {
            log(&mut transaction, now, moderator, "undo", id, None).await?;
            transaction.commit().await?;
            return Ok(Outcome::Done(row.into_moderation()));
        }
        transaction.rollback().await?;
        Ok(match self.comment_row(id).await? {
            None => Outcome::NotFound,
            Some(row) => conflict(row),
        })
    }

    /// Up to `limit` lines of the audit log, newest first, before line `before`; and where the
    /// next page starts.
    pub async fn audit_page(
        &self,
        before: Option<i64>,
        limit: u32,
    ) -> Result<(Vec<AuditEntry>, Option<i64>), sqlx::Error> {
        let rows: Vec<(i64, i64, String, String, i64, Option<String>)> = sqlx::query_as(
            "SELECT id, at, moderator, action, comment_id, reason FROM moderation_log \
             WHERE id < $1 ORDER BY id DESC LIMIT $2",
        )
        .bind(before.unwrap_or(i64::MAX))
        .bind(i64::from(limit) + 1)
        .fetch_all(&self.pool)
        .await?;
        let mut entries: Vec<AuditEntry> = rows
            .into_iter()
            .map(
                |(id, at, moderator, action, comment_id, reason)| AuditEntry {
                    id,
                    at: rfc3339(at),
                    moderator,
                    action,
                    comment_id,
                    reason,
                },
            )
            .collect();
        let next = if entries.len() > limit as usize {
            entries.truncate(limit as usize);
            entries.last().map(|entry| entry.id)
        } else {
            None
        };
        Ok((entries, next))
    }

    async fn comment_row(&self, id: i64) -> Result<Option<CommentRow>, sqlx::Error> {
        let sql = format!("SELECT {COMMENT_COLUMNS} FROM comments WHERE id = $1");
        sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await
    }
}

fn status_from_column_of(row: &CommentRow) -> CommentStatus {
    status_from_column(row.status_text())
}

fn conflict(row: CommentRow) -> Outcome {
    Outcome::Conflict {
        status: status_from_column_of(&row),
        decided_by: row.decided_by,
    }
}

/// Writes one line of the audit log.
pub(super) async fn log(
    connection: &mut sqlx::AnyConnection,
    at: i64,
    moderator: &str,
    action: &str,
    comment_id: i64,
    reason: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO moderation_log (at, moderator, action, comment_id, reason) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(at)
    .bind(moderator)
    .bind(action)
    .bind(comment_id)
    .bind(reason)
    .execute(&mut *connection)
    .await?;
    Ok(())
}
