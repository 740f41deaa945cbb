//! Bans: a moderator bans the author of a comment (its reader id and its client key) for some
//! days or for good; a banned reader cannot post, reply or report until the ban ends or is
//! lifted. A ban hides nothing, unless the moderator also rejects the author's pending
//! comments.

use binhluan_api::Ban;

use super::Db;
use super::decisions::log;
use super::queue::pseudonym;
use super::reports::close_reports;
use crate::clock::{MICROS_PER_DAY, rfc3339};

/// The rejection reason of the pending comments a ban rejects.
const BANNED_REASON: &str = "banned";

/// The columns [`BanRow`] reads, in a `SELECT`.
const BAN_COLUMNS: &str =
    "id, comment_id, reader_id, client_key, note, moderator, created_at, until_at";

/// A `bans` row.
type BanRow = (
    i64,
    i64,
    Option<String>,
    Option<String>,
    String,
    String,
    i64,
    Option<i64>,
);

/// A ban to make, validated.
#[derive(Debug)]
pub struct BanRequest<'a> {
    /// The comment whose author is banned.
    pub comment_id: i64,
    /// For how many days; `None`: for good.
    pub days: Option<u32>,
    /// Why.
    pub note: &'a str,
    /// Also reject the author's pending comments.
    pub reject_pending: bool,
    /// Who bans.
    pub moderator: &'a str,
    /// Now, microseconds since the epoch.
    pub now: i64,
}

/// What came of a ban.
#[derive(Debug)]
pub enum BanOutcome {
    /// Made (an earlier active ban from the same comment is lifted: this one replaces it).
    Made(Ban),
    /// The comment carries neither a reader id nor a client key: no one to ban.
    NoAuthor,
    /// No such comment.
    NotFound,
}

impl Db {
    /// Bans the author of a comment as `request` says.
    pub async fn ban(&self, request: &BanRequest<'_>) -> Result<BanOutcome, sqlx::Error> {
        let now = request.now;
        let _turn = self.write_turn().await;
        let mut transaction = self.pool.begin().await?;
        let author: Option<(Option<String>, Option<String>)> =
            sqlx::query_as("SELECT reader_id, client_key FROM comments WHERE id = $1")
                .bind(request.comment_id)
                .fetch_optional(&mut *transaction)
                .await?;
        let (reader, client) = match author {
            None => return Ok(BanOutcome::NotFound),
            Some((None, None)) => return Ok(BanOutcome::NoAuthor),
            Some(author) => author,
        };
        sqlx::query(
            "UPDATE bans SET lifted_at = $1, lifted_by = $2 WHERE comment_id = $3 AND lifted_at IS NULL",
        )
        .bind(now)
        .bind(request.moderator)
        .bind(request.comment_id)
        .execute(&mut *transaction)
        .await?;
        let until = request
            .days
            .map(|days| now.saturating_add(i64::from(days) * MICROS_PER_DAY));
        let sql = format!(
            "INSERT INTO bans (comment_id, reader_id, client_key, note, moderator, created_at, until_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {BAN_COLUMNS}"
        );
        let row: BanRow = sqlx::query_as(&sql)
            .bind(request.comment_id)
            .bind(reader.as_deref())
            .bind(client.as_deref())
            .bind(request.note)
            .bind(request.moderator)
            .bind(now)
            .bind(until)
            .fetch_one(&mut *transaction)
            .await?;
        log(
            &mut transaction,
            now,
            request.moderator,
            "ban",
            request.comment_id,
            Some(request.note),
        )
        .await?;
        let mut rejected = 0;
        // The author's own: by their reader id when known, else by their client key (not
        // everyone behind one address).
        let author = reader
            .as_ref()
            .map(|reader| ("reader_id", reader))
            .or(client.as_ref().map(|client| ("client_key", client)));
        if request.reject_pending
            && let Some((column, value)) = author
        {
            let ids: Vec<i64> = sqlx::query_scalar(&format!(
                "UPDATE comments SET status = 'rejected', rejection_reason = $1, decided_by = $2, \
                 decided_at = $3 WHERE {column} = $4 AND status = 'pending' RETURNING id"
            ))
            .bind(BANNED_REASON)
            .bind(request.moderator)
            .bind(now)
            .bind(value)
            .fetch_all(&mut *transaction)
            .await?;
            for id in &ids {
                close_reports(&mut transaction, *id, now).await?;
                log(
                    &mut transaction,
                    now,
                    request.moderator,
                    "reject",
                    *id,
                    Some(BANNED_REASON),
                )
                .await?;
            }
            rejected = ids.len() as u64;
        }
        transaction.commit().await?;
        Ok(BanOutcome::Made(Ban {
            rejected_pending: rejected,
            ..self.ban_of(row)
        }))
    }

    /// When the ban on `reader` or `client` at `now` ends: `None` when there is none,
    /// `Some(None)` when one is for good, else the latest end (microseconds).
    pub async fn ban_on(
        &self,
        reader: Option<&str>,
        client: &str,
        now: i64,
    ) -> Result<Option<Option<i64>>, sqlx::Error> {
        let ends: Vec<Option<i64>> = sqlx::query_scalar(
            "SELECT until_at FROM bans WHERE lifted_at IS NULL AND (until_at IS NULL OR until_at > $1) \
             AND (client_key = $2 OR reader_id = $3)",
        )
        .bind(now)
        .bind(client)
        .bind(reader)
        .fetch_all(&self.pool)
        .await?;
        if ends.is_empty() {
            return Ok(None);
        }
        Ok(Some(if ends.contains(&None) {
            None
        } else {
            ends.into_iter().flatten().max()
        }))
    }

    /// Up to `limit` bans in force at `now`, newest first, before ban `before`; and where the
    /// next page starts.
    pub async fn active_bans(
        &self,
        now: i64,
        before: Option<i64>,
        limit: u32,
    ) -> Result<(Vec<Ban>, Option<i64>), sqlx::Error> {
        let sql = format!(
            "SELECT {BAN_COLUMNS} FROM bans WHERE lifted_at IS NULL AND (until_at IS NULL OR until_at > $1) \
             AND id < $2 ORDER BY id DESC LIMIT $3"
        );
        let rows: Vec<BanRow> = sqlx::query_as(&sql)
            .bind(now)
            .bind(before.unwrap_or(i64::MAX))
            .bind(i64::from(limit) + 1)
            .fetch_all(&self.pool)
            .await?;
        let mut bans: Vec<Ban> = rows.into_iter().map(|row| self.ban_of(row)).collect();
        let next = if bans.len() > limit as usize {
            bans.truncate(limit as usize);
            bans.last().map(|ban| ban.id)
        } else {
            None
        };
        Ok((bans, next))
    }

    /// Lifts ban `id` as `moderator`; `false` if there is no such ban (lifting one lifted
    /// already is done).
    pub async fn lift_ban(&self, id: i64, moderator: &str, now: i64) -> Result<bool, sqlx::Error> {
        let _turn = self.write_turn().await;
        let mut transaction = self.pool.begin().await?;
        let lifted: Option<i64> = sqlx::query_scalar(
            "UPDATE bans SET lifted_at = $1, lifted_by = $2 WHERE id = $3 AND lifted_at IS NULL \
             RETURNING comment_id",
        )
        .bind(now)
        .bind(moderator)
        .bind(id)
        .fetch_optional(&mut *transaction)
        .await?;
        if let Some(comment_id) = lifted {
            log(&mut transaction, now, moderator, "unban", comment_id, None).await?;
            transaction.commit().await?;
            return Ok(true);
        }
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM bans WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *transaction)
            .await?;
        transaction.rollback().await?;
        Ok(exists.is_some())
    }

    /// A ban as the desk shows it: who by pseudonym.
    fn ban_of(&self, row: BanRow) -> Ban {
        let (id, comment_id, reader, client, note, moderator, created_at, until) = row;
        Ban {
            id,
            comment_id,
            reader: reader.map(|reader| pseudonym(&self.pseudonym_key, &reader)),
            client: client.map(|client| pseudonym(&self.pseudonym_key, &client)),
            note,
            moderator,
            created_at: rfc3339(created_at),
            until: until.map(rfc3339),
            rejected_pending: 0,
        }
    }
}
