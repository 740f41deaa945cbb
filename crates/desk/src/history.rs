//! What the focused comment's author did before: how many of their comments were published
//! and rejected, and their last ones.

use leptos::prelude::*;

use crate::api;
use crate::i18n::{use_lang, use_texts};
use crate::session::use_auth;
use crate::time;

/// The author history of comment `id`.
#[component]
pub fn History(
    /// The comment whose decisions are listed.
    id: i64,
) -> impl IntoView {
    let auth = use_auth();
    let texts = use_texts();
    let lang = use_lang();
    let history = LocalResource::new(move || async move { auth.check(api::history(id).await) });
    view! {
        <section class="history" aria-label=move || texts().history_heading>
            <h3>{move || texts().history_heading}</h3>
            <Suspense fallback=move || view! { <p class="loading">{move || texts().loading}</p> }>
                {move || Suspend::new(async move {
                    match history.await {
                        Ok(history) => {
                            let recent = history.recent;
                            view! {
                                <p class="history-counts">
                                    {move || (texts().history_counts)(history.approved, history.rejected)}
                                </p>
                                {if recent.is_empty() {
                                    view! { <p class="quiet-text">{move || texts().history_none}</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="recent">
                                            {recent
                                                .into_iter()
                                                .map(|comment| {
                                                    let at = comment.created_at;
                                                    let status = comment.status;
                                                    view! {
                                                        <li>
                                                            <span class="badge" data-status=api::status_code(status)>
                                                                {move || (texts().status)(status)}
                                                            </span>
                                                            " "
                                                            <time>{move || time::format(&at, lang.get())}</time>
                                                            " "
                                                            <span class="recent-text">{comment.content}</span>
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                    }
                                        .into_any()
                                }}
                            }
                                .into_any()
                        }
                        Err(failure) => {
                            view! { <p class="error">{move || failure.message(lang.get())}</p> }.into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}
