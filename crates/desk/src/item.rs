//! One comment in a queue: what a moderator needs to decide, and the buttons to decide.

use binhluan_api::{CommentStatus, ModerationItem};
use leptos::prelude::*;

use crate::api::{Decision, Reason};
use crate::bans::BanForm;
use crate::history::History;
use crate::i18n::{use_lang, use_texts};
use crate::queue::{element_id, use_decisions, use_queue};
use crate::reasons::ReasonChoice;
use crate::time;

/// One comment: its article, author, time, reader and network, the comment it answers, why it
/// was held, its text, its state, the actions; and, when focused, its author's history.
#[component]
pub fn Item(
    /// The comment, its article and its parent, as the queue lists it.
    item: ModerationItem,
) -> impl IntoView {
    let queue = use_queue();
    let decisions = use_decisions();
    let texts = use_texts();
    let lang = use_lang();
    let ModerationItem {
        comment,
        article,
        parent,
        reader,
        client,
        held_for,
        decided_by,
        decided_at,
    } = item;
    let id = comment.id;
    let dom_id = element_id(id);
    let author_id = format!("{dom_id}-author");
    let labelled_by = author_id.clone();
    let status = comment.status;
    let featured = comment.featured;
    let is_focused = move || queue.focused.get() == Some(id);
    let is_marked = move || queue.marked.with(|marked| marked.contains(&id));
    let is_rejecting = move || queue.rejecting.get() == Some(id);
    let article_href = article
        .url
        .clone()
        .unwrap_or_else(|| format!("/bai-viet/{}", article.slug));
    let created_at = comment.created_at.clone();
    let created = {
        let created_at = created_at.clone();
        move || time::format(&created_at, lang.get())
    };
    let email = comment.author_email.clone();
    let author = comment.author_name.clone();
    let mark_label = {
        let author = author.clone();
        move || format!("{} {author}", texts().mark)
    };
    let rejection = comment.rejection_reason.clone().map(|code| {
        let reason = move || match Reason::from_code(&code) {
            Some(reason) => (texts().reason)(reason).to_owned(),
            None => code.clone(),
        };
        view! {
            <p class="rejection">{move || texts().rejected_for} " " <strong>{reason}</strong></p>
        }
    });
    let decided = decided_by.map(|name| {
        let at = decided_at.unwrap_or_default();
        view! { <p class="decided">{move || (texts().decided_by)(&name, &time::format(&at, lang.get()))}</p> }
    });
    view! {
        <li>
            <article
                id=dom_id
                class="item"
                class:is-focused=is_focused
                class:is-marked=is_marked
                data-status=crate::api::status_code(status)
                tabindex="-1"
                aria-current=move || is_focused().then_some("true")
                aria-labelledby=labelled_by
                on:focusin=move |_| {
                    if queue.focused.get_untracked() != Some(id) {
                        queue.focused.set(Some(id));
                    }
                }
            >
                <div class="item-head">
                    <label class="mark">
                        <input
                            type="checkbox"
                            prop:checked=is_marked
                            on:change=move |_| queue.toggle_mark(id)
                        />
                        <span class="visually-hidden">{mark_label}</span>
                    </label>
                    <div class="who">
                        <strong id=author_id class="author">{author}</strong>
                        <span class="email">
                            {match email {
                                Some(email) => email.into_any(),
                                None => (move || texts().no_email).into_any(),
                            }}
                        </span>
                        <time datetime=created_at>{created}</time>
                    </div>
                </div>
                <p class="article">
                    <a href=article_href target="_blank" rel="noopener">{article.title}</a>
                </p>
                {parent.map(|parent| view! {
                    <p class="parent">
                        <span>{move || (texts().reply_to)(&parent.author_name)}</span>
                        " "
                        <q>{parent.excerpt}</q>
                    </p>
                })}
                <p class="content">{comment.content}</p>
                <p class="meta">
                    {held_for.into_iter().map(|cause| view! {
                        <span class="badge held">{move || (texts().held_for)(&cause)}</span>
                    }).collect_view()}
                    {featured.then(|| view! {
                        <span class="badge featured">{move || texts().featured_badge}</span>
                    })}
                    {reader.map(|reader| view! {
                        <span class="id">{move || texts().reader} " " <code>{reader}</code></span>
                    })}
                    {client.map(|client| view! {
                        <span class="id">{move || texts().client} " " <code>{client}</code></span>
                    })}
                    {(comment.likes > 0).then(|| view! {
                        <span>{move || (texts().likes)(comment.likes)}</span>
                    })}
                </p>
                {rejection}
                {decided}
                <div class="actions">
                    {(status != CommentStatus::Published).then(|| view! {
                        <button
                            type="button"
                            class="approve"
                            aria-keyshortcuts="a"
                            on:click=move |_| decisions.decide(id, Decision::Approve)
                        >
                            {move || texts().approve}
                        </button>
                    })}
                    {(status != CommentStatus::Rejected).then(|| view! {
                        <button
                            type="button"
                            class="reject"
                            aria-keyshortcuts="r"
                            aria-expanded=move || is_rejecting().to_string()
                            on:click=move |_| {
                                queue.rejecting.update(|r| *r = if *r == Some(id) { None } else { Some(id) });
                            }
                        >
                            {move || texts().reject}
                        </button>
                    })}
                    {(status == CommentStatus::Published).then(|| view! {
                        <button
                            type="button"
                            class="feature"
                            aria-keyshortcuts="f"
                            aria-pressed=featured.to_string()
                            on:click=move |_| decisions.toggle_feature(id)
                        >
                            {move || if featured { texts().unfeature } else { texts().feature }}
                        </button>
                    })}
                    <BanForm id />
                </div>
                {move || is_rejecting().then(|| view! { <ReasonChoice id /> })}
                {move || is_focused().then(|| view! { <History id /> })}
            </article>
        </li>
    }
}
