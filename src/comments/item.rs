//! One comment: its author, when, what they wrote (as plain text), likes, a report button,
//! replies.

use binhluan_api::Comment;
use binhluan_rules::Policy;
use binhluan_view::{CommentCard, LikeLabel};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{ApiBase, fetch_replies, reader, set_like};
use crate::comments::form::{CommentForm, FormTarget};
use crate::comments::list::CommentList;
use crate::comments::load_more::LoadMore;
use crate::comments::mine::{PendingComments, ReaderThread};
use crate::comments::report::ReportButton;
use crate::i18n::use_texts;
use crate::time::{epoch_millis, local_time, time_ago};

/// The clock the relative times are read against; ticks every minute.
#[derive(Clone, Copy)]
pub struct Now(pub ReadSignal<f64>);

/// A top-level comment with its replies and a reply box; or, with `replies_allowed` false, a
/// reply.
#[component]
pub fn CommentItem(
    /// The comment.
    mut comment: Comment,
    /// The article, for the reply box.
    slug: String,
    /// The rules a reply must meet.
    #[prop(into)]
    policy: Signal<Policy>,
    /// Whether the comment takes replies (top-level comments do; replies do not).
    replies_allowed: bool,
) -> impl IntoView {
    let texts = use_texts();
    let id = comment.id;
    let created_at = comment.created_at.clone();
    let (likes, liked) = (comment.likes, comment.liked);
    let author = comment.author_name.clone();
    let replies = RwSignal::new(std::mem::take(&mut comment.replies));
    let reply_count = RwSignal::new(comment.reply_count);
    let replies_cursor = RwSignal::new(comment.replies_cursor.take());
    let replying = RwSignal::new(false);
    // Owned by the comment, not by its reply box: a reply sent just before the box was closed
    // still shows up when the server publishes it.
    let list = use_context::<CommentList>();
    let on_published = Callback::new(move |reply: Comment| {
        replies.update(|r| r.push(reply));
        reply_count.update(|n| *n += 1);
        if let Some(list) = list {
            list.add_published_reply();
        }
    });
    let base = StoredValue::new(use_context::<ApiBase>().unwrap_or_default());
    let mine = use_context::<ReaderThread>();
    // "Xem thêm N trả lời": the next page of replies, appended once each (a reply this reader
    // just published may come again). Clicks while it loads ask for nothing more.
    let loading_more = RwSignal::new(false);
    let more_failed = RwSignal::new(false);
    let load_more = move |cursor: String| {
        if loading_more.get_untracked() {
            return;
        }
        loading_more.set(true);
        let base = base.get_value();
        spawn_local(async move {
            match fetch_replies(&base, id, &cursor).await {
                Ok(mut page) => {
                    if let Some(mine) = mine {
                        mine.mark_liked(&mut page.comments);
                    }
                    let first_new = page.comments.first().map(|reply| reply.id);
                    replies.try_update(|shown| {
                        for reply in page.comments {
                            if !shown.iter().any(|s| s.id == reply.id) {
                                shown.push(reply);
                            }
                        }
                    });
                    reply_count.try_set(page.total);
                    replies_cursor.try_set(page.next_cursor.clone());
                    more_failed.try_set(false);
                    if let (None, Some(list), Some(first)) = (page.next_cursor, list, first_new) {
                        list.focus_when_shown(first);
                    }
                }
                Err(_) => {
                    more_failed.try_set(true);
                }
            }
            loading_more.try_set(false);
        });
    };
    let more_button = move || {
        replies_cursor.get().map(|cursor| {
            let label = move || {
                let hidden = reply_count
                    .get()
                    .saturating_sub(replies.with(Vec::len) as u64);
                (texts().more_replies)(hidden)
            };
            let on_click = Callback::new(move |()| load_more(cursor.clone()));
            view! {
                <LoadMore
                    class="link-button more-replies"
                    busy=loading_more
                    failed=more_failed
                    label=Signal::derive(label)
                    on_click
                />
            }
        })
    };
    let reply_box = move || {
        replying.get().then(|| {
            let target = FormTarget {
                slug: slug.clone(),
                parent: Some((id, author.clone())),
            };
            view! { <CommentForm target policy on_published/> }
        })
    };
    view! {
        <CommentCard comment time=view! { <RelativeTime at=created_at/> }.into_any()>
            <div class="comment-actions">
                <LikeButton id likes liked/>
                <ReportButton id/>
                {replies_allowed.then(|| view! {
                    <button
                        type="button"
                        class="link-button reply-button"
                        hidden=move || list.is_some_and(CommentList::is_closed)
                        aria-expanded=move || replying.get().to_string()
                        on:click=move |_| replying.update(|r| *r = !*r)
                    >
                        {move || if replying.get() { texts().cancel_reply } else { texts().reply }}
                    </button>
                })}
            </div>
            {reply_box}
            {replies_allowed.then(|| view! { <PendingComments parent=Some(id)/> })}
            <Show when=move || replies.with(|r| !r.is_empty())>
                <div class="comment-replies">
                    <For each=move || replies.get() key=|reply| reply.id let:reply>
                        // Replies take no replies: `into_any` ends the recursion of the view's type.
                        {view! { <CommentItem comment=reply slug=String::new() policy replies_allowed=false/> }.into_any()}
                    </For>
                    {more_button}
                </div>
            </Show>
        </CommentCard>
    }
}

/// "5 phút trước", with the exact time on hover and on focus.
#[component]
fn RelativeTime(at: String) -> impl IntoView {
    let texts = use_texts();
    let now = use_context::<Now>().map(|n| n.0);
    let millis = epoch_millis(&at);
    let exact = millis.map(local_time).unwrap_or_else(|| at.clone());
    let exact_for_label = exact.clone();
    let label = move || {
        let now = now.map_or_else(js_sys::Date::now, |n| n.get());
        millis
            .and_then(|m| time_ago(texts(), ((now - m) / 1000.0) as i64))
            .unwrap_or_else(|| exact_for_label.clone())
    };
    view! {
        <time class="comment-time" datetime=at tabindex="0">
            {label}
            <span class="time-exact" role="tooltip">{exact}</span>
        </time>
    }
}

/// "Thích" and its count: counted at once, and undone if the server does not confirm. Clicks
/// made while the server is answering are not lost: the last one wins.
#[component]
fn LikeButton(id: i64, likes: u64, liked: bool) -> impl IntoView {
    let texts = use_texts();
    let base = use_context::<ApiBase>().unwrap_or_default();
    let likes = RwSignal::new(likes);
    let liked = RwSignal::new(liked);
    let failed = RwSignal::new(false);
    // What the server last confirmed, and what the reader wants that it has not been sent yet.
    let confirmed = StoredValue::new((liked.get_untracked(), likes.get_untracked()));
    let wanted = StoredValue::new(None::<bool>);
    let sending = StoredValue::new(false);
    let toggle = move |_| {
        let want = !liked.get_untracked();
        liked.set(want);
        likes.update(|n| *n = if want { *n + 1 } else { n.saturating_sub(1) });
        failed.set(false);
        wanted.set_value(Some(want));
        if sending.get_value() {
            return;
        }
        sending.set_value(true);
        let base = base.clone();
        spawn_local(async move {
            // Sends the latest wish until the server agrees with the reader.
            while let Some(want) = wanted.try_update_value(Option::take).flatten() {
                match set_like(&base, id, want, &reader(&base).await).await {
                    Ok(answer) => {
                        confirmed.try_set_value((answer.liked, answer.likes));
                        if wanted.try_with_value(Option::is_none) == Some(true) {
                            liked.try_set(answer.liked);
                            likes.try_set(answer.likes);
                        }
                    }
                    Err(_) => {
                        wanted.try_set_value(None);
                        if let Some((was_liked, was_likes)) = confirmed.try_get_value() {
                            liked.try_set(was_liked);
                            likes.try_set(was_likes);
                        }
                        failed.try_set(true);
                    }
                }
            }
            sending.try_set_value(false);
        });
    };
    view! {
        <button
            type="button"
            class="like-button"
            aria-pressed=move || liked.get().to_string()
            aria-label=move || (texts().like_label)(likes.get())
            on:click=toggle
        >
            <LikeLabel likes/>
        </button>
        <Show when=move || failed.get()>
            <span class="like-error" role="alert">{move || texts().like_failed}</span>
        </Show>
    }
}
