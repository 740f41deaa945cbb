//! Comments, their pages, likes and moderation.

use serde::{Deserialize, Serialize};

/// A comment as the API returns it. Its content is plain text, NFC: never HTML.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    /// The comment's id.
    pub id: i64,
    /// The comment it answers; replies go one level deep.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<i64>,
    /// The name the reader gave.
    pub author_name: String,
    /// The comment, as plain text.
    pub content: String,
    /// When it was posted, RFC 3339 in UTC.
    pub created_at: String,
    /// Where it stands in moderation.
    pub status: CommentStatus,
    /// How many readers like it.
    pub likes: u64,
    /// Whether this reader likes it: `false` in the public pages of comments, which are the
    /// same for every reader; the app sets it from `GET /api/articles/{slug}/mine`.
    #[serde(default)]
    pub liked: bool,
    /// Whether a moderator chose it ("Bình luận được chọn"): shown pinned at the top.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub featured: bool,
    /// The first published replies, oldest first (only on top-level comments): at most a few in
    /// a page of comments; the rest come from `GET /api/comments/{id}/replies`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replies: Vec<Comment>,
    /// How many published replies it has in all, `replies` included (0 on replies).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub reply_count: u64,
    /// Pass as `cursor` to `GET /api/comments/{id}/replies` for the replies after `replies`;
    /// `None` when `replies` holds them all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replies_cursor: Option<String>,
    /// The author's e-mail: only in moderation answers, never in public ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_email: Option<String>,
    /// Why a moderator rejected it: only in moderation answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejection_reason: Option<String>,
}

fn is_zero(count: &u64) -> bool {
    *count == 0
}

/// Where a comment stands in moderation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommentStatus {
    /// Waiting for a moderator.
    Pending,
    /// Visible to every reader.
    Published,
    /// Refused by a moderator.
    Rejected,
}

/// One page of an article's published comments, or of one comment's published replies
/// (`GET /api/comments/{id}/replies`, oldest first; `total` is then the comment's replies).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentPage {
    /// Top-level comments, each with its replies.
    pub comments: Vec<Comment>,
    /// Pass as `cursor` to get the next page; `None` on the last page.
    pub next_cursor: Option<String>,
    /// How many published comments the article has, replies included.
    pub total: u64,
    /// Whether the thread no longer takes comments (its comments are still shown).
    #[serde(default)]
    pub closed: bool,
}

/// The order of a comment list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    /// Newest first ("Mới nhất").
    #[default]
    Newest,
    /// Most liked first ("Quan tâm nhất").
    Top,
}

/// The body of `POST /api/articles/{slug}/comments`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewComment {
    /// The reader's name: 2 to 50 characters, no links.
    pub author_name: String,
    /// The reader's e-mail, never published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_email: Option<String>,
    /// The comment.
    pub content: String,
    /// The comment this one answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<i64>,
}

/// A reader id the server issued (`POST /api/readers`): the app keeps it and sends it as
/// `X-Reader-Id`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedReader {
    /// The signed id.
    pub reader_id: String,
}

/// One reader's own part of an article's thread (`GET /api/articles/{slug}/mine`): what the
/// public, cacheable pages of comments leave out because they are the same for every reader.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReaderState {
    /// The ids of the published comments and replies this reader likes.
    pub liked: Vec<i64>,
    /// This reader's comments and replies still waiting for a moderator, newest first (at
    /// most [`MAX_PENDING_SHOWN`]).
    pub pending: Vec<Comment>,
}

/// The most pending comments of one reader that [`ReaderState`] lists.
pub const MAX_PENDING_SHOWN: u32 = 50;

/// A comment's likes after `POST` or `DELETE /api/comments/{id}/like`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Like {
    /// How many readers like the comment.
    pub likes: u64,
    /// Whether this reader likes it now.
    pub liked: bool,
}

/// How many published comments an article has (`GET /api/articles/{slug}/comments/count`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentCount {
    /// Published comments, replies included.
    pub count: u64,
}

/// The body of a moderator's decision.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModerationDecision {
    /// Why the comment was rejected; required to reject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}
