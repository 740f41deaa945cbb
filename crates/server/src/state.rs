//! What every request handler shares, passed with axum's `State`.

use binhluan_api::Article;
use ipnet::IpNet;

use crate::clock::Clock;
use crate::config::ThreadMode;
use crate::db::{Db, StoredArticle, Thread};
use crate::error::ApiFailure;
use crate::live_policy::LivePolicy;
use crate::origin::Origin;
use crate::readers::ReaderKey;
use crate::token_guard::TokenGuard;
use crate::views::ViewCounter;

/// The shared state of one server process. Nothing in it must be shared with other
/// processes: rate limits and idempotency keys live in the database.
#[derive(Debug)]
pub struct AppState {
    /// The database.
    pub db: Db,
    /// The rules every comment must pass (the same the app checks in the browser): the
    /// version in force, followed from the database.
    pub policy: LivePolicy,
    /// Whether new comments are published at once (otherwise they wait for a moderator).
    pub auto_publish: bool,
    /// Posts allowed per client (IPv4 address or IPv6 /64) per minute; 0 for no limit.
    pub post_rate_limit: u32,
    /// The proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<IpNet>,
    /// Posts the rules refuse, allowed per client per minute; 0 for no limit.
    pub refused_post_rate_limit: u32,
    /// SHA-256 of the moderation token; `None`: no bearer token is accepted.
    pub moderation_token_digest: Option<[u8; 32]>,
    /// Clients that sent wrong bearer tokens.
    pub token_guard: TokenGuard,
    /// The origins that may embed the comments and post to the API.
    pub allowed_origins: Vec<Origin>,
    /// Which articles have a thread.
    pub threads: ThreadMode,
    /// Threads one client may open per hour for embedded pages; 0 for no limit.
    pub thread_limit: u32,
    /// Article views counted and not yet written.
    pub views: ViewCounter,
    /// The key reader ids are signed with.
    pub readers: ReaderKey,
    /// What the server takes for now when it judges a request.
    pub clock: Clock,
}

impl AppState {
    /// A stored article as readers get it: `comments` is the thread's state now, `views`
    /// includes those this process counted and has not written yet.
    pub fn for_readers(&self, stored: StoredArticle) -> Article {
        let StoredArticle { article, thread } = stored;
        Article {
            comments: thread.commenting(
                self.policy.get().policy.auto_close_after_days,
                self.clock.now_micros(),
            ),
            views: article.views + self.views.pending(&article.slug),
            ..article
        }
    }

    /// The thread of the article `slug` that readers may see: `404` when there is none or
    /// the article is hidden (in words a reader understands when only registered articles
    /// have threads).
    pub async fn visible_thread(&self, slug: &str) -> Result<Thread, ApiFailure> {
        match self.db.thread(slug).await? {
            Some(thread) if !thread.hidden => Ok(thread),
            _ if self.threads == ThreadMode::Registered => Err(ApiFailure::thread_not_registered()),
            _ => Err(ApiFailure::article_not_found()),
        }
    }

    /// Whether the thread takes comments now.
    pub fn is_open(&self, thread: &Thread) -> bool {
        thread.is_open(
            self.policy.get().policy.auto_close_after_days,
            self.clock.now_micros(),
        )
    }
}
