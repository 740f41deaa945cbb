//! Likes: at most one per reader and comment, counted on the comment row; limited per client
//! so that fresh reader ids from one machine cannot pile likes on a comment.

use super::Db;
use super::articles::to_u64;
use super::rate_limit::{Bucket, count_client_hit, count_hit};

/// Likes and unlikes one client key may send a minute (IPv6: 4 and 16 times as many per /56
/// and /48). Readers behind one carrier-grade NAT share it, so it is far above one reader's
/// clicking.
pub const LIKES_PER_CLIENT_MINUTE: u32 = 120;
/// New likes of one comment one client key may add an hour: readers behind one NAT can each
/// like a comment, a script with fresh reader ids adds at most this many.
pub const LIKES_PER_CLIENT_COMMENT_HOUR: u32 = 10;

/// What became of a like or an unlike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LikeOutcome {
    /// Done (or nothing to do): the comment's likes now.
    Likes(u64),
    /// There is no such published comment.
    NotFound,
    /// The client sent too many; seconds to wait.
    Limited(u64),
}

impl Db {
    /// Records that `reader` likes (`liked`) or no longer likes published comment `id`, for
    /// `client` (its rate-limit key); again is a no-op.
    pub async fn set_like(
        &self,
        id: i64,
        reader: &str,
        liked: bool,
        client: &str,
        now_micros: i64,
    ) -> Result<LikeOutcome, sqlx::Error> {
        let (sql, step) = if liked {
            (
                "INSERT INTO likes (comment_id, reader_id) \
                 SELECT id, $2 FROM comments WHERE id = $1 AND status = 'published' \
                 ON CONFLICT (comment_id, reader_id) DO NOTHING",
                1,
            )
        } else {
            (
                "DELETE FROM likes WHERE comment_id = $1 AND reader_id = $2 \
                 AND comment_id IN (SELECT id FROM comments WHERE id = $1 AND status = 'published')",
                -1,
            )
        };
        let _turn = self.write_turn().await;
        let mut transaction = self.pool.begin().await?;
        if let Some(wait) = count_client_hit(
            &mut transaction,
            Bucket::Like,
            client,
            LIKES_PER_CLIENT_MINUTE,
            now_micros,
        )
        .await?
        {
            // The hit stays counted: a client past its limit keeps waiting.
            transaction.commit().await?;
            return Ok(LikeOutcome::Limited(wait));
        }
        let changed = sqlx::query(sql)
            .bind(id)
            .bind(reader)
            .execute(&mut *transaction)
            .await?
            .rows_affected();
        if liked
            && changed == 1
            && let Some(wait) = count_hit(
                &mut transaction,
                Bucket::CommentLike,
                &format!("{client} {id}"),
                LIKES_PER_CLIENT_COMMENT_HOUR,
                now_micros,
            )
            .await?
        {
            // Neither the like nor its count is kept.
            transaction.rollback().await?;
            return Ok(LikeOutcome::Limited(wait));
        }
        let likes = change_likes(&mut transaction, id, changed, step).await?;
        transaction.commit().await?;
        Ok(likes.map_or(LikeOutcome::NotFound, LikeOutcome::Likes))
    }
}

/// Adds `step` to the like count of published comment `id` if `changed` rows say the like
/// changed; the count after that, or `None` if there is no such published comment.
async fn change_likes(
    connection: &mut sqlx::AnyConnection,
    id: i64,
    changed: u64,
    step: i64,
) -> Result<Option<u64>, sqlx::Error> {
    let likes: Option<i64> = if changed == 1 {
        sqlx::query_scalar(
            "UPDATE comments SET like_count = like_count + $2 WHERE id = $1 AND status = 'published' \
             RETURNING like_count",
        )
        .bind(id)
        .bind(step)
        .fetch_optional(&mut *connection)
        .await?
    } else {
        sqlx::query_scalar("SELECT like_count FROM comments WHERE id = $1 AND status = 'published'")
            .bind(id)
            .fetch_optional(&mut *connection)
            .await?
    };
    Ok(likes.map(to_u64))
}
