//! Fixed-window rate limits counted in the database, so every server process shares them.

use sqlx::AnyConnection;

/// What a rate limit counts, each with its own window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bucket {
    /// Comment posts, per minute.
    Post,
    /// Comment posts the rules refused, per minute.
    RefusedPost,
    /// Threads opened for embedded pages (`--threads auto`), per hour.
    Thread,
    /// Desk login attempts to one account, per 15 minutes (those that succeed are taken
    /// back).
    LoginAccount,
    /// Desk login attempts from one client, per 15 minutes (likewise).
    LoginClient,
    /// Likes and unlikes from one client, per minute.
    Like,
    /// New likes of one comment from one client, per hour (the client key is
    /// `client comment-id`).
    CommentLike,
    /// Reports of comments from one client, per hour.
    Report,
    /// Requests to restore a text's marks (`POST /api/diacritics/restore`), per minute.
    Restore,
    /// Reader ids issued to one client, per hour.
    ReaderId,
}

impl Bucket {
    /// The name stored in `rate_windows.bucket`.
    fn name(self) -> &'static str {
        match self {
            Self::Post => "post",
            Self::RefusedPost => "refused_post",
            Self::Thread => "thread",
            Self::LoginAccount => "login_account",
            Self::LoginClient => "login_client",
            Self::Like => "like",
            Self::CommentLike => "comment_like",
            Self::ReaderId => "reader_id",
            Self::Report => "report",
            Self::Restore => "restore",
        }
    }

    /// The length of one window, in seconds.
    pub fn window_seconds(self) -> i64 {
        match self {
            Self::Post | Self::RefusedPost | Self::Like | Self::Restore => 60,
            Self::Thread | Self::CommentLike | Self::Report | Self::ReaderId => 60 * 60,
            Self::LoginAccount | Self::LoginClient => 15 * 60,
        }
    }
}

/// The start of `bucket`'s window at `now_micros`, and the seconds left in it.
fn window(bucket: Bucket, now_micros: i64) -> (i64, i64) {
    let length = bucket.window_seconds();
    let now_seconds = now_micros / 1_000_000;
    let start = now_seconds - now_seconds.rem_euclid(length);
    (start, (start + length - now_seconds).max(1))
}

/// Takes back one hit by `client` in `bucket`'s current window (a login that succeeded).
pub async fn uncount_hit(
    connection: &mut AnyConnection,
    bucket: Bucket,
    client: &str,
    now_micros: i64,
) -> Result<(), sqlx::Error> {
    let (window_start, _) = window(bucket, now_micros);
    sqlx::query(
        "UPDATE rate_windows SET hits = hits - 1 \
         WHERE bucket = $1 AND client = $2 AND window_start = $3 AND hits > 0",
    )
    .bind(bucket.name())
    .bind(client)
    .bind(window_start)
    .execute(&mut *connection)
    .await?;
    Ok(())
}

/// Counts one hit by `client` in `bucket`'s current window (a fixed window shared by every
/// process); `Some(seconds to wait)` when that makes more than `limit`.
pub async fn count_hit(
    connection: &mut AnyConnection,
    bucket: Bucket,
    client: &str,
    limit: u32,
    now_micros: i64,
) -> Result<Option<u64>, sqlx::Error> {
    let (window_start, left) = window(bucket, now_micros);
    let hits: i64 = sqlx::query_scalar(
        "INSERT INTO rate_windows (bucket, client, window_start, hits) VALUES ($1, $2, $3, 1) \
         ON CONFLICT (bucket, client, window_start) DO UPDATE SET hits = rate_windows.hits + 1 \
         RETURNING hits",
    )
    .bind(bucket.name())
    .bind(client)
    .bind(window_start)
    .fetch_one(&mut *connection)
    .await?;
    if hits == 1 {
        // A new window: the bucket's windows that ended are of no use any more.
        sqlx::query("DELETE FROM rate_windows WHERE bucket = $1 AND window_start < $2")
            .bind(bucket.name())
            .bind(window_start)
            .execute(&mut *connection)
            .await?;
    }
    Ok((hits > i64::from(limit)).then_some(left.unsigned_abs()))
}

/// Counts one hit by `client` in `bucket`, and for an IPv6 client in its /56 and /48 too
/// (with 4 and 16 times the `limit`: [`crate::client_key::wider_keys`]); `Some(seconds to wait)`
/// when any of them is past its limit.
pub async fn count_client_hit(
    connection: &mut AnyConnection,
    bucket: Bucket,
    client: &str,
    limit: u32,
    now_micros: i64,
) -> Result<Option<u64>, sqlx::Error> {
    let mut wait = count_hit(&mut *connection, bucket, client, limit, now_micros).await?;
    for (key, factor) in crate::client_key::wider_keys(client) {
        let wider = limit.saturating_mul(factor);
        if let Some(seconds) = count_hit(&mut *connection, bucket, &key, wider, now_micros).await? {
            wait = wait.max(Some(seconds));
        }
    }
    Ok(wait)
}
