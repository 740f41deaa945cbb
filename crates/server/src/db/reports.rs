//! Readers' reports: one per reader and comment, limited per client; enough of them (the
//! policy's `hide_after_reports`) take a published comment back to pending until a moderator
//! decides; the desk's "Bị báo cáo" queue, most reported first; and "Giữ lại", which dismisses
//! a comment's reports. Any decision on a comment closes its open reports.

use std::collections::HashMap;

use binhluan_api::{ReasonCount, ReportReason, ReportedItem, ReportedPage};
use sqlx::AnyConnection;

use super::Db;
use super::articles::to_u64;
use super::comments::{COMMENT_COLUMNS, CommentRow, placeholders};
use super::decisions::{Outcome, log};
use super::rate_limit::{Bucket, count_client_hit};
use crate::clock::now_micros;
use crate::cursor::{Cursor, CursorOrder};

/// Reports one client key may send an hour (IPv6: 4 and 16 times as many per /56 and /48).
pub const REPORTS_PER_CLIENT_HOUR: u32 = 20;

/// Who the audit log names when readers' reports hide a comment (not a possible account name).
const READERS: &str = "(readers)";

/// The most of a comment's report texts the queue shows.
const TEXTS_SHOWN: usize = 20;

/// Which comments take reports: the published ones, and those their reports hid.
const REPORTABLE: &str = "(status = 'published' OR (status = 'pending' AND held_for = 'reports'))";

/// Per comment, its open reports' counts per reason, and their texts.
type OpenReports = (HashMap<i64, Vec<ReasonCount>>, HashMap<i64, Vec<String>>);

/// What became of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportOutcome {
    /// Taken (or taken before from this reader: counted once).
    Accepted,
    /// There is no such comment a reader can see.
    NotFound,
    /// The client sent too many; seconds to wait.
    Limited(u64),
}

/// A reader's report of a comment.
#[derive(Debug)]
pub struct ReportRecord<'a> {
    /// The comment.
    pub comment_id: i64,
    /// The reader's anonymous id.
    pub reader: &'a str,
    /// The client's rate-limit key.
    pub client: &'a str,
    /// Why.
    pub reason: ReportReason,
    /// In their own words, trimmed, if given.
    pub text: Option<&'a str>,
    /// The policy's `hide_after_reports`.
    pub hide_after: Option<u32>,
}

impl Db {
    /// Records `report`, made at `now`, within its client's limit; hides the comment
    /// (pending, held for `reports`) once `hide_after` readers have reported it.
    pub async fn report(
        &self,
        report: &ReportRecord<'_>,
        now: i64,
    ) -> Result<ReportOutcome, sqlx::Error> {
        let _turn = self.write_turn().await;
        let mut transaction = self.pool.begin().await?;
        if let Some(wait) = count_client_hit(
            &mut transaction,
            Bucket::Report,
            report.client,
            REPORTS_PER_CLIENT_HOUR,
            now,
        )
        .await?
        {
            // The hit stays counted: a client past its limit keeps waiting.
            transaction.commit().await?;
            return Ok(ReportOutcome::Limited(wait));
        }
        let sql = format!(
            "INSERT INTO reports (comment_id, reader_id, client_key, reason, text, created_at) \
             SELECT id, $2, $3, $4, $5, $6 FROM comments WHERE id = $1 AND {REPORTABLE} \
             ON CONFLICT (comment_id, reader_id) DO NOTHING"
        );
        let inserted = sqlx::query(&sql)
            .bind(report.comment_id)
            .bind(report.reader)
            .bind(report.client)
            .bind(report.reason.code())
            .bind(report.text)
            .bind(now)
            .execute(&mut *transaction)
            .await?
            .rows_affected()
            == 1;
        if !inserted {
            let before: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM reports WHERE comment_id = $1 AND reader_id = $2",
            )
            .bind(report.comment_id)
            .bind(report.reader)
            .fetch_optional(&mut *transaction)
            .await?;
            transaction.commit().await?;
            return Ok(before.map_or(ReportOutcome::NotFound, |_| ReportOutcome::Accepted));
        }
        if let Some(threshold) = report.hide_after {
            hide_if_reported(&mut transaction, report.comment_id, threshold, now).await?;
        }
        transaction.commit().await?;
        Ok(ReportOutcome::Accepted)
    }

    /// "Giữ lại": dismisses comment `id`'s open reports as `moderator`, and publishes it again
    /// if its reports had hidden it.
    pub async fn keep(&self, id: i64, moderator: &str) -> Result<Outcome, sqlx::Error> {
        let now = now_micros();
        let _turn = self.write_turn().await;
        let mut transaction = self.pool.begin().await?;
        let dismissed = close_reports(&mut transaction, id, now).await?;
        sqlx::query(
            "UPDATE comments SET status = 'published', held_for = NULL, decided_by = $2, decided_at = $3 \
             WHERE id = $1 AND status = 'pending' AND held_for = 'reports'",
        )
        .bind(id)
        .bind(moderator)
        .bind(now)
        .execute(&mut *transaction)
        .await?;
        let sql = format!("SELECT {COMMENT_COLUMNS} FROM comments WHERE id = $1");
        let Some(row) = sqlx::query_as::<_, CommentRow>(&sql)
            .bind(id)
            .fetch_optional(&mut *transaction)
            .await?
        else {
            transaction.rollback().await?;
            return Ok(Outcome::NotFound);
        };
        if dismissed > 0 {
            let reason = format!("{dismissed} reports");
            log(&mut transaction, now, moderator, "keep", id, Some(&reason)).await?;
        }
        transaction.commit().await?;
        Ok(Outcome::Done(row.into_moderation()))
    }

    /// How many comments have open reports.
    pub(super) async fn reported_count(&self) -> Result<u64, sqlx::Error> {
        let count: i64 = sqlx::query_scalar(
            "SELECT COUNT(DISTINCT comment_id) FROM reports WHERE closed_at IS NULL",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(to_u64(count))
    }

    /// A page of the comments with open reports, most reported first, after `after`.
    pub async fn reported_queue(
        &self,
        after: Option<Cursor>,
        limit: u32,
    ) -> Result<ReportedPage, sqlx::Error> {
        let keyset = if after.is_some() {
            "WHERE (open_reports, comment_id) < ($1, $2)"
        } else {
            "WHERE $1 = $1 AND $2 = $2"
        };
        let sql = format!(
            "SELECT comment_id, open_reports FROM (SELECT comment_id, COUNT(*) AS open_reports \
             FROM reports WHERE closed_at IS NULL GROUP BY comment_id) counted {keyset} \
             ORDER BY open_reports DESC, comment_id DESC LIMIT $3"
        );
        let cursor = after.unwrap_or(Cursor {
            order: CursorOrder::Top,
            key: 0,
            id: 0,
        });
        let mut counted: Vec<(i64, i64)> = sqlx::query_as(&sql)
            .bind(cursor.key)
            .bind(cursor.id)
            .bind(i64::from(limit) + 1)
            .fetch_all(&self.pool)
            .await?;
        let next = if counted.len() > limit as usize {
            counted.truncate(limit as usize);
            counted.last().map(|&(id, key)| {
                Cursor {
                    order: CursorOrder::Top,
                    key,
                    id,
                }
                .encode()
            })
        } else {
            None
        };
        let ids: Vec<i64> = counted.iter().map(|&(id, _)| id).collect();
        let rows = self.rows_by_id(&ids).await?;
        let mut items = self.moderation_items(rows).await?;
        let (reasons, texts) = self.open_reports_of(&ids).await?;
        let mut comments = Vec::with_capacity(ids.len());
        for (id, open) in counted {
            let Some(at) = items.iter().position(|item| item.comment.id == id) else {
                continue;
            };
            let mut reasons = reasons.get(&id).cloned().unwrap_or_default();
            reasons.sort_by_key(|reason| std::cmp::Reverse(reason.count));
            comments.push(ReportedItem {
                item: items.swap_remove(at),
                reports: to_u64(open),
                reasons,
                texts: texts.get(&id).cloned().unwrap_or_default(),
            });
        }
        Ok(ReportedPage {
            comments,
            next_cursor: next,
            total: self.reported_count().await?,
        })
    }

    /// The comments `ids`, in no order.
    async fn rows_by_id(&self, ids: &[i64]) -> Result<Vec<CommentRow>, sqlx::Error> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {COMMENT_COLUMNS} FROM comments WHERE id IN ({})",
            placeholders(1, ids.len())
        );
        let mut query = sqlx::query_as::<_, CommentRow>(&sql);
        for id in ids {
            query = query.bind(*id);
        }
        query.fetch_all(&self.pool).await
    }

    /// The open reports of each of `ids`: their counts per reason, and their texts (newest
    /// first, at most 20).
    async fn open_reports_of(&self, ids: &[i64]) -> Result<OpenReports, sqlx::Error> {
        let mut reasons: HashMap<i64, Vec<ReasonCount>> = HashMap::new();
        let mut texts: HashMap<i64, Vec<String>> = HashMap::new();
        if ids.is_empty() {
            return Ok((reasons, texts));
        }
        let list = placeholders(1, ids.len());
        let sql = format!(
            "SELECT comment_id, reason, COUNT(*) FROM reports \
             WHERE closed_at IS NULL AND comment_id IN ({list}) GROUP BY comment_id, reason"
        );
        let mut query = sqlx::query_as::<_, (i64, String, i64)>(&sql);
        for id in ids {
            query = query.bind(*id);
        }
        for (id, code, count) in query.fetch_all(&self.pool).await? {
            if let Some(reason) = ReportReason::from_code(&code) {
                reasons.entry(id).or_default().push(ReasonCount {
                    reason,
                    count: to_u64(count),
                });
            }
        }
        let sql = format!(
            "SELECT comment_id, text FROM reports WHERE closed_at IS NULL AND text IS NOT NULL \
             AND comment_id IN ({list}) ORDER BY created_at DESC, id DESC"
        );
        let mut query = sqlx::query_as::<_, (i64, String)>(&sql);
        for id in ids {
            query = query.bind(*id);
        }
        for (id, text) in query.fetch_all(&self.pool).await? {
            let shown = texts.entry(id).or_default();
            if shown.len() < TEXTS_SHOWN {
                shown.push(text);
            }
        }
        Ok((reasons, texts))
    }
}

/// Closes comment `id`'s open reports (a moderator decided on it); how many there were.
pub(super) async fn close_reports(
    connection: &mut AnyConnection,
    id: i64,
    now: i64,
) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query(
            "UPDATE reports SET closed_at = $1 WHERE comment_id = $2 AND closed_at IS NULL",
        )
        .bind(now)
        .bind(id)
        .execute(&mut *connection)
        .await?
        .rows_affected(),
    )
}

/// Takes published comment `id` off the public pages (pending, held for `reports`) if
/// `threshold` readers or more have open reports on it, with its line in the audit log.
async fn hide_if_reported(
    connection: &mut AnyConnection,
    id: i64,
    threshold: u32,
    now: i64,
) -> Result<(), sqlx::Error> {
    let open: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM reports WHERE comment_id = $1 AND closed_at IS NULL",
    )
    .bind(id)
    .fetch_one(&mut *connection)
    .await?;
    if open < i64::from(threshold) {
        return Ok(());
    }
    let hidden = sqlx::query(
        "UPDATE comments SET status = 'pending', held_for = 'reports' WHERE id = $1 AND status = 'published'",
    )
    .bind(id)
    .execute(&mut *connection)
    .await?
    .rows_affected();
    if hidden == 1 {
        let reason = format!("{open} reports");
        log(connection, now, READERS, "hide", id, Some(&reason)).await?;
    }
    Ok(())
}
