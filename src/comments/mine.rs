//! The reader's own part of the thread, which the public pages of comments leave out because
//! they are the same for every reader: the comments this reader likes, and theirs that wait for
//! a moderator (shown only to them, also after a reload).

use binhluan_api::{Comment, ReaderState};
use leptos::prelude::*;

use crate::i18n::use_texts;

/// What the server said of this reader on this thread, shared by the list, the forms and the
/// comments.
#[derive(Clone, Copy)]
pub struct ReaderThread {
    liked: StoredValue<Vec<i64>>,
    pending: RwSignal<Vec<Comment>>,
}

impl ReaderThread {
    /// Nothing known of the reader yet.
    pub fn new() -> Self {
        Self {
            liked: StoredValue::new(Vec::new()),
            pending: RwSignal::new(Vec::new()),
        }
    }

    /// Takes the server's answer (`GET /api/articles/{slug}/mine`).
    pub fn set(self, state: ReaderState) {
        self.liked.set_value(state.liked);
        self.pending.set(state.pending);
    }

    /// Marks the comments (and their replies) this reader likes.
    pub fn mark_liked(self, comments: &mut [Comment]) {
        self.liked.with_value(|liked| mark(liked, comments));
    }

    /// Shows a comment of theirs the server holds for a moderator.
    pub fn add_pending(self, comment: Comment) {
        self.pending.update(|pending| pending.insert(0, comment));
    }
}

fn mark(liked: &[i64], comments: &mut [Comment]) {
    for comment in comments {
        comment.liked = liked.contains(&comment.id);
        mark(liked, &mut comment.replies);
    }
}

/// The reader's own comments that wait for a moderator, shown only to them: the top-level ones
/// (`parent` `None`) or the replies to comment `parent`.
#[component]
pub fn PendingComments(
    /// Whose replies; `None` for top-level comments.
    parent: Option<i64>,
) -> impl IntoView {
    let texts = use_texts();
    let mine = use_context::<ReaderThread>();
    move || {
        mine.map(|mine| {
            mine.pending
                .get()
                .into_iter()
                .filter(|comment| comment.parent_id == parent)
                .map(|comment| {
                    view! {
                        <article class="comment is-pending">
                            <p class="comment-meta">
                                <strong class="comment-author">{comment.author_name}</strong>
                                <span class="badge">{texts().pending_badge}</span>
                            </p>
                            <p class="comment-content">{comment.content}</p>
                        </article>
                    }
                })
                .collect_view()
        })
    }
}
