//! The JSON wire types of the comment API (documented in `openapi.yaml`), and the checks of
//! a comment's author fields.
//!
//! The app deserializes what the server serializes, so both sides use these types and
//! cannot drift apart. Every type mirrors one JSON shape and carries no logic. The one piece
//! of logic is [`author`]: the checks of the author's name and e-mail, which the app runs for
//! instant feedback and the server for the final say, so that the two agree.

mod article;
pub mod author;
mod comment;
mod diacritics;
mod error;
mod lang;
mod moderation;
mod policy;
mod safety;
mod slug;

pub use article::{
    Article, ArticleInput, ArticleList, ArticleOrigin, ArticleSummary, Block, Commenting,
    ThreadRequest, ViewCount,
};
pub use comment::{
    Comment, CommentCount, CommentPage, CommentStatus, IssuedReader, Like, MAX_PENDING_SHOWN,
    ModerationDecision, NewComment, ReaderState, SortOrder,
};
pub use diacritics::{RestoreRequest, Restored, RestoredWord};
pub use error::ApiError;
pub use lang::Lang;
pub use moderation::{
    ArticleRef, AuditEntry, AuditPage, AuthorHistory, BulkAction, BulkDecision, BulkOutcome,
    CSRF_HEADER, CreatedModerator, LinkLogin, Login, ModerationItem, ModerationPage,
    ModeratorAccount, NewModerator, ParentRef, QueueCounts, Role, Session, Skipped,
};
pub use policy::{PolicyEdit, PolicyVersion};
pub use safety::{
    Ban, BanList, MAX_BAN_DAYS, MAX_BAN_NOTE_CHARS, MAX_REPORT_TEXT_CHARS, NewBan, NewReport,
    ReasonCount, ReportReason, ReportedItem, ReportedPage,
};
pub use slug::is_slug;

/// The rules policy the server enforces, as `GET /api/policy` returns it.
pub use binhluan_rules::Policy;
/// A broken rule, as the `422` error lists it.
pub use binhluan_rules::Violation;

/// The request header that makes a `POST` of a comment safe to retry.
pub const IDEMPOTENCY_KEY_HEADER: &str = "Idempotency-Key";
/// The request header that carries the reader's anonymous id, for likes and reports.
pub const READER_ID_HEADER: &str = "X-Reader-Id";
