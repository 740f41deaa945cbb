//! The app's pages, one file each, and the address that picks one.
//!
//! Articles link to one another with plain links, so every page is a fresh load of the same
//! bundle and the app never intercepts a click: the embed and the host page share this.

pub mod article_page;
pub mod not_found;

use leptos::prelude::*;

use crate::{DEFAULT_ARTICLE, Host, use_host};

/// The page an address asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/bai-viet/{slug}`, or `/` for the default article.
    Article(String),
    /// Anything else.
    NotFound,
}

impl Route {
    /// Reads a path such as `/bai-viet/lan-toa` (percent-encoded, as `location.pathname` gives it).
    pub fn from_path(path: &str) -> Route {
        let path = path
            .strip_suffix('/')
            .filter(|p| !p.is_empty())
            .unwrap_or(path);
        if path == "/" || path.is_empty() {
            return Route::Article(DEFAULT_ARTICLE.to_owned());
        }
        match path.strip_prefix("/bai-viet/") {
            Some(slug) if !slug.is_empty() && !slug.contains('/') => {
                Route::Article(percent_decode(slug))
            }
            _ => Route::NotFound,
        }
    }

    /// The route of the page the browser is on.
    pub fn current() -> Route {
        let path = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_default();
        Route::from_path(&path)
    }
}

/// Keeps the browser tab's title to `title` (once it has one) in an `Effect`, on the app's own
/// page only: a host page keeps its title. (Boxed: one effect's code serves every page.)
pub fn show_title_in_document(title: Box<dyn Fn() -> Option<String>>) {
    if use_host() != Host::Page {
        return;
    }
    Effect::new(move |_| {
        if let Some(title) = title()
            && let Some(document) = web_sys::window().and_then(|w| w.document())
        {
            document.set_title(&title);
        }
    });
}

/// Decodes `%xx` escapes with the browser's `decodeURIComponent`; a malformed escape (or one
/// that is not UTF-8) leaves the segment as typed, which is never a slug (`is_slug`), so the
/// server then answers that the article does not exist.
fn percent_decode(text: &str) -> String {
    js_sys::decode_uri_component(text).map_or_else(|_| text.to_owned(), String::from)
}

/// Run in Chromium with the browser tests (`cargo test --target wasm32-unknown-unknown`): the
/// decoding above is the browser's.
#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::Route;
    use crate::DEFAULT_ARTICLE;
    use wasm_bindgen_test::{wasm_bindgen_test as test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    #[test]
    fn the_front_page_shows_the_default_article() {
        assert_eq!(
            Route::from_path("/"),
            Route::Article(DEFAULT_ARTICLE.to_owned())
        );
        assert_eq!(
            Route::from_path(""),
            Route::Article(DEFAULT_ARTICLE.to_owned())
        );
    }

    #[test]
    fn an_article_address_names_its_slug() {
        assert_eq!(
            Route::from_path("/bai-viet/abc"),
            Route::Article("abc".to_owned())
        );
        assert_eq!(
            Route::from_path("/bai-viet/abc/"),
            Route::Article("abc".to_owned())
        );
        assert_eq!(
            Route::from_path("/bai-viet/b%C3%ACnh-lu%E1%BA%ADn"),
            Route::Article("bình-luận".to_owned())
        );
    }

    #[test]
    fn a_malformed_escape_is_kept_as_typed() {
        for slug in ["100%", "a%zzb", "a%2", "%FF", "b%C3%ACnh-100%"] {
            assert_eq!(
                Route::from_path(&format!("/bai-viet/{slug}")),
                Route::Article(slug.to_owned()),
                "{slug}"
            );
        }
    }

    #[test]
    fn anything_else_is_not_found() {
        for path in [
            "/bai-viet/",
            "/bai-viet",
            "/tin-tuc/abc",
            "/bai-viet/a/b",
            "/index.php",
        ] {
            assert_eq!(Route::from_path(path), Route::NotFound, "{path}");
        }
    }
}
