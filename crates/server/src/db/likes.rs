//! Likes: at most one per reader and comment, counted on the comment row.

use super::Db;
use super::articles::to_u64;

impl Db {
    /// Records that `reader` likes (`liked`) or no longer likes published comment `id`; again
    /// is a no-op. The comment's likes after that, or `None` if there is no such published
    /// comment.
    pub async fn set_like(
        &self,
        id: i64,
        reader: &str,
        liked: bool,
    ) -> Result<Option<u64>, sqlx::Error> {
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
        let changed = sqlx::query(sql)
            .bind(id)
            .bind(reader)
            .execute(&mut *transaction)
            .await?
            .rows_affected();
        let likes = change_likes(&mut transaction, id, changed, step).await?;
        transaction.commit().await?;
        Ok(likes)
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
