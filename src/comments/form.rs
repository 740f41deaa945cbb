//! The comment form: name, e-mail, the comment with live feedback, and posting that never
//! loses the text and never posts twice.
//!
//! Vietnamese input methods must never break. Unikey, EVKey and OpenKey rewrite the text with
//! synthetic Backspaces; macOS, iOS and GBoard compose. So the textarea is never written while
//! the reader types (no value, no selection), no logic runs on keydown, and the text is read
//! from the DOM on `input` (composition included) and on `compositionend`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use binhluan_api::author::{AuthorProblem, author_email, author_name_problem};
use binhluan_api::{Comment, CommentStatus, NewComment};
use binhluan_rules::{Policy, Verdict, Violation, check, merged_spans};
use leptos::html::{Div, Input, Textarea};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiBase;
use crate::comments::draft::{Author, DraftSlot};
use crate::comments::feedback::Feedback;
use crate::comments::field::TextField;
use crate::comments::highlight::Backdrop;
use crate::comments::posting::{self, PostError, Posting};
use crate::comments::restore::RestoreMarks;
use crate::i18n::{Texts, use_lang, use_texts};

fn author_problem_message(texts: &Texts, problem: AuthorProblem) -> &'static str {
    match problem {
        AuthorProblem::NameTooShort => texts.name_too_short,
        AuthorProblem::NameTooLong => texts.name_too_long,
        AuthorProblem::NameHasControl => texts.name_has_control,
        AuthorProblem::NameHasLink => texts.name_has_link,
        AuthorProblem::EmailInvalid => texts.email_invalid,
    }
}

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
    let lang = use_lang();
    let base = use_context::<ApiBase>().unwrap_or_default();
    let id = next_form_id();
    let slot = DraftSlot::new(&base.0, &target.slug, target.parent.as_ref().map(|p| p.0));
    let saved_author = slot.author();
    let saved_content = slot.text().content;
    let slot = StoredValue::new(slot);
    let target = StoredValue::new(target);

    let name = RwSignal::new(saved_author.name.clone());
    let email = RwSignal::new(saved_author.email.clone());
    let content = RwSignal::new(saved_content.clone());
    let verdict: Memo<Verdict> =
        Memo::new(move |_| content.with(|text| policy.with(|p| check(text, p))));
    let posting = RwSignal::new(Posting::Idle);
    // The server's violations after a refusal, shown while the text is what was refused.
    let refused = RwSignal::new(None::<(String, Vec<Violation>)>);
    let violations = Signal::derive(move || {
        refused.with(|refused| match refused {
            Some((text, violations)) if content.with(|c| c == text) => violations.clone(),
            _ => verdict.with(|v| v.violations.clone()),
        })
    });
    let pending_mine = RwSignal::new(Vec::<Comment>::new());

    let content_touched = RwSignal::new(false);
    let name_touched = RwSignal::new(false);
    let email_touched = RwSignal::new(false);
    // While the submit button is pressed, leaving a field shows nothing new: the messages would
    // push the button away between press and release, and the tap would miss it. The submit
    // itself shows every message. A touch's click follows its pointerup: wait for it.
    let pressing_submit = StoredValue::new(false);
    let leave = move |touched: RwSignal<bool>| {
        if !pressing_submit.get_value() {
            touched.set(true);
        }
    };
    let release_submit = move || {
        set_timeout(
            move || pressing_submit.set_value(false),
            Duration::from_millis(500),
        );
    };

    let name_problem = move || name.with(|n| author_name_problem(n));
    let email_problem = move || email.with(|e| author_email(Some(e)).err());
    let name_error = Signal::derive(move || {
        name_touched
            .get()
            .then(name_problem)
            .flatten()
            .map(|p| author_problem_message(texts(), p))
    });
    let email_error = Signal::derive(move || {
        email_touched
            .get()
            .then(email_problem)
            .flatten()
            .map(|p| author_problem_message(texts(), p))
    });

    let name_ref = NodeRef::<Input>::new();
    let email_ref = NodeRef::<Input>::new();
    let textarea_ref = NodeRef::<Textarea>::new();
    let backdrop_ref = NodeRef::<Div>::new();

    let save_author = Callback::new(move |()| {
        let author = Author {
            name: name.get_untracked(),
            email: email.get_untracked(),
        };
        slot.with_value(|slot| slot.save_author(&author));
    });
    // Reads the text the input method left in the box; never writes it back.
    let read_text = move || {
        if let Some(textarea) = textarea_ref.get_untracked() {
            let text = textarea.value();
            slot.with_value(|slot| {
                let mut draft = slot.text();
                draft.content = text.clone();
                slot.save_text(&draft);
            });
            content.set(text);
        }
    };
    let sync_scroll = move || {
        if let (Some(textarea), Some(backdrop)) =
            (textarea_ref.get_untracked(), backdrop_ref.get_untracked())
        {
            backdrop.set_scroll_top(textarea.scroll_top());
        }
    };

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        pressing_submit.set_value(false);
        if posting.get_untracked() == Posting::Sending {
            return;
        }
        read_text();
        content_touched.set(true);
        name_touched.set(true);
        email_touched.set(true);
        if name_problem().is_some() {
            focus(name_ref);
            return;
        }
        if email_problem().is_some() {
            focus(email_ref);
            return;
        }
        if !verdict.with_untracked(|v| v.ok) {
            focus(textarea_ref);
            return;
        }
        let (slug, parent_id) =
            target.with_value(|t| (t.slug.clone(), t.parent.as_ref().map(|p| p.0)));
        let comment = NewComment {
            author_name: name.with_untracked(|n| n.trim().to_owned()),
            author_email: email
                .with_untracked(|e| author_email(Some(e)).ok().flatten().map(str::to_owned)),
            content: content.get_untracked(),
            parent_id,
        };
        posting.set(Posting::Sending);
        let base = base.clone();
        let slot = slot.get_value();
        spawn_local(async move {
            let sent = comment.content.clone();
            let result = posting::post(&base, &slug, &slot, comment).await;
            // The draft is settled. The form may be gone by now (a reply box closed while its
            // comment was on the way): update only what still exists.
            match result {
                Ok(created) => {
                    if let Some(textarea) = textarea_ref.try_get_untracked().flatten() {
                        textarea.set_value("");
                    }
                    content.try_set(String::new());
                    refused.try_set(None);
                    content_touched.try_set(false);
                    posting.try_set(Posting::Accepted(created.status));
                    if created.status == CommentStatus::Published {
                        on_published.try_run(created);
                    } else {
                        pending_mine.try_update(|mine| mine.insert(0, created));
                    }
                }
                Err(error) => {
                    if let PostError::Rejected(violations) = &error {
                        refused.try_set(Some((sent, violations.clone())));
                    }
                    posting.try_set(Posting::Failed(error));
                    focus(textarea_ref);
                }
            }
        });
    };

    let sending = move || posting.get() == Posting::Sending;
    // After the server said the thread is closed, the text stays in the box but cannot be sent.
    let closed = move || posting.with(|p| matches!(p, Posting::Failed(PostError::Closed)));
    let form_label = move || {
        let texts = texts();
        target.with_value(|t| match &t.parent {
            Some((_, name)) => (texts.reply_form_label)(name),
            None => texts.form_label.to_owned(),
        })
    };
    let accepted_notice = move || match posting.get() {
        Posting::Accepted(CommentStatus::Published) => texts().published_notice,
        Posting::Accepted(_) => texts().pending_notice,
        _ => "",
    };
    let failure_notice = move || match posting.get() {
        Posting::Failed(error) => error.message(texts(), lang.get()),
        _ => String::new(),
    };
    let content_id = format!("{id}-content");
    let feedback_id = format!("{id}-feedback");
    let marked_spans = Signal::derive(move || {
        if !content_touched.get() {
            return Vec::new();
        }
        violations.with(|v| merged_spans(v))
    });

    view! {
        <form class="comment-form" novalidate aria-label=form_label on:submit=submit>
            <div class="form-row">
                <TextField
                    id=format!("{id}-name")
                    name="author_name"
                    kind="text"
                    autocomplete="name"
                    label=|t| t.name_label
                    initial=saved_author.name
                    value=name
                    error=name_error
                    node_ref=name_ref
                    on_input=save_author
                    on_leave=Callback::new(move |()| leave(name_touched))
                />
                <TextField
                    id=format!("{id}-email")
                    name="author_email"
                    kind="email"
                    autocomplete="email"
                    label=|t| t.email_label
                    note=|t| t.email_note
                    initial=saved_author.email
                    value=email
                    error=email_error
                    node_ref=email_ref
                    on_input=save_author
                    on_leave=Callback::new(move |()| leave(email_touched))
                />
            </div>
            <div class="form-field">
                <label for=content_id.clone()>{move || texts().content_label}</label>
                <div class="comment-editor">
                    <Backdrop text=content spans=marked_spans node_ref=backdrop_ref/>
                    <textarea
                        id=content_id
                        name="content"
                        rows="5"
                        lang="vi"
                        spellcheck="false"
                        placeholder=move || texts().content_placeholder
                        prop:value=saved_content
                        readonly=sending
                        aria-invalid=move || {
                            (content_touched.get() && !violations.with(Vec::is_empty)).to_string()
                        }
                        aria-describedby=feedback_id.clone()
                        node_ref=textarea_ref
                        on:input=move |_| read_text()
                        on:compositionend=move |_| read_text()
                        on:blur=move |_| leave(content_touched)
                        on:scroll=move |_| sync_scroll()
                    ></textarea>
                </div>
            </div>
            // Above the feedback: leaving the box for the offer shows the messages below it,
            // so the offer does not move away under the reader's tap.
            <RestoreMarks content verdict textarea=textarea_ref/>
            <Feedback id=feedback_id verdict policy violations show_messages=content_touched/>
            <p class="form-notice is-ok" role="status">{accepted_notice}</p>
            <p class="form-notice is-error" role="alert">{failure_notice}</p>
            <div class="form-actions">
                // Not `disabled` while sending: a disabled button drops the keyboard focus.
                <button
                    type="submit"
                    class="button"
                    hidden=closed
                    aria-disabled=move || sending().to_string()
                    on:pointerdown=move |_| pressing_submit.set_value(true)
                    on:pointerup=move |_| release_submit()
                    on:pointercancel=move |_| release_submit()
                >
                    {move || if sending() { texts().submitting } else { texts().submit }}
                </button>
            </div>
        </form>
        <PendingComments comments=pending_mine/>
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

/// The reader's own comments that wait for a moderator, shown only to them.
#[component]
fn PendingComments(comments: RwSignal<Vec<Comment>>) -> impl IntoView {
    let texts = use_texts();
    move || {
        comments
            .get()
            .into_iter()
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
    }
}
