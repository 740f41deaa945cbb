//! The choice of a rejection's reason: five buttons, keys `1` to `5`, and a cancel (Escape).

use leptos::prelude::*;

use crate::api::{Decision, Reason};
use crate::i18n::use_texts;
use crate::queue::{use_decisions, use_queue};

/// The reasons to reject comment `id` for; choosing one rejects it.
#[component]
pub fn ReasonChoice(
    /// The comment the reason is chosen for.
    id: i64,
) -> impl IntoView {
    let queue = use_queue();
    let decisions = use_decisions();
    let texts = use_texts();
    view! {
        <div class="reasons" role="group" aria-label=move || texts().reasons_label>
            {Reason::ALL
                .into_iter()
                .enumerate()
                .map(|(index, reason)| {
                    view! {
                        <button
                            type="button"
                            class="reason"
                            data-reason=reason.code()
                            aria-keyshortcuts=(index + 1).to_string()
                            on:click=move |_| decisions.decide(id, Decision::Reject(reason))
                        >
                            <kbd>{index + 1}</kbd>
                            " "
                            {move || (texts().reason)(reason)}
                        </button>
                    }
                })
                .collect_view()}
            <button
                type="button"
                class="quiet"
                aria-keyshortcuts="Escape"
                on:click=move |_| queue.rejecting.set(None)
            >
                <kbd>"Esc"</kbd>
                " "
                {move || texts().cancel}
            </button>
        </div>
    }
}
