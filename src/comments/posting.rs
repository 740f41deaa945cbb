//! Posting a comment: the retry key, the draft's bookkeeping, and what a failure tells the
//! reader. The draft is kept right whatever happens to the form meanwhile (a reply box closed
//! while its comment is on the way, say): this module works on plain data, never on the view.

use binhluan_api::{Comment, CommentStatus, NewComment, Violation};

use crate::api::{ApiBase, RequestFailure, post_comment, reader};
use crate::comments::draft::DraftSlot;
use crate::i18n::{Lang, Texts};
use crate::random_id::random_id;
use crate::time::local_time;

/// Where a form's post stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Posting {
    /// Nothing sent, or the last outcome was dismissed by a new attempt.
    Idle,
    /// On the way.
    Sending,
    /// The server took it, in this state.
    Accepted(CommentStatus),
    /// It failed; the text stays in the box.
    Failed(PostError),
}

/// Why a post failed.
#[derive(Clone, Debug, PartialEq)]
pub enum PostError {
    /// `422`: the server's verdict, shown where the live one was.
    Rejected(Vec<Violation>),
    /// `400`: the server's own explanation.
    Invalid {
        /// In Vietnamese.
        message: String,
        /// In English.
        message_en: String,
    },
    /// `429`, with the seconds to wait if the server said.
    RateLimited(Option<u64>),
    /// `413`.
    TooLarge,
    /// No answer: offline, the server down, or too slow.
    Network,
    /// `5xx`, or an answer the app does not understand.
    Server,
    /// `409`: the retry key came back with another comment.
    Conflict,
    /// `403 comments_closed`: the thread takes no more comments.
    Closed,
    /// `403 banned`: a moderator banned the reader, until then (milliseconds) or for good.
    Banned(Option<i64>),
}

impl PostError {
    fn from_failure(failure: RequestFailure) -> PostError {
        match failure {
            RequestFailure::Network => PostError::Network,
            RequestFailure::Status { status: 422, error } => {
                PostError::Rejected(error.map(|e| e.violations).unwrap_or_default())
            }
            RequestFailure::Status { status: 429, error } => {
                PostError::RateLimited(error.and_then(|e| e.retry_after))
            }
            RequestFailure::Status { status: 413, .. } => PostError::TooLarge,
            RequestFailure::Status { status: 409, .. } => PostError::Conflict,
            RequestFailure::Status {
                status: 403,
                error: Some(error),
            } if error.error == "comments_closed" => PostError::Closed,
            RequestFailure::Status {
                status: 403,
                error: Some(error),
            } if error.error == "banned" => PostError::Banned(error.until),
            RequestFailure::Status {
                status: 400,
                error: Some(error),
            } => PostError::Invalid {
                message: error.message,
                message_en: error.message_en,
            },
            RequestFailure::Status { .. } | RequestFailure::Decode => PostError::Server,
        }
    }

    /// What the reader reads: the reason, and that their text is kept; for a closed thread or a
    /// ban only that (the text stays in the box, but trying again is of no use).
    pub fn message(&self, texts: &Texts, lang: Lang) -> String {
        let reason = match self {
            PostError::Closed => return texts.comments_closed.to_owned(),
            PostError::Banned(until) => {
                return (texts.post_banned)(until.map(|ms| local_time(ms as f64)));
            }
            PostError::Rejected(_) => texts.post_rejected.to_owned(),
            PostError::Invalid {
                message,
                message_en,
            } => lang.pick(message, message_en).to_owned(),
            PostError::RateLimited(seconds) => (texts.post_rate_limited)(*seconds),
            PostError::TooLarge => texts.post_too_large.to_owned(),
            PostError::Network => texts.post_network_failed.to_owned(),
            PostError::Server => texts.post_server_failed.to_owned(),
            PostError::Conflict => texts.post_conflict.to_owned(),
        };
        format!("{reason} {}", texts.text_kept)
    }
}

/// Posts `comment` on `slug` with the draft's retry key (the same key as the last attempt when
/// the comment is exactly what was sent then, so a retry never posts twice), and settles the
/// draft: forgotten once the server accepts it, the key dropped after a conflict.
pub async fn post(
    base: &ApiBase,
    slug: &str,
    slot: &DraftSlot,
    comment: NewComment,
) -> Result<Comment, PostError> {
    let mut draft = slot.text();
    let key = draft.key_for(&comment, random_id);
    slot.save_text(&draft);
    match post_comment(base, slug, &comment, &key, &reader(base).await).await {
        Ok(created) => {
            slot.clear_text();
            Ok(created)
        }
        Err(failure) => {
            let error = PostError::from_failure(failure);
            if error == PostError::Conflict {
                let mut draft = slot.text();
                draft.pending = None;
                slot.save_text(&draft);
            }
            Err(error)
        }
    }
}
