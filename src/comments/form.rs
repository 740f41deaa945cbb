//! The comment form: name, e-mail, the comment with live feedback, and posting that never
//! loses the text and never posts twice.
//!
//! Vietnamese input methods must never break. Unikey, EVKey and OpenKey rewrite the text with
//! synthetic Backspaces; macOS, iOS and GBoard compose. So the textarea is never written while
//! the reader types (no value, no selection), no logic runs on keydown, and the text is read
//! from the DOM on `input` (composition included) and on `compositionend`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use binhluan_api::author::{AuthorProblem, author_email, author_name};
use binhluan_api::{Comment, CommentStatus, NewComment};
use binhluan_rules::{Policy, Span, Verdict, Violation, check};
use leptos::html::{Div, Input, Textarea};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{ApiBase, ApiFailure, post_comment};
use crate::comments::draft::{Author, DraftSlot, TextDraft};
use crate::comments::feedback::Feedback;
use crate::comments::highlight::Backdrop;
use crate::i18n::{Lang, Texts, use_lang, use_texts};
use crate::storage::random_id;

/// Where a post stands.
#[derive(Clone, Debug, PartialEq)]
enum Posting {
    Idle,
    Sending,
    Accepted(CommentStatus),
    Failed(PostError),
}

/// Why a post failed; the text always stays in the box.
#[derive(Clone, Debug, PartialEq)]
enum PostError {
    /// `422`: the server's violations are shown with the live ones.
    Rejected,
    /// `400`: the server's own explanation.
    Invalid {
        message: String,
        message_en: String,
    },
    RateLimited(Option<u64>),
    TooLarge,
    Network,
    Server,
    Conflict,
}

impl PostError {
    fn from_failure(failure: &ApiFailure) -> PostError {
        match failure {
            ApiFailure::Network => PostError::Network,
            ApiFailure::Status { status: 422, .. } => PostError::Rejected,
            ApiFailure::Status { status: 429, error } => {
                PostError::RateLimited(error.as_ref().and_then(|e| e.retry_after))
            }
            ApiFailure::Status { status: 413, .. } => PostError::TooLarge,
            ApiFailure::Status { status: 409, .. } => PostError::Conflict,
            ApiFailure::Status {
                status: 400,
                error: Some(error),
            } => PostError::Invalid {
                message: error.message.clone(),
                message_en: error.message_en.clone(),
            },
            ApiFailure::Status { .. } | ApiFailure::Decode => PostError::Server,
        }
    }

    fn message(&self, texts: &Texts, lang: Lang) -> String {
        let reason = match self {
            PostError::Rejected => texts.post_rejected.to_owned(),
            PostError::Invalid {
                message,
                message_en,
            } => match lang {
                Lang::Vi => message.clone(),
                Lang::En => message_en.clone(),
            },
            PostError::RateLimited(seconds) => (texts.post_rate_limited)(*seconds),
            PostError::TooLarge => texts.post_too_large.to_owned(),
            PostError::Network => texts.post_network_failed.to_owned(),
            PostError::Server => texts.post_server_failed.to_owned(),
            PostError::Conflict => texts.post_conflict.to_owned(),
        };
        format!("{reason} {}", texts.text_kept)
    }
}

fn author_problem_message(texts: &Texts, problem: AuthorProblem) -> &'static str {
    match problem {
        AuthorProblem::NameTooShort | AuthorProblem::NameHasControl => texts.name_too_short,
        AuthorProblem::NameTooLong => texts.name_too_long,
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
    let saved_text = slot.text();
    let name = RwSignal::new(saved_author.name.clone());
    let email = RwSignal::new(saved_author.email.clone());
    let content = RwSignal::new(saved_text.content.clone());
    let draft = StoredValue::new(saved_text);
    let slot = StoredValue::new(slot);

    let verdict: Memo<Verdict> =
        Memo::new(move |_| content.with(|text| policy.with(|p| check(text, p))));
    // The server's violations after a refusal, shown while the text is what was refused.
    let refused = RwSignal::new(None::<(String, Vec<Violation>)>);
    let violations = Signal::derive(move || {
        refused.with(|refused| match refused {
            Some((text, violations)) if content.with(|c| c == text) => violations.clone(),
            _ => verdict.with(|v| v.violations.clone()),
        })
    });
    let spans = Signal::derive(move || {
        violations.with(|v| {
            v.iter()
                .flat_map(|v| v.spans.iter().copied())
                .collect::<Vec<Span>>()
        })
    });

    // While the submit button is pressed, leaving a field shows nothing new: the messages would
    // push the button away between press and release, and the tap would miss it. The submit
    // itself shows every message.
    let pressing_submit = StoredValue::new(false);
    let leave = move |touched: RwSignal<bool>| {
        if !pressing_submit.get_value() {
            touched.set(true);
        }
    };
    // A touch's click follows its pointerup, after the focus moved: wait for it.
    let release_submit = move || {
        set_timeout(
            move || pressing_submit.set_value(false),
            Duration::from_millis(500),
        );
    };
    let content_touched = RwSignal::new(false);
    let name_touched = RwSignal::new(false);
    let email_touched = RwSignal::new(false);
    let posting = RwSignal::new(Posting::Idle);
    let pending_mine = RwSignal::new(Vec::<Comment>::new());

    let name_problem = move || name.with(|n| author_name(n).err());
    let email_problem = move || email.with(|e| author_email(Some(e)).err());

    let name_ref = NodeRef::<Input>::new();
    let email_ref = NodeRef::<Input>::new();
    let textarea_ref = NodeRef::<Textarea>::new();
    let backdrop_ref = NodeRef::<Div>::new();

    let save_author = move || {
        slot.with_value(|slot| {
            slot.save_author(&Author {
                name: name.get_untracked(),
                email: email.get_untracked(),
            })
        });
    };
    // Reads the text the input method left in the box; never writes it back.
    let read_text = move || {
        if let Some(textarea) = textarea_ref.get_untracked() {
            let text = textarea.value();
            draft.update_value(|draft| draft.content = text.clone());
            draft.with_value(|draft| slot.with_value(|slot| slot.save_text(draft)));
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

    let target = StoredValue::new(target);
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
        let (slug, parent) =
            target.with_value(|t| (t.slug.clone(), t.parent.as_ref().map(|p| p.0)));
        let comment = NewComment {
            author_name: name.with_untracked(|n| n.trim().to_owned()),
            author_email: email
                .with_untracked(|e| author_email(Some(e)).ok().flatten().map(str::to_owned)),
            content: content.get_untracked(),
            parent_id: parent,
        };
        let mut key = String::new();
        draft.update_value(|draft| key = draft.key_for(&comment, random_id));
        draft.with_value(|draft| slot.with_value(|slot| slot.save_text(draft)));
        posting.set(Posting::Sending);
        let base = base.clone();
        spawn_local(async move {
            match post_comment(&base, &slug, &comment, &key).await {
                Ok(created) => {
                    slot.with_value(DraftSlot::clear_text);
                    draft.set_value(TextDraft::default());
                    if let Some(textarea) = textarea_ref.get_untracked() {
                        textarea.set_value("");
                    }
                    content.set(String::new());
                    refused.set(None);
                    content_touched.set(false);
                    posting.set(Posting::Accepted(created.status));
                    if created.status == CommentStatus::Published {
                        on_published.run(created);
                    } else {
                        pending_mine.update(|mine| mine.insert(0, created));
                    }
                }
                Err(failure) => {
                    if let ApiFailure::Status {
                        status: 422,
                        error: Some(error),
                    } = &failure
                    {
                        refused.set(Some((comment.content.clone(), error.violations.clone())));
                    }
                    if matches!(failure, ApiFailure::Status { status: 409, .. }) {
                        draft.update_value(|draft| draft.pending = None);
                        draft.with_value(|draft| slot.with_value(|slot| slot.save_text(draft)));
                    }
                    posting.set(Posting::Failed(PostError::from_failure(&failure)));
                    focus(textarea_ref);
                }
            }
        });
    };

    let sending = move || posting.get() == Posting::Sending;
    let form_label = move || {
        let texts = texts();
        target.with_value(|t| match &t.parent {
            Some((_, name)) => (texts.reply_form_label)(name),
            None => texts.form_label.to_owned(),
        })
    };
    let field = move |suffix: &str| format!("{id}-{suffix}");
    let (name_id, name_error_id, email_id, email_note_id, email_error_id, content_id, feedback_id) = (
        field("name"),
        field("name-error"),
        field("email"),
        field("email-note"),
        field("email-error"),
        field("content"),
        field("feedback"),
    );
    let name_error = move || {
        name_touched
            .get()
            .then(name_problem)
            .flatten()
            .map(|p| author_problem_message(texts(), p))
    };
    let email_error = move || {
        email_touched
            .get()
            .then(email_problem)
            .flatten()
            .map(|p| author_problem_message(texts(), p))
    };
    let content_invalid = move || content_touched.get() && !violations.with(Vec::is_empty);
    let outcome = move || {
        match posting.get() {
        Posting::Accepted(CommentStatus::Published) => {
            Some(view! { <p class="form-notice is-ok" role="status">{texts().published_notice}</p> }.into_any())
        }
        Posting::Accepted(_) => {
            Some(view! { <p class="form-notice is-ok" role="status">{texts().pending_notice}</p> }.into_any())
        }
        Posting::Failed(error) => Some(
            view! { <p class="form-notice is-error" role="alert">{error.message(texts(), lang.get())}</p> }
                .into_any(),
        ),
        Posting::Idle | Posting::Sending => None,
    }
    };

    view! {
        <form class="comment-form" novalidate aria-label=form_label on:submit=submit>
            <div class="form-row">
                <div class="form-field">
                    <label for=name_id.clone()>{move || texts().name_label}</label>
                    <input
                        id=name_id
                        name="author_name"
                        type="text"
                        autocomplete="name"
                        maxlength="60"
                        required
                        prop:value=saved_author.name
                        aria-invalid=move || name_error().is_some().to_string()
                        aria-describedby=name_error_id.clone()
                        node_ref=name_ref
                        on:input:target=move |ev| {
                            name.set(ev.target().value());
                            save_author();
                        }
                        on:blur=move |_| leave(name_touched)
                    />
                    <p class="field-error" id=name_error_id>{name_error}</p>
                </div>
                <div class="form-field">
                    <label for=email_id.clone()>{move || texts().email_label}</label>
                    <input
                        id=email_id
                        name="author_email"
                        type="email"
                        autocomplete="email"
                        inputmode="email"
                        prop:value=saved_author.email
                        aria-invalid=move || email_error().is_some().to_string()
                        aria-describedby=format!("{email_note_id} {email_error_id}")
                        node_ref=email_ref
                        on:input:target=move |ev| {
                            email.set(ev.target().value());
                            save_author();
                        }
                        on:blur=move |_| leave(email_touched)
                    />
                    <p class="field-note" id=email_note_id>{move || texts().email_note}</p>
                    <p class="field-error" id=email_error_id>{email_error}</p>
                </div>
            </div>
            <div class="form-field">
                <label for=content_id.clone()>{move || texts().content_label}</label>
                <div class="comment-editor">
                    <Backdrop text=content spans=Signal::derive(move || if content_touched.get() { spans.get() } else { Vec::new() }) node_ref=backdrop_ref/>
                    <textarea
                        id=content_id
                        name="content"
                        rows="5"
                        lang="vi"
                        spellcheck="false"
                        placeholder=move || texts().content_placeholder
                        prop:value=draft.with_value(|d| d.content.clone())
                        readonly=sending
                        aria-invalid=move || content_invalid().to_string()
                        aria-describedby=feedback_id.clone()
                        node_ref=textarea_ref
                        on:input=move |_| read_text()
                        on:compositionend=move |_| read_text()
                        on:blur=move |_| leave(content_touched)
                        on:scroll=move |_| sync_scroll()
                    ></textarea>
                </div>
            </div>
            <Feedback id=feedback_id verdict policy violations show_messages=content_touched/>
            {outcome}
            <div class="form-actions">
                <button
                    type="submit"
                    class="button"
                    disabled=sending
                    aria-busy=move || sending().to_string()
                    on:pointerdown=move |_| pressing_submit.set_value(true)
                    on:pointerup=move |_| release_submit()
                    on:pointercancel=move |_| release_submit()
                >
                    {move || if sending() { texts().submitting } else { texts().submit }}
                </button>
            </div>
            <PendingComments comments=pending_mine/>
        </form>
    }
}

/// Moves focus to a field with a problem.
fn focus<E>(node: NodeRef<E>)
where
    E: leptos::html::ElementType,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
{
    use wasm_bindgen::JsCast;
    if let Some(element) = node.get_untracked()
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
