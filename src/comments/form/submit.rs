//! Sending the form: every message shown and the focus on the first problem, or the post,
//! and what its answer changes; and the submit button, which a tap must not miss.

use std::time::Duration;

use binhluan_api::author::author_email;
use binhluan_api::{Comment, CommentStatus, NewComment};
use binhluan_rules::Verdict;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::FormTarget;
use super::state::FormState;
use crate::api::ApiBase;
use crate::comments::mine::ReaderThread;
use crate::comments::posting::{self, PostError, Posting};
use crate::i18n::use_texts;

/// The form's `submit` handler: posts the comment to `target` once it meets the rules (the
/// live `verdict`), and never twice at once; a comment published at once goes to
/// `on_published`.
pub(super) fn on_submit(
    form: FormState,
    verdict: Memo<Verdict>,
    base: ApiBase,
    target: FormTarget,
    on_published: Callback<Comment>,
) -> impl Fn(SubmitEvent) + 'static {
    let mine = use_context::<ReaderThread>();
    move |event: SubmitEvent| {
        event.prevent_default();
        form.pressing_submit.set_value(false);
        if form.posting.get_untracked() == Posting::Sending {
            return;
        }
        form.read_text();
        if !ready_to_post(form, verdict) {
            return;
        }
        let comment = new_comment(form, &target);
        form.posting.set(Posting::Sending);
        let base = base.clone();
        let slug = target.slug.clone();
        let slot = form.slot.get_value();
        spawn_local(async move {
            let sent = comment.content.clone();
            let result = posting::post(&base, &slug, &slot, comment).await;
            settle(form, result, sent, on_published, mine);
        });
    }
}

/// Shows every message, and moves the focus to the first field with a problem, if any.
fn ready_to_post(form: FormState, verdict: Memo<Verdict>) -> bool {
    form.content_touched.set(true);
    form.name_touched.set(true);
    form.email_touched.set(true);
    if form.name_problem().is_some() {
        focus(form.name_ref);
        return false;
    }
    if form.email_problem().is_some() {
        focus(form.email_ref);
        return false;
    }
    if !verdict.with_untracked(|v| v.ok) {
        focus(form.textarea_ref);
        return false;
    }
    true
}

/// The comment as the form stands.
fn new_comment(form: FormState, target: &FormTarget) -> NewComment {
    NewComment {
        author_name: form.name.with_untracked(|n| n.trim().to_owned()),
        author_email: form
            .email
            .with_untracked(|e| author_email(Some(e)).ok().flatten().map(str::to_owned)),
        content: form.content.get_untracked(),
        parent_id: target.parent.as_ref().map(|p| p.0),
    }
}

/// Shows the post's outcome. The draft is settled already. The form may be gone by now (a
/// reply box closed while its comment was on the way): updates only what still exists.
fn settle(
    form: FormState,
    result: Result<Comment, PostError>,
    sent: String,
    on_published: Callback<Comment>,
    mine: Option<ReaderThread>,
) {
    match result {
        Ok(created) => {
            if let Some(textarea) = form.textarea_ref.try_get_untracked().flatten() {
                textarea.set_value("");
            }
            form.content.try_set(String::new());
            form.refused.try_set(None);
            form.content_touched.try_set(false);
            form.posting.try_set(Posting::Accepted(created.status));
            if created.status == CommentStatus::Published {
                on_published.try_run(created);
            } else if let Some(mine) = mine {
                mine.add_pending(created);
            }
        }
        Err(error) => {
            if let PostError::Rejected(violations) = &error {
                form.refused.try_set(Some((sent, violations.clone())));
            }
            form.posting.try_set(Posting::Failed(error));
            focus(form.textarea_ref);
        }
    }
}

/// "Gửi bình luận", "Đang gửi…" while the post is on the way; hidden once the server said
/// the thread is closed (the text stays in the box but cannot be sent).
pub(super) fn submit_button(form: FormState) -> impl IntoView {
    let texts = use_texts();
    let closed = move || {
        form.posting
            .with(|p| matches!(p, Posting::Failed(PostError::Closed)))
    };
    // A touch's click follows its pointerup: wait for it before leaving a field may show
    // messages again.
    let release = move || {
        set_timeout(
            move || form.pressing_submit.set_value(false),
            Duration::from_millis(500),
        );
    };
    view! {
        <div class="form-actions">
            // Not `disabled` while sending: a disabled button drops the keyboard focus.
            <button
                type="submit"
                class="button"
                hidden=closed
                aria-disabled=move || form.sending().to_string()
                on:pointerdown=move |_| form.pressing_submit.set_value(true)
                on:pointerup=move |_| release()
                on:pointercancel=move |_| release()
            >
                {move || if form.sending() { texts().submitting } else { texts().submit }}
            </button>
        </div>
    }
}

/// Moves focus to a field with a problem, if it is still on the page.
fn focus<E>(node: NodeRef<E>)
where
    E: leptos::html::ElementType,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
{
    use wasm_bindgen::JsCast;
    if let Some(element) = node.try_get_untracked().flatten()
        && let Some(element) = element.dyn_ref::<web_sys::HtmlElement>()
    {
        let _ = element.focus();
    }
}
