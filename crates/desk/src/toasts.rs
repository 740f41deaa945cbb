//! Short notices in a live region at the bottom of the desk: a decision with its undo
//! ("Đã duyệt · Hoàn tác"), or what went wrong. Each disappears after ten seconds, the time
//! the server allows an undo.

use std::time::Duration;

use binhluan_api::ModerationItem;
use leptos::prelude::*;

use crate::api;
use crate::i18n::Translated;
use crate::i18n::{use_lang, use_texts};
use crate::queue::Queue;
use crate::session::use_auth;
use crate::tabs::use_counts;

/// How long a toast stays, and so how long a decision can be undone.
pub const TOAST_DURATION: Duration = Duration::from_secs(10);

/// How many toasts show at once; older ones give way.
const MAX_TOASTS: usize = 3;

/// What an undo puts back: the comments decided, where they were in their queue, and the
/// queue (gone if the moderator left it).
#[derive(Clone, Debug)]
pub struct Undo {
    /// The queue they left.
    pub queue: Queue,
    /// Each comment with its place in the queue.
    pub items: Vec<(usize, ModerationItem)>,
}

/// One notice.
#[derive(Clone, Debug)]
struct Toast {
    key: u64,
    text: String,
    error: bool,
    undo: Option<Undo>,
}

/// The notices shown, shared by the views that decide.
#[derive(Clone, Copy, Debug)]
pub struct Toasts {
    list: RwSignal<Vec<Toast>>,
    next_key: StoredValue<u64>,
}

impl Toasts {
    /// Provides the context for the views below the caller.
    pub fn provide() -> Toasts {
        let toasts = Toasts {
            list: RwSignal::new(Vec::new()),
            next_key: StoredValue::new(0),
        };
        provide_context(toasts);
        toasts
    }

    /// Says that something was done.
    pub fn say(self, text: String) {
        self.push(text, false, None);
    }

    /// Says what went wrong.
    pub fn error(self, text: String) {
        self.push(text, true, None);
    }

    /// Says that a decision was taken, with its undo.
    pub fn offer_undo(self, text: String, undo: Undo) {
        self.push(text, false, Some(undo));
    }

    fn push(self, text: String, error: bool, undo: Option<Undo>) {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        self.list.update(|list| {
            list.push(Toast {
                key,
                text,
                error,
                undo,
            });
            if list.len() > MAX_TOASTS {
                list.remove(0);
            }
        });
        set_timeout(move || self.dismiss(key), TOAST_DURATION);
    }

    fn dismiss(self, key: u64) {
        self.list.try_update(|list| list.retain(|t| t.key != key));
    }
}

/// The notices context.
pub fn use_toasts() -> Toasts {
    expect_context::<Toasts>()
}

/// The live region that shows the notices; its undo buttons call `/undo`.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let toasts = use_toasts();
    let auth = use_auth();
    let counts = use_counts();
    let texts = use_texts();
    let lang = use_lang();
    let undo = Action::new_local(move |undo: &Undo| {
        let Undo { queue, items } = undo.clone();
        let csrf = auth.csrf();
        async move {
            let mut restored = Vec::with_capacity(items.len());
            let mut failure = None;
            for (index, mut item) in items {
                match auth.check(api::undo(&csrf, item.comment.id).await) {
                    Ok(comment) => {
                        item.comment = comment;
                        restored.push((index, item));
                    }
                    Err(error) => failure = Some(error),
                }
            }
            let any_restored = !restored.is_empty();
            queue.restore(restored);
            counts.refresh();
            let lang = lang.get_untracked();
            match failure {
                Some(failure) => toasts.error(failure.message(lang)),
                None if any_restored => toasts.say(lang.texts().toast_undone.to_owned()),
                None => {}
            }
        }
    });
    view! {
        <div class="toasts" role="status" aria-live="polite" aria-label=move || texts().toasts_label>
            <For each=move || toasts.list.get() key=|toast| toast.key let:toast>
                <div class="toast" class:is-error=toast.error>
                    <span class="toast-text">{toast.text.clone()}</span>
                    {toast
                        .undo
                        .clone()
                        .map(|u| {
                            let key = toast.key;
                            view! {
                                <button
                                    type="button"
                                    class="undo"
                                    on:click=move |_| {
                                        toasts.dismiss(key);
                                        undo.dispatch(u.clone());
                                    }
                                >
                                    {move || texts().undo}
                                </button>
                            }
                        })}
                    <button
                        type="button"
                        class="close"
                        aria-label=move || texts().close
                        on:click=move |_| toasts.dismiss(toast.key)
                    >
                        "×"
                    </button>
                </div>
            </For>
        </div>
    }
}
