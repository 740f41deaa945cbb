//! The comment form: name, e-mail, the comment with live feedback, and posting that never
//! loses the text and never posts twice. One file a piece: `state.rs` (the form's signals and
//! the draft), `author.rs` (name and e-mail), `content.rs` (the comment's box), `submit.rs`
//! (checking, posting and settling the answer, and the button), `notices.rs` (what became of
//! the last post).
//!
//! Vietnamese input methods must never break. Unikey, EVKey and OpenKey rewrite the text with
//! synthetic Backspaces; macOS, iOS and GBoard compose. So the textarea is never written while
//! the reader types (no value, no selection), no logic runs on keydown, and the text is read
//! from the DOM on `input` (composition included) and on `compositionend`.

mod author;
mod content;
mod notices;
mod state;
mod submit;

use std::sync::atomic::{AtomicUsize, Ordering};

use binhluan_api::Comment;
use binhluan_rules::{Policy, Verdict, check};
use leptos::prelude::*;

use crate::api::ApiBase;
use crate::comments::draft::DraftSlot;
use crate::comments::feedback::Feedback;
use crate::comments::restore::RestoreMarks;
use crate::i18n::use_texts;
use author::author_fields;
use content::content_field;
use notices::form_notices;
use state::FormState;
use submit::{on_submit, submit_button};

/// A fresh prefix for the element ids of one form: several forms share a page.
fn next_form_id() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(1);
    format!("bl-form-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// What the form needs to know about where it posts.
#[derive(Clone)]
pub struct FormTarget {
    /// The article.
    pub slug: String,
    /// The comment answered, with its author's name, for a reply.
    pub parent: Option<(i64, String)>,
}

/// The form. `on_published` receives a comment the server published at once.
#[component]
pub fn CommentForm(
    /// Where the comment goes.
    target: FormTarget,
    /// The rules the comment must meet.
    #[prop(into)]
    policy: Signal<Policy>,
    /// Receives a comment the server published at once.
    on_published: Callback<Comment>,
) -> impl IntoView {
    let texts = use_texts();
    let base = use_context::<ApiBase>().unwrap_or_default();
    let id = next_form_id();
    let slot = DraftSlot::new(&base.0, &target.slug, target.parent.as_ref().map(|p| p.0));
    let saved_author = slot.author();
    let saved_content = slot.text().content;
    let form = FormState::new(slot, &saved_author, &saved_content);
    let content = form.content;
    let verdict: Memo<Verdict> =
        Memo::new(move |_| content.with(|text| policy.with(|p| check(text, p))));
    let violations = form.violations(verdict);
    let form_label = {
        let target = target.clone();
        move || match &target.parent {
            Some((_, name)) => (texts().reply_form_label)(name),
            None => texts().form_label.to_owned(),
        }
    };
    let submit = on_submit(form, verdict, base, target, on_published);
    let feedback_id = format!("{id}-feedback");

    view! {
        <form class="comment-form" novalidate aria-label=form_label on:submit=submit>
            {author_fields(form, id.clone(), saved_author)}
            {content_field(form, format!("{id}-content"), feedback_id.clone(), saved_content, violations)}
            // Above the feedback: leaving the box for the offer shows the messages below it,
            // so the offer does not move away under the reader's tap.
            <RestoreMarks content verdict textarea=form.textarea_ref/>
            <Feedback id=feedback_id verdict policy violations show_messages=form.content_touched/>
            {form_notices(form.posting)}
            {submit_button(form)}
        </form>
    }
}
