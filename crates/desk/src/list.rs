//! The queue shown: loaded for the tabs and filters, its comments, "Xem thêm" (and the next
//! page by itself when few are left), and its keys.

use std::collections::HashSet;

use binhluan_api::{CommentStatus, ModerationPage};
use leptos::ev;
use leptos::prelude::*;

use crate::api::{self, Decision, Query, Reason};
use crate::bulk::BulkBar;
use crate::i18n::{use_lang, use_texts};
use crate::item::Item;
use crate::keys;
use crate::queue::{Decisions, Queue, focus_element};
use crate::session::use_auth;
use crate::toasts::use_toasts;

/// Below this many comments left, the next page is loaded by itself.
const REFILL_BELOW: usize = 10;

/// The queue the filters ask for, refreshed when they change.
#[component]
pub fn QueuePanel(
    /// Which queue, article and search the panel lists.
    query: Memo<Query>,
) -> impl IntoView {
    let auth = use_auth();
    let texts = use_texts();
    let lang = use_lang();
    let page = LocalResource::new(move || {
        let query = query.get();
        async move {
            auth.check(api::comments(&query, None).await)
                .map(|page| (query, page))
        }
    });
    let busy = RwSignal::new(false);
    view! {
        <section class="queue" aria-labelledby="queue-heading" aria-busy=move || busy.get().to_string()>
            <h2 id="queue-heading" class="visually-hidden">
                {move || match query.with(|q| q.status) {
                    CommentStatus::Pending => texts().tab_pending,
                    CommentStatus::Published => texts().tab_published,
                    CommentStatus::Rejected => texts().tab_rejected,
                }}
            </h2>
            <Transition
                fallback=move || view! { <p class="loading">{move || texts().loading}</p> }
                set_pending=busy
            >
                {move || Suspend::new(async move {
                    match page.await {
                        Ok((query, page)) => view! { <QueueList query page /> }.into_any(),
                        Err(failure) => {
                            view! {
                                <div class="load-failed" role="alert">
                                    <p>{move || texts().load_failed} " " {failure.message(lang.get())}</p>
                                    <button type="button" on:click=move |_| page.refetch()>
                                        {move || texts().retry}
                                    </button>
                                </div>
                            }
                                .into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

/// A loaded queue: its comments, "Xem thêm", the bulk bar and the keys.
#[component]
fn QueueList(query: Query, page: ModerationPage) -> impl IntoView {
    let auth = use_auth();
    let texts = use_texts();
    let lang = use_lang();
    let toasts = use_toasts();
    let queue = Queue::new(query.status, &page);
    provide_context(queue);
    let decisions = Decisions::new(queue);
    provide_context(decisions);
    let next_cursor = RwSignal::new(page.next_cursor);

    let more = Action::new_local(move |cursor: &String| {
        let cursor = cursor.clone();
        let query = query.clone();
        async move {
            match auth.check(api::comments(&query, Some(&cursor)).await) {
                Ok(page) => {
                    queue.items.update(|items| {
                        let known: HashSet<i64> = items.iter().map(|i| i.comment.id).collect();
                        items.extend(
                            page.comments
                                .into_iter()
                                .filter(|item| !known.contains(&item.comment.id)),
                        );
                    });
                    queue.total.set(page.total);
                    if queue.focused.get_untracked().is_none() {
                        queue.focused.set(
                            queue
                                .items
                                .with_untracked(|items| items.first().map(|i| i.comment.id)),
                        );
                    }
                    next_cursor.set(page.next_cursor);
                }
                Err(failure) if failure.is_unauthorized() => {}
                Err(failure) => toasts.error(failure.message(lang.get_untracked())),
            }
        }
    });
    let load_more = move || {
        if let Some(cursor) = next_cursor.get_untracked()
            && !more.pending().get_untracked()
        {
            more.dispatch(cursor);
        }
    };
    // A moderator working through the queue never meets its end while more wait.
    Effect::new(move || {
        let few = queue.items.with(|items| items.len() < REFILL_BELOW);
        if few && next_cursor.with(Option::is_some) && !more.pending().get() {
            load_more();
        }
    });

    listen_for_keys(queue, decisions);

    view! {
        <div class="list-head">
            <p class="total" aria-live="polite">{move || (texts().total)(queue.total.get())}</p>
            <button
                type="button"
                class="quiet"
                disabled=move || queue.items.with(Vec::is_empty)
                on:click=move |_| {
                    let all = queue.items.with_untracked(|items| items.iter().map(|i| i.comment.id).collect());
                    queue.marked.set(all);
                }
            >
                {move || texts().mark_all}
            </button>
        </div>
        <BulkBar />
        <Show
            when=move || queue.items.with(|items| !items.is_empty())
            fallback=move || view! { <p class="empty">{move || texts().empty}</p> }
        >
            <ul class="items" aria-label=move || texts().list_label>
                <For
                    each=move || queue.items.get()
                    key=|item| (item.comment.id, item.comment.featured)
                    let:item
                >
                    <Item item />
                </For>
            </ul>
        </Show>
        <Show when=move || next_cursor.with(Option::is_some)>
            <button
                type="button"
                class="more"
                disabled=move || more.pending().get()
                aria-busy=move || more.pending().get().to_string()
                on:click=move |_| load_more()
            >
                {move || if more.pending().get() { texts().loading } else { texts().load_more }}
            </button>
        </Show>
    }
}

/// The keys of a queue, until it goes away: `j`/`k` move, `a` approves, `r` opens the reasons
/// (`1`–`5` pick one, Escape cancels), `f` features, `x` marks.
fn listen_for_keys(queue: Queue, decisions: Decisions) {
    let keys_handle = window_event_listener(ev::keydown, move |ev| {
        if keys::ignored(&ev) {
            return;
        }
        if let Some(id) = queue.rejecting.get_untracked() {
            let key = ev.key();
            let reason = key
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|n| Reason::ALL.get(n).copied());
            if let Some(reason) = reason {
                ev.prevent_default();
                decisions.decide(id, Decision::Reject(reason));
                return;
            }
            if key == "Escape" {
                ev.prevent_default();
                queue.rejecting.set(None);
                focus_element(id);
                return;
            }
        }
        match ev.key().as_str() {
            "j" => queue.move_focus(1),
            "k" => queue.move_focus(-1),
            "a" => decisions.on_focused(|id| decisions.decide(id, Decision::Approve)),
            "r" => decisions.on_focused(|id| {
                let rejected = queue.items.with_untracked(|items| {
                    items
                        .iter()
                        .any(|i| i.comment.id == id && i.comment.status == CommentStatus::Rejected)
                });
                if !rejected {
                    queue.rejecting.set(Some(id));
                }
            }),
            "f" => decisions.on_focused(|id| decisions.toggle_feature(id)),
            "x" => decisions.on_focused(|id| queue.toggle_mark(id)),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys_handle.remove());
}
