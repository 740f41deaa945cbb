//! The published comments: sorted, paged, with loading, empty and error states, and whether
//! the thread takes new ones.

use binhluan_api::{Comment, CommentPage, SortOrder};
use binhluan_rules::Policy;
use futures_util::future::join;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::api::{ApiBase, RequestFailure, fetch_comments, fetch_reader_state};
use crate::comments::item::CommentItem;
use crate::comments::load_more::LoadMore;
use crate::comments::mine::ReaderThread;
use crate::i18n::use_texts;
use crate::local_storage::reader_id;

/// Where the list's loading stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    Loading,
    Ready,
    Failed,
    /// The API said the article has no thread (`404 not_found`): retrying will not help.
    NotOpen,
}

/// The comment list's state, shared with the forms that add to it.
#[derive(Clone, Copy)]
pub struct CommentList {
    comments: RwSignal<Vec<Comment>>,
    next_cursor: RwSignal<Option<String>>,
    total: RwSignal<u64>,
    closed: RwSignal<bool>,
    sort: RwSignal<SortOrder>,
    status: RwSignal<Status>,
    loading_more: RwSignal<bool>,
    more_failed: RwSignal<bool>,
    /// Counts the loads asked for: an answer to an older one (a sort since changed) is dropped.
    generation: StoredValue<u64>,
    /// The comment to move the focus to once shown, after "Xem thêm" is gone.
    focus_after_more: RwSignal<Option<i64>>,
    /// What this reader likes and has waiting: asked for with each first page.
    mine: ReaderThread,
}

impl CommentList {
    /// An empty list, and `mine` for this reader's part; [`CommentList::reload`] fills both.
    pub fn new(mine: ReaderThread) -> Self {
        Self {
            comments: RwSignal::new(Vec::new()),
            next_cursor: RwSignal::new(None),
            total: RwSignal::new(0),
            closed: RwSignal::new(false),
            sort: RwSignal::new(SortOrder::Newest),
            status: RwSignal::new(Status::Loading),
            loading_more: RwSignal::new(false),
            more_failed: RwSignal::new(false),
            generation: StoredValue::new(0),
            focus_after_more: RwSignal::new(None),
            mine,
        }
    }

    /// Starts a load: later answers to earlier loads will be dropped.
    fn next_generation(self) -> u64 {
        self.generation.update_value(|g| *g += 1);
        self.generation.get_value()
    }

    fn is_current(self, generation: u64) -> bool {
        self.generation.try_get_value() == Some(generation)
    }

    /// Loads the first page in the current order (public, the same for every reader) and,
    /// alongside, what this reader likes and has waiting.
    pub fn reload(self, base: ApiBase, slug: String) {
        let generation = self.next_generation();
        self.status.set(Status::Loading);
        self.loading_more.set(false);
        self.more_failed.set(false);
        let sort = self.sort.get_untracked();
        spawn_local(async move {
            let (answer, mine) = join(
                fetch_comments(&base, &slug, sort, None),
                fetch_reader_state(&base, &slug, &reader_id()),
            )
            .await;
            if !self.is_current(generation) {
                return;
            }
            // Without it, the comments show as not liked: a like then says what is stored.
            if let Ok(mine) = mine {
                self.mine.set(mine);
            }
            match answer {
                Ok(mut page) => {
                    self.mine.mark_liked(&mut page.comments);
                    self.show(page, false);
                    self.status.set(Status::Ready);
                }
                // The API's own `not_found`: not a proxy's or a wrong address's `404`.
                Err(RequestFailure::Status {
                    status: 404,
                    error: Some(error),
                }) if error.error == "not_found" => self.status.set(Status::NotOpen),
                Err(_) => self.status.set(Status::Failed),
            }
        });
    }

    /// Whether the thread takes no more comments, as the last page said.
    pub fn is_closed(self) -> bool {
        self.closed.get()
    }

    /// Whether the server has no thread for the article.
    pub fn is_not_open(self) -> bool {
        self.status.get() == Status::NotOpen
    }

    /// Loads the page after the last one shown. Clicks while it loads ask for nothing more, and
    /// an answer for an order since changed is dropped.
    fn load_more(self, base: ApiBase, slug: String) {
        if self.loading_more.get_untracked() {
            return;
        }
        let Some(cursor) = self.next_cursor.get_untracked() else {
            return;
        };
        let generation = self.generation.get_value();
        self.loading_more.set(true);
        let sort = self.sort.get_untracked();
        spawn_local(async move {
            let answer = fetch_comments(&base, &slug, sort, Some(&cursor)).await;
            if !self.is_current(generation) {
                return;
            }
            match answer {
                Ok(mut page) => {
                    self.mine.mark_liked(&mut page.comments);
                    let first_new = page.comments.first().map(|comment| comment.id);
                    let is_last = page.next_cursor.is_none();
                    self.show(page, true);
                    self.more_failed.set(false);
                    if is_last {
                        self.focus_after_more.set(first_new);
                    }
                }
                Err(_) => self.more_failed.set(true),
            }
            self.loading_more.set(false);
        });
    }

    fn show(self, page: CommentPage, append: bool) {
        let CommentPage {
            comments,
            next_cursor,
            total,
            closed,
        } = page;
        self.closed.set(closed);
        self.comments.update(|shown| {
            if append {
                // A comment published here since the first page may come again: show it once.
                let fresh: Vec<Comment> = comments
                    .into_iter()
                    .filter(|c| !shown.iter().any(|s| s.id == c.id))
                    .collect();
                shown.extend(fresh);
            } else {
                *shown = comments;
            }
        });
        self.next_cursor.set(next_cursor);
        self.total.set(total);
    }

    /// Moves the focus to comment `id` once it is shown (after a button that loaded it is gone).
    pub fn focus_when_shown(self, id: i64) {
        self.focus_after_more.set(Some(id));
    }

    /// Counts a reply the server just published.
    pub fn add_published_reply(self) {
        self.total.update(|total| *total += 1);
    }

    /// Puts a comment the server just published at the top.
    pub fn add_published(self, comment: Comment) {
        self.comments.update(|shown| shown.insert(0, comment));
        self.total.update(|total| *total += 1);
        self.status.set(Status::Ready);
    }
}

/// The list's view: count and sort switch, the comments, and "Xem thêm bình luận".
#[component]
pub fn CommentListView(
    /// The state.
    list: CommentList,
    /// The article.
    slug: String,
    /// The rules replies must meet.
    #[prop(into)]
    policy: Signal<Policy>,
) -> impl IntoView {
    let texts = use_texts();
    let base = use_context::<ApiBase>().unwrap_or_default();
    let (reload_base, more_base) = (base.clone(), base);
    let (reload_slug, more_slug, item_slug) = (slug.clone(), slug.clone(), slug);
    let reload = StoredValue::new(move || list.reload(reload_base.clone(), reload_slug.clone()));
    let choose = move |sort: SortOrder| {
        if list.sort.get_untracked() != sort {
            list.sort.set(sort);
            reload.with_value(|reload| reload());
        }
    };
    let sort_button =
        move |sort: SortOrder, label: fn(&'static crate::i18n::Texts) -> &'static str| {
            view! {
                <button
                    type="button"
                    class="sort-button"
                    aria-pressed=move || (list.sort.get() == sort).to_string()
                    on:click=move |_| choose(sort)
                >
                    {move || label(texts())}
                </button>
            }
        };
    let is_empty = Memo::new(move |_| list.comments.with(Vec::is_empty));
    let list_ref = NodeRef::<leptos::html::Div>::new();
    // After the last page, "Xem thêm" is gone: the focus goes to the first comment it brought.
    Effect::new(move |_| {
        if let Some(id) = list.focus_after_more.get()
            && let Some(list_element) = list_ref.get()
            && let Ok(Some(comment)) =
                list_element.query_selector(&format!("[data-comment-id=\"{id}\"]"))
            && let Ok(comment) = comment.dyn_into::<web_sys::HtmlElement>()
        {
            let _ = comment.focus();
            list.focus_after_more.set(None);
        }
    });
    provide_context(list);
    // Depends on the status and on emptiness only, so the comments' own state (likes, open reply
    // boxes) survives pages being added.
    let body = move || match list.status.get() {
        Status::Loading => view! { <CommentSkeleton/> }.into_any(),
        Status::Failed => view! {
            <div class="load-error" role="alert">
                <p>{move || texts().comments_load_failed}</p>
                <button type="button" on:click=move |_| reload.with_value(|reload| reload())>
                    {move || texts().retry}
                </button>
            </div>
        }
        .into_any(),
        Status::NotOpen => {
            view! { <p class="comments-not-open">{move || texts().comments_not_open}</p> }
                .into_any()
        }
        Status::Ready if is_empty.get() => {
            view! { <p class="comments-empty">{move || texts().no_comments}</p> }.into_any()
        }
        Status::Ready => {
            let slug = item_slug.clone();
            view! {
                <For each=move || list.comments.get() key=|comment| comment.id let:comment>
                    <CommentItem comment slug=slug.clone() policy replies_allowed=true/>
                </For>
            }
            .into_any()
        }
    };
    let more = move || {
        let more_base = more_base.clone();
        let more_slug = more_slug.clone();
        (list.status.get() == Status::Ready && list.next_cursor.with(Option::is_some)).then(|| {
            let on_click =
                Callback::new(move |()| list.load_more(more_base.clone(), more_slug.clone()));
            view! {
                <LoadMore
                    class="button load-more"
                    busy=list.loading_more
                    failed=list.more_failed
                    label=Signal::derive(move || texts().load_more.to_owned())
                    on_click
                />
            }
        })
    };
    view! {
        <div class="comment-list-header">
            <p class="comment-count">{move || (texts().comment_count)(list.total.get())}</p>
            <div class="sort-switch" role="group" aria-label=move || texts().sort_label>
                {sort_button(SortOrder::Newest, |t| t.sort_newest)}
                {sort_button(SortOrder::Top, |t| t.sort_top)}
            </div>
        </div>
        <div
            class="comment-list"
            node_ref=list_ref
            aria-busy=move || (list.status.get() == Status::Loading).to_string()
        >
            {body}
        </div>
        {more}
    }
}

/// Three grey comment shapes while the list loads.
#[component]
fn CommentSkeleton() -> impl IntoView {
    let texts = use_texts();
    view! {
        <div class="skeleton" role="status">
            <span class="visually-hidden">{move || texts().loading_comments}</span>
            {(0..3).map(|_| view! {
                <div class="skeleton-comment" aria-hidden="true">
                    <div class="skeleton-bar skeleton-meta"></div>
                    <div class="skeleton-bar"></div>
                    <div class="skeleton-bar skeleton-short"></div>
                </div>
            }).collect_view()}
        </div>
    }
}
