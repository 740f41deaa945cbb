//! The "Bị báo cáo" queue: comments readers reported, most reported first, each with its
//! counts per reason and the readers' words; the moderator keeps it ("Giữ lại"), rejects it
//! for a reason, or bans its author.

use binhluan_api::ReportedItem;
use leptos::prelude::*;

use crate::api::{self, Decision, Reason};
use crate::bans::BanForm;
use crate::i18n::{use_lang, use_texts};
use crate::session::use_auth;
use crate::tabs::use_counts;
use crate::time;
use crate::toasts::use_toasts;

/// What a moderator does with a reported comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    /// Keep it: its reports are dismissed.
    Keep,
    /// Reject it, for a reason.
    Reject(Reason),
}

/// The reported comments, refreshed after each decision.
#[component]
pub fn ReportedQueue() -> impl IntoView {
    let auth = use_auth();
    let texts = use_texts();
    let lang = use_lang();
    let toasts = use_toasts();
    let counts = use_counts();
    let page = LocalResource::new(move || async move { auth.check(api::reported().await) });
    let decide = Action::new_local(move |(id, verdict): &(i64, Verdict)| {
        let (id, verdict) = (*id, *verdict);
        async move {
            let csrf = auth.csrf();
            let (answer, done) = match verdict {
                Verdict::Keep => (api::keep(&csrf, id).await, texts().toast_kept),
                Verdict::Reject(reason) => (
                    api::decide(&csrf, id, Decision::Reject(reason)).await,
                    texts().toast_rejected,
                ),
            };
            match auth.check(answer) {
                Ok(_) => toasts.say(done.to_owned()),
                Err(failure) if failure.is_unauthorized() => return,
                Err(failure) => toasts.error(failure.message(lang.get_untracked())),
            }
            page.refetch();
            counts.refresh();
        }
    });
    let card = move |reported: ReportedItem| {
        let ReportedItem {
            item,
            reports,
            reasons,
            texts: words,
        } = reported;
        let id = item.comment.id;
        let created_at = item.comment.created_at.clone();
        let created = {
            let created_at = created_at.clone();
            move || time::format(&created_at, lang.get())
        };
        view! {
            <li>
                <article class="item reported" id=format!("bc-{id}") data-reports=reports>
                    <div class="who">
                        <strong class="author">{item.comment.author_name}</strong>
                        <time datetime=created_at>{created}</time>
                        <span class="badge reports">{move || (texts().reports)(reports)}</span>
                    </div>
                    <p class="article">{item.article.title}</p>
                    <p class="content">{item.comment.content}</p>
                    <ul class="report-reasons">
                        {reasons
                            .into_iter()
                            .map(|count| {
                                view! {
                                    <li data-reason=count.reason.code()>
                                        {move || (texts().report_reason)(count.reason)}
                                        ": "
                                        {count.count}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    {(!words.is_empty()).then(|| view! {
                        <div class="report-texts">
                            <p>{move || texts().report_texts}</p>
                            <ul>{words.into_iter().map(|text| view! { <li><q>{text}</q></li> }).collect_view()}</ul>
                        </div>
                    })}
                    <div class="actions">
                        <button
                            type="button"
                            class="keep"
                            disabled=move || decide.pending().get()
                            on:click=move |_| {
                                decide.dispatch((id, Verdict::Keep));
                            }
                        >
                            {move || texts().keep}
                        </button>
                        <BanForm id />
                    </div>
                    <div class="reasons" role="group" aria-label=move || texts().reasons_label>
                        <span>{move || texts().reject} ": "</span>
                        {Reason::ALL
                            .into_iter()
                            .map(|reason| {
                                view! {
                                    <button
                                        type="button"
                                        class="reason"
                                        data-reason=reason.code()
                                        disabled=move || decide.pending().get()
                                        on:click=move |_| {
                                            decide.dispatch((id, Verdict::Reject(reason)));
                                        }
                                    >
                                        {move || (texts().reason)(reason)}
                                    </button>
                                }
                            })
                            .collect_view()}
                    </div>
                </article>
            </li>
        }
    };
    view! {
        <section class="reported-queue" aria-labelledby="reported-heading">
            <h2 id="reported-heading">{move || texts().reported_heading}</h2>
            <Suspense fallback=move || view! { <p class="loading">{move || texts().loading}</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) if page.comments.is_empty() => {
                            view! { <p class="empty">{move || texts().reported_empty}</p> }.into_any()
                        }
                        Ok(page) => {
                            view! { <ul class="items">{page.comments.into_iter().map(card).collect_view()}</ul> }
                                .into_any()
                        }
                        Err(failure) => {
                            view! { <p class="error" role="alert">{move || failure.message(lang.get())}</p> }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}
