//! The app's pages, one file each, and the address that picks one.
//!
//! Articles link to one another with plain links, so every page is a fresh load of the same
//! bundle and the app never intercepts a click: the embed and the host page share this.

pub mod article;
pub mod not_found;

use crate::DEFAULT_ARTICLE;

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

/// Decodes `%xx` escapes; a malformed escape is kept as typed.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&hi), Some(&lo)) if hex(hi).is_some() && hex(lo).is_some() => {
                out.push((hex(hi).unwrap_or(0) * 16 + hex(lo).unwrap_or(0)) as u8);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::Route;
    use crate::DEFAULT_ARTICLE;

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
        assert_eq!(
            Route::from_path("/bai-viet/100%"),
            Route::Article("100%".to_owned())
        );
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
