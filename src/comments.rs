//! The comment section under an article: the rules, the form (or why there is none), and the
//! published comments.

mod draft;
mod feedback;
mod field;
mod form;
mod highlight;
mod item;
mod list;
mod load_more;
mod mine;
mod posting;
mod report;
mod restore;

use std::time::Duration;

use binhluan_api::Comment;
use binhluan_rules::Policy;
use binhluan_view::RulesList;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{ApiBase, fetch_policy};
use crate::i18n::use_texts;
use form::{CommentForm, FormTarget};
use item::Now;
use list::{CommentList, CommentListView};
use mine::{PendingComments, ReaderThread};

/// How often relative times ("5 phút trước") are brought up to date.
const CLOCK_TICK: Duration = Duration::from_secs(60);

/// "Bình luận": the newsroom's rules, the form, and the comments of the article `slug`. A closed
/// thread shows a notice instead of the rules and the form (the reader's draft is kept for when
/// it reopens); an article the server has no thread for, neither.
#[component]
pub fn CommentSection(
    /// The article the comments belong to.
    slug: String,
) -> impl IntoView {
    let texts = use_texts();
    let base = use_context::<ApiBase>().unwrap_or_default();

    // Until the server's policy arrives (or if it cannot), judge by the crate's defaults,
    // which are the seed newsroom's rules.
    let policy = RwSignal::new(Policy::default());
    let policy_base = base.clone();
    spawn_local(async move {
        if let Ok(fetched) = fetch_policy(&policy_base).await {
            policy.set(fetched);
        }
    });

    let mine = ReaderThread::new();
    provide_context(mine);
    let list = CommentList::new(mine);
    list.reload(base, slug.clone());

    let (now, set_now) = signal(js_sys::Date::now());
    if let Ok(handle) =
        set_interval_with_handle(move || set_now.set(js_sys::Date::now()), CLOCK_TICK)
    {
        on_cleanup(move || handle.clear());
    }
    provide_context(Now(now));

    let on_published = Callback::new(move |comment: Comment| list.add_published(comment));
    let target = FormTarget {
        slug: slug.clone(),
        parent: None,
    };
    view! {
        // The state is a class: the stylesheet shows the notice, or the rules and the form, or
        // neither. (Rendering either conditionally costs about 1 KB of gzip wasm.)
        <section
            class="comments"
            class:is-closed=move || list.is_closed()
            class:is-not-open=move || list.is_not_open()
            aria-labelledby="comments-heading"
        >
            <h2 id="comments-heading">{move || texts().comments_heading}</h2>
            <RulesList policy/>
            <p class="comments-closed" role="status">{move || texts().comments_closed}</p>
            <CommentForm target policy on_published/>
            <PendingComments parent=None/>
            <CommentListView list slug policy/>
        </section>
    }
}
