//! The article page: one article, then its comment section.

use binhluan_api::Article;
use binhluan_view::ArticleView;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{ApiBase, RequestFailure, fetch_article, reader, record_view};
use crate::comments::CommentSection;
use crate::i18n::use_texts;
use crate::routes::not_found::NotFound;
use crate::routes::show_title_in_document;

/// Where the article's loading stands.
#[derive(Clone)]
enum Loading {
    Pending,
    Ready(Article),
    Failed(RequestFailure),
}

/// Loads the article `slug` and shows it with its comments; a not-found page for an unknown
/// slug, and a retry button when the network fails.
#[component]
pub fn ArticlePage(
    /// The article's slug.
    slug: String,
) -> impl IntoView {
    let texts = use_texts();
    let base = use_context::<ApiBase>().unwrap_or_default();
    let state = RwSignal::new(Loading::Pending);
    let views = RwSignal::new(0);
    load(base.clone(), slug.clone(), state, views);
    let retry = move |_| load(base.clone(), slug.clone(), state, views);
    let retry = StoredValue::new_local(retry);
    show_title_in_document(Box::new(move || match &*state.read() {
        Loading::Ready(article) => Some(article.title.clone()),
        _ => None,
    }));
    move || match state.get() {
        Loading::Pending => view! { <ArticleSkeleton/> }.into_any(),
        Loading::Ready(article) => {
            let slug = article.slug.clone();
            view! {
                <ArticleView article views/>
                <CommentSection slug/>
            }
            .into_any()
        }
        Loading::Failed(failure) if failure.is_not_found() => view! { <NotFound/> }.into_any(),
        Loading::Failed(_) => view! {
            <div class="load-error" role="alert">
                <p>{move || texts().article_load_failed}</p>
                <button type="button" on:click=move |event| retry.with_value(|retry| retry(event))>
                    {move || texts().retry}
                </button>
            </div>
        }
        .into_any(),
    }
}

/// Fetches the article into `state`; once it is shown, counts this reading in `views`.
fn load(base: ApiBase, slug: String, state: RwSignal<Loading>, views: RwSignal<u64>) {
    state.set(Loading::Pending);
    spawn_local(async move {
        match fetch_article(&base, &slug).await {
            Ok(article) => {
                views.set(article.views);
                state.set(Loading::Ready(article));
                if let Ok(count) = record_view(&base, &slug, &reader(&base).await).await {
                    views.set(count.views);
                }
            }
            Err(failure) => state.set(Loading::Failed(failure)),
        }
    });
}

/// Grey bars in the article's shape while it loads, so the page does not jump.
#[component]
fn ArticleSkeleton() -> impl IntoView {
    let texts = use_texts();
    view! {
        <div class="skeleton" role="status" aria-busy="true">
            <span class="visually-hidden">{move || texts().loading_article}</span>
            <div class="skeleton-bar skeleton-title" aria-hidden="true"></div>
            <div class="skeleton-bar skeleton-meta" aria-hidden="true"></div>
            <div class="skeleton-bar" aria-hidden="true"></div>
            <div class="skeleton-bar" aria-hidden="true"></div>
            <div class="skeleton-bar skeleton-short" aria-hidden="true"></div>
        </div>
    }
}
