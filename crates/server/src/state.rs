//! What every request handler shares, passed with axum's `State`.

use binhluan_api::Policy;

use crate::db::Db;
use crate::origin::Origin;

/// The shared state of one server process. Nothing in it must be shared with other
/// processes: rate limits and idempotency keys live in the database.
#[derive(Debug)]
pub struct AppState {
    /// The database.
    pub db: Db,
    /// The rules every comment must pass (the same the app checks in the browser).
    pub policy: Policy,
    /// Whether new comments are published at once (otherwise they wait for a moderator).
    pub auto_publish: bool,
    /// Posts allowed per client (IPv4 address or IPv6 /64) per minute; 0 for no limit.
    pub post_rate_limit: u32,
    /// Whether the client address comes from `X-Forwarded-For`.
    pub trust_forwarded_for: bool,
    /// SHA-256 of the moderation token; `None` disables moderation.
    pub moderation_token_digest: Option<[u8; 32]>,
    /// The origins that may embed the comments and post to the API.
    pub allowed_origins: Vec<Origin>,
}
