//! The bulk bar: what is marked, and approving or rejecting it all at once.

use std::collections::HashSet;

use binhluan_api::{BulkAction, BulkDecision, CommentStatus};
use leptos::prelude::*;

use crate::api::{self, Reason};
use crate::i18n::Translated;
use crate::i18n::{use_lang, use_texts};
use crate::queue::use_queue;
use crate::session::use_auth;
use crate::tabs::use_counts;
use crate::toasts::{Undo, use_toasts};

/// The bar shown while comments are marked: their number, approve all, reject all for a
/// reason, unmark.
#[component]
pub fn BulkBar() -> impl IntoView {
    let queue = use_queue();
    let auth = use_auth();
    let texts = use_texts();
    let lang = use_lang();
    let toasts = use_toasts();
    let counts = use_counts();
    let bulk = Action::new_local(move |request: &BulkDecision| {
        let request = request.clone();
        let csrf = auth.csrf();
        async move {
            let answer = api::bulk(&csrf, &request).await;
            let lang = lang.get_untracked();
            let texts = lang.texts();
            match auth.check(answer) {
                Ok(outcome) => {
                    // The skipped ones were decided by someone else, or are gone: they leave
                    // the list too, but only the decided ones can be undone.
                    let decided: HashSet<i64> = outcome.decided.iter().map(|c| c.id).collect();
                    let gone: HashSet<i64> = outcome.skipped.iter().map(|s| s.id).collect();
                    let mut items = queue.take(&decided.union(&gone).copied().collect());
                    items.retain(|(_, item)| decided.contains(&item.comment.id));
                    if !items.is_empty() {
                        let text = match request.action {
                            BulkAction::Approve => (texts.bulk_approved)(items.len()),
                            BulkAction::Reject => (texts.bulk_rejected)(items.len()),
                        };
                        toasts.offer_undo(text, Undo { queue, items });
                    }
                    if let Some(first) = outcome.skipped.first() {
                        let why = lang.pick(&first.error.message, &first.error.message_en);
                        toasts.error(format!(
                            "{}: {why}",
                            (texts.bulk_skipped)(outcome.skipped.len())
                        ));
                    }
                }
                Err(failure) if failure.is_unauthorized() => {}
                Err(failure) => toasts.error(failure.message(lang)),
            }
            counts.refresh();
        }
    });
    let bulk_reason = RwSignal::new(Reason::Spam.code().to_owned());
    let dispatch_bulk = move |action: BulkAction| {
        let mut ids: Vec<i64> = queue.marked.get_untracked().into_iter().collect();
        if ids.is_empty() {
            return;
        }
        // In the queue's order, as the moderator sees them.
        queue.items.with_untracked(|items| {
            ids.sort_by_key(|id| items.iter().position(|i| i.comment.id == *id));
        });
        let reason = (action == BulkAction::Reject).then(|| bulk_reason.get_untracked());
        bulk.dispatch(BulkDecision {
            ids,
            action,
            reason,
        });
    };

    let marked_count = move || queue.marked.with(HashSet::len);
    let can_approve = queue.status != CommentStatus::Published;
    let can_reject = queue.status != CommentStatus::Rejected;
    view! {
        <Show when=move || { marked_count() > 0 }>
            <div class="bulk" role="group" aria-label=move || texts().bulk_label aria-busy=move || bulk.pending().get().to_string()>
                <span class="marked">{move || (texts().marked)(marked_count())}</span>
                {can_approve.then(|| view! {
                    <button
                        type="button"
                        class="approve"
                        disabled=move || bulk.pending().get()
                        on:click=move |_| dispatch_bulk(BulkAction::Approve)
                    >
                        {move || texts().bulk_approve}
                    </button>
                })}
                {can_reject.then(|| view! {
                    <label class="bulk-reason">
                        <span>{move || texts().bulk_reason}</span>
                        <select on:change=move |ev| bulk_reason.set(event_target_value(&ev)) prop:value=move || bulk_reason.get()>
                            {Reason::ALL
                                .into_iter()
                                .map(|reason| view! {
                                    <option value=reason.code()>{move || (texts().reason)(reason)}</option>
                                })
                                .collect_view()}
                        </select>
                    </label>
                    <button
                        type="button"
                        class="reject"
                        disabled=move || bulk.pending().get()
                        on:click=move |_| dispatch_bulk(BulkAction::Reject)
                    >
                        {move || texts().bulk_reject}
                    </button>
                })}
                <button type="button" class="quiet" on:click=move |_| queue.marked.set(HashSet::new())>
                    {move || texts().unmark_all}
                </button>
            </div>
        </Show>
    }
}
