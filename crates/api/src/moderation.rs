//! The moderation desk's wire types: accounts and sessions, the queues with what a moderator
//! needs to decide, decisions, and the audit log.

use serde::{Deserialize, Serialize};

use crate::Comment;

/// The request header that carries a desk session's CSRF token on every write.
pub const CSRF_HEADER: &str = "X-CSRF-Token";

/// What a moderation account may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Decides on comments, reads the audit log, and manages moderators.
    Admin,
    /// Decides on comments.
    Moderator,
}

/// The body of `POST /api/moderation/session`: a moderator logs in. Its `Debug` hides the
/// password.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Login {
    /// The account's name.
    pub name: String,
    /// Its password.
    pub password: String,
}

impl std::fmt::Debug for Login {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Login")
            .field("name", &self.name)
            .field("password", &"…")
            .finish()
    }
}

/// The body of `POST /api/moderation/session/link`: the secret of a one-time login link. Its
/// `Debug` hides the secret.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkLogin {
    /// The secret from the link's fragment.
    pub token: String,
}

impl std::fmt::Debug for LinkLogin {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("LinkLogin")
            .field("token", &"…")
            .finish()
    }
}

/// A desk session, as logging in and `GET /api/moderation/session` answer it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// Who is logged in.
    pub name: String,
    /// What they may do.
    pub role: Role,
    /// Send it as `X-CSRF-Token` with every write.
    pub csrf_token: String,
    /// When the session ends, RFC 3339.
    pub expires_at: String,
}

/// The article a comment is about, as the desk shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRef {
    /// The article's slug.
    pub slug: String,
    /// Its headline.
    pub title: String,
    /// Its page on the newsroom's site, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The comment a reply answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParentRef {
    /// Its id.
    pub id: i64,
    /// Its author.
    pub author_name: String,
    /// Its first 200 characters.
    pub excerpt: String,
}

/// A comment as the desk shows it: the comment (e-mail and rejection reason included) and
/// what a moderator needs to decide.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModerationItem {
    /// The comment.
    #[serde(flatten)]
    pub comment: Comment,
    /// Its article.
    pub article: ArticleRef,
    /// What it answers, for a reply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<ParentRef>,
    /// The reader's anonymous id, hashed (12 hex digits), if the app sent one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reader: Option<String>,
    /// The client's network (the rate-limit key), hashed (12 hex digits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client: Option<String>,
    /// Why the rules held it beyond pre-moderation: `links`, `contacts` (telephone numbers,
    /// messenger handles, e-mail addresses) and `suspect_words`, for the policy's `hold`
    /// choices and suspect words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub held_for: Vec<String>,
    /// Who decided on it last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<String>,
    /// When, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_at: Option<String>,
}

/// A page of a moderation queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModerationPage {
    /// The comments on this page.
    pub comments: Vec<ModerationItem>,
    /// Pass as `cursor` to get the next page; `None` on the last page.
    pub next_cursor: Option<String>,
    /// How many comments the queue holds (with its filters).
    pub total: u64,
}

/// How many comments wait in each queue (`GET /api/moderation/counts`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueCounts {
    /// Waiting for a moderator.
    pub pending: u64,
    /// Published.
    pub published: u64,
    /// Rejected.
    pub rejected: u64,
    /// With open reports from readers ("Bị báo cáo").
    #[serde(default)]
    pub reported: u64,
}

/// What an author did before (`GET /api/moderation/comments/{id}/history`): matched by
/// e-mail, else by the reader's id, else by the client's network.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorHistory {
    /// Their comments published.
    pub approved: u64,
    /// Their comments rejected.
    pub rejected: u64,
    /// Their last comments (up to 5, newest first), this one excluded.
    pub recent: Vec<Comment>,
}

/// The decisions that can be taken on many comments at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BulkAction {
    /// Publish them.
    Approve,
    /// Reject them (with a reason).
    Reject,
}

/// The body of `POST /api/moderation/comments/bulk`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BulkDecision {
    /// The comments (at most 100).
    pub ids: Vec<i64>,
    /// What to do with them.
    pub action: BulkAction,
    /// The reason code, to reject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// What became of each comment of a bulk decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkOutcome {
    /// The comments decided, as they are now.
    pub decided: Vec<Comment>,
    /// The comments left as they were (decided already by someone else, or missing), with
    /// why.
    pub skipped: Vec<Skipped>,
}

/// A comment a bulk decision left as it was.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// The comment's id.
    pub id: i64,
    /// Why, as the single decision would have answered.
    #[serde(flatten)]
    pub error: crate::ApiError,
}

/// One line of the audit log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// Its id.
    pub id: i64,
    /// When, RFC 3339.
    pub at: String,
    /// Who (`token` for the bearer token).
    pub moderator: String,
    /// What: `approve`, `reject`, `feature`, `unfeature`, `undo`, `keep` (reports dismissed),
    /// `hide` (hidden by readers' reports), `ban`, `unban`.
    pub action: String,
    /// On which comment.
    pub comment_id: i64,
    /// The reason of a rejection, the note of a ban.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A page of the audit log, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    /// The entries.
    pub entries: Vec<AuditEntry>,
    /// Pass as `cursor` to get the next page; `None` on the last page.
    pub next_cursor: Option<String>,
}

/// A moderation account, as admins list them (`GET /api/moderation/moderators`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModeratorAccount {
    /// Its name.
    pub name: String,
    /// What it may do.
    pub role: Role,
    /// When it was made, RFC 3339.
    pub created_at: String,
    /// When it last logged in, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_login_at: Option<String>,
}

/// The body of `POST /api/moderation/moderators`: an admin adds an account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewModerator {
    /// Its name: 2 to 50 letters, digits, `.`, `_` or `-`.
    pub name: String,
    /// What it may do.
    pub role: Role,
}

/// A new account and its one-time password, shown once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedModerator {
    /// Its name.
    pub name: String,
    /// What it may do.
    pub role: Role,
    /// The password to give its owner; it is not stored, only its hash.
    pub password: String,
}
