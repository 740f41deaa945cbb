//! The desk once logged in: the tabs, the filters, the queue, the reported queue, the bans,
//! the audit log or the policy, the keys and the notices.

use binhluan_api::{CommentStatus, Role, Session};
use leptos::prelude::*;

use crate::api::Query;
use crate::audit::AuditLog;
use crate::bans::BanList;
use crate::i18n::use_texts;
use crate::keys::KeysHelp;
use crate::list::QueuePanel;
use crate::policy::PolicyEditor;
use crate::reported::ReportedQueue;
use crate::session::use_auth;
use crate::tabs::{Counts, Tab, Tabs};
use crate::toasts::{ToastRegion, Toasts};

/// The desk of a logged-in moderator.
#[component]
pub fn Desk(
    /// The moderator logged in: their name and role.
    session: Session,
) -> impl IntoView {
    let auth = use_auth();
    Toasts::provide();
    Counts::provide(auth);
    let is_admin = session.role == Role::Admin;
    let tab = RwSignal::new(Tab::Queue(CommentStatus::Pending));
    let article = RwSignal::new(String::new());
    let search = RwSignal::new(String::new());
    let query = Memo::new(move |previous: Option<&Query>| {
        let status = match tab.get() {
            Tab::Queue(status) => status,
            Tab::Reported | Tab::Bans | Tab::Audit | Tab::Policy => {
                previous.map_or(CommentStatus::Pending, |q| q.status)
            }
        };
        Query {
            status,
            article: article.get(),
            search: search.get(),
        }
    });
    // What is shown: the queues share one panel, which stays as the queue tabs change.
    let panel = Memo::new(move |_| match tab.get() {
        Tab::Queue(_) => Tab::Queue(CommentStatus::Pending),
        other => other,
    });
    view! {
        <div class="toolbar">
            <Tabs tab is_admin />
            <KeysHelp />
        </div>
        {move || match panel.get() {
            Tab::Queue(_) => {
                view! {
                    <Filters article search />
                    <QueuePanel query />
                }
                    .into_any()
            }
            Tab::Reported => view! { <ReportedQueue /> }.into_any(),
            Tab::Bans => view! { <BanList /> }.into_any(),
            Tab::Audit => view! { <AuditLog /> }.into_any(),
            Tab::Policy => view! { <PolicyEditor /> }.into_any(),
        }}
        <ToastRegion />
    }
}

/// The article and search filters, applied on Enter or with the button.
#[component]
fn Filters(article: RwSignal<String>, search: RwSignal<String>) -> impl IntoView {
    let texts = use_texts();
    let article_draft = RwSignal::new(article.get_untracked());
    let search_draft = RwSignal::new(search.get_untracked());
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        article.set(article_draft.get_untracked().trim().to_owned());
        search.set(search_draft.get_untracked().trim().to_owned());
    };
    let clear = move |_| {
        article_draft.set(String::new());
        search_draft.set(String::new());
        article.set(String::new());
        search.set(String::new());
    };
    view! {
        <form class="filters" role="search" aria-label=move || texts().filters_label on:submit=apply>
            <div class="field">
                <label for="filter-article">{move || texts().article_filter}</label>
                <input
                    id="filter-article"
                    type="text"
                    autocapitalize="off"
                    spellcheck="false"
                    placeholder=move || texts().article_placeholder
                    bind:value=article_draft
                />
            </div>
            <div class="field">
                <label for="filter-search">{move || texts().search_label}</label>
                <input id="filter-search" type="search" bind:value=search_draft />
            </div>
            <div class="filter-actions">
                <button type="submit">{move || texts().apply_filters}</button>
                <button
                    type="button"
                    class="quiet"
                    disabled=move || article.with(String::is_empty) && search.with(String::is_empty)
                    on:click=clear
                >
                    {move || texts().clear_filters}
                </button>
            </div>
        </form>
    }
}
