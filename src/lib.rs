//! Bình Luận: a news article and its reader comments, checked against the newsroom's rules
//! in the browser before they are posted.
//!
//! `App` picks the page from the address; `api` talks to the server; each page has its own
//! file under `routes/`. See `ARCHITECTURE.md` for the map.

// A comment's view types (its like button, report form, replies) nest deeper than the
// default 128 when built natively with the server's features; the compiler advises 256.
#![recursion_limit = "256"]

pub mod api;
pub mod comments;
pub mod embed;
mod http;
mod json;
mod local_storage;
mod random_id;
pub mod routes;
pub mod time;

use binhluan_view::SiteHeader;
pub use binhluan_view::i18n;
use leptos::prelude::*;

use crate::api::ApiBase;
use crate::i18n::{Lang, provide_lang, use_texts};
use crate::routes::Route;
use crate::routes::article_page::ArticlePage;
use crate::routes::not_found::NotFound;

/// The article `/` shows: the seed newsroom's sample.
pub const DEFAULT_ARTICLE: &str = "lan-toa-viec-hoc-va-lam-theo-bac-o-dang-bo-thi-xa-sa-pa";

/// Starts the app when the page is the app's own (`<body data-binhluan-app>`); on a host page
/// that embeds the comments, the wasm waits for `embed.js` to call `embed::mount_embed`.
pub fn start() {
    let is_app_page = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .is_some_and(|body| body.has_attribute("data-binhluan-app"));
    if is_app_page {
        leptos::mount::mount_to_body(App);
    }
}

/// Where the app runs: its own page, or inside a newsroom's page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Host {
    /// The app's own page: it may set the document's title and language.
    #[default]
    Page,
    /// Embedded in a host page, which owns its document.
    Embed,
}

/// Where the calling component runs.
pub fn use_host() -> Host {
    use_context::<Host>().unwrap_or_default()
}

/// The colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows the reader's system (`prefers-color-scheme`).
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The class that selects the theme's colours in `style/main.css`.
    pub fn class(self) -> &'static str {
        match self {
            Theme::Auto => "is-auto",
            Theme::Light => "is-light",
            Theme::Dark => "is-dark",
        }
    }
}

/// The app: a header, the routes `/` and `/bai-viet/{slug}`, and a not-found page.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(initial_lang());
    provide_lang(lang);
    provide_context(ApiBase::default());
    Effect::new(move |_| show_lang_in_document(lang.get()));
    let page = match Route::current() {
        Route::Article(slug) => view! { <ArticlePage slug/> }.into_any(),
        Route::NotFound => view! { <NotFound/> }.into_any(),
    };
    view! {
        <div class="bl-root is-page is-auto">
            <SiteHeader>
                <LanguageSwitch/>
            </SiteHeader>
            <main id="main" class="page" tabindex="-1">
                {page}
            </main>
        </div>
    }
}

/// Switches between Vietnamese and English in place, and remembers the choice.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let texts = use_texts();
    let lang = i18n::use_lang();
    let switch = move |_| {
        let next = lang.get_untracked().other();
        lang.set(next);
        remember_lang(next);
    };
    view! {
        <button
            type="button"
            class="lang-switch"
            lang=move || lang.get().other().tag()
            aria-label=move || texts().switch_language_label
            on:click=switch
        >
            {move || texts().switch_language}
        </button>
    }
}

/// `?lang=` in the address wins; then the reader's last choice; then Vietnamese.
fn initial_lang() -> Lang {
    let window = web_sys::window();
    let from_query = window
        .as_ref()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("lang"))
        .and_then(|tag| Lang::from_tag(&tag));
    let remembered = || local_storage::get(LANG_KEY).and_then(|tag| Lang::from_tag(&tag));
    from_query.or_else(remembered).unwrap_or_default()
}

const LANG_KEY: &str = "binhluan:lang";

/// Keeps the reader's choice for their next visit, and in the address for sharing.
fn remember_lang(lang: Lang) {
    let Some(window) = web_sys::window() else {
        return;
    };
    local_storage::set(LANG_KEY, lang.tag());
    let location = window.location();
    if let (Ok(path), Ok(search), Ok(history)) =
        (location.pathname(), location.search(), window.history())
        && let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search)
    {
        params.set("lang", lang.tag());
        let url = format!("{path}?{}", String::from(params.to_string()));
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Sets `<html lang>`, so screen readers pronounce the page in the right language.
fn show_lang_in_document(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.tag());
    }
}
