//! What became of the last post: taken (published, or waiting for a moderator), or why not.

use binhluan_api::CommentStatus;
use leptos::prelude::*;

use crate::comments::posting::Posting;
use crate::i18n::{use_lang, use_texts};

/// The form's two notices of where `posting` stands: a polite status when the server took the
/// comment, an alert when the post failed.
pub(super) fn form_notices(posting: RwSignal<Posting>) -> impl IntoView {
    let texts = use_texts();
    let lang = use_lang();
    let accepted_notice = move || match posting.get() {
        Posting::Accepted(CommentStatus::Published) => texts().published_notice,
        Posting::Accepted(_) => texts().pending_notice,
        _ => "",
    };
    let failure_notice = move || match posting.get() {
        Posting::Failed(error) => error.message(texts(), lang.get()),
        _ => String::new(),
    };
    view! {
        <p class="form-notice is-ok" role="status">{accepted_notice}</p>
        <p class="form-notice is-error" role="alert">{failure_notice}</p>
    }
}
