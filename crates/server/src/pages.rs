//! `/bai-viet/{slug}`: the article page, whole in the first response. The article and the
//! first page of its published comments are HTML (`render`); `embed.js` wakes the comment
//! widget when the comments come near the viewport or the reader focuses the box. An unknown
//! or hidden article is a `404` with the not-found page.

mod render;

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use binhluan_api::{SortOrder, is_slug};
use binhluan_view::i18n::Lang;
use serde::Deserialize;

use crate::bundle::Bundle;
use crate::error::ApiFailure;
use crate::etag;
use crate::origin::Origin;
use crate::state::AppState;
use crate::static_files::{content_security_policy, frame_ancestors};
use render::{ArticlePage, Assets};

/// Comments in the page's first list: as many as the widget's first page.
const FIRST_COMMENTS: u32 = 20;

/// What the pages need besides the API's state.
#[derive(Debug)]
struct Pages {
    state: Arc<AppState>,
    bundle: Bundle,
    public_url: Option<Origin>,
    frame_ancestors: String,
}

/// The article pages' routes.
pub fn router(
    state: Arc<AppState>,
    bundle: Bundle,
    public_url: Option<Origin>,
    allowed_origins: &[Origin],
) -> Router {
    let pages = Pages {
        state,
        bundle,
        public_url,
        frame_ancestors: frame_ancestors(allowed_origins),
    };
    Router::new()
        .route("/bai-viet/{*slug}", get(article_page))
        .with_state(Arc::new(pages))
}

/// `?lang=en`: the page's language (Vietnamese by default).
#[derive(Debug, Deserialize)]
struct PageQuery {
    lang: Option<String>,
}

async fn article_page(
    State(pages): State<Arc<Pages>>,
    Path(slug): Path<String>,
    Query(query): Query<PageQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiFailure> {
    let lang = query
        .lang
        .as_deref()
        .and_then(Lang::from_tag)
        .unwrap_or_default();
    let assets = pages.assets().await;
    let stored = match is_slug(&slug) {
        true => pages.state.db.article(&slug).await?,
        false => None,
    };
    let Some(stored) = stored.filter(|stored| !stored.thread.hidden) else {
        let html = render::not_found_document(lang, &assets);
        return Ok(pages.respond(StatusCode::NOT_FOUND, html, &headers));
    };
    let article = pages.state.for_readers(stored);
    let comments = pages
        .state
        .db
        .published_page(&slug, SortOrder::Newest, None, FIRST_COMMENTS)
        .await?
        .into_page();
    let canonical = article
        .url
        .clone()
        .unwrap_or_else(|| format!("{}/bai-viet/{slug}", pages.origin(&headers)));
    let page = ArticlePage {
        article,
        comments,
        policy: pages.state.policy.get().policy.clone(),
        lang,
        canonical,
    };
    let html = render::article_document(page, &assets);
    Ok(pages.respond(StatusCode::OK, html, &headers))
}

impl Pages {
    /// The app's stylesheet: the `.css` file of the build that the built `index.html` links.
    async fn assets(&self) -> Assets {
        let Some(index) = self.bundle.read("index.html").await else {
            return Assets::default();
        };
        let index = String::from_utf8_lossy(&index);
        let stylesheet = self
            .bundle
            .top_level_names()
            .await
            .into_iter()
            .find(|name| linked_stylesheet(&index, name))
            .map(|name| format!("/{name}"));
        Assets { stylesheet }
    }

    /// This server's address as readers reach it: `--public-url`, or else the request's
    /// `Host` over http when it is a plain host name.
    fn origin(&self, headers: &HeaderMap) -> String {
        if let Some(origin) = &self.public_url {
            return origin.as_str().to_owned();
        }
        let host = headers
            .get(header::HOST)
            .and_then(|host| host.to_str().ok())
            .filter(|host| is_host(host))
            .unwrap_or("localhost");
        format!("http://{host}")
    }

    /// The page with its headers: an article's page is the same for every reader, so shared
    /// caches may keep it as long as a thread's public pages (an `ETag` makes revalidation a
    /// `304`); a not-found page is asked for again at every visit (an article registered a
    /// moment later shows at once). Both have the same Content-Security-Policy as the app's page.
    fn respond(&self, status: StatusCode, html: String, request: &HeaderMap) -> Response {
        let etag = etag::of(html.as_bytes());
        let csp = content_security_policy(&html, &self.frame_ancestors);
        let fresh = etag::client_has(request, &etag);
        let mut response = if fresh && status == StatusCode::OK {
            StatusCode::NOT_MODIFIED.into_response()
        } else {
            (
                status,
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                html,
            )
                .into_response()
        };
        let headers = response.headers_mut();
        let cache_control = if status == StatusCode::OK {
            etag::PUBLIC_CACHE_CONTROL
        } else {
            "no-cache"
        };
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(cache_control),
        );
        if let Ok(etag) = HeaderValue::from_str(&etag) {
            headers.insert(header::ETAG, etag);
        }
        if let Ok(csp) = HeaderValue::from_str(&csp) {
            headers.insert(header::CONTENT_SECURITY_POLICY, csp);
        }
        response
    }
}

/// Whether `host` is a host name or address with an optional port, and nothing else.
fn is_host(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 255
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'))
}

/// Whether `name` is a stylesheet the built page links (trunk may leave its attributes
/// unquoted, so the address is looked for, not parsed).
fn linked_stylesheet(index: &str, name: &str) -> bool {
    name.ends_with(".css")
        && index.match_indices(&format!("/{name}")).any(|(at, found)| {
            !index[at + found.len()..]
                .starts_with(|c: char| c.is_alphanumeric() || c == '.' || c == '-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stylesheet_is_the_one_the_built_page_links() {
        let minified =
            "<link href=data:, rel=icon><link href=/main-0a1b.css integrity=x rel=stylesheet>";
        let quoted = r#"<link rel="stylesheet" href="/main-0a1b.css"/>"#;
        for index in [minified, quoted] {
            assert!(linked_stylesheet(index, "main-0a1b.css"), "{index}");
            assert!(!linked_stylesheet(index, "main-0a1.css"), "{index}");
            assert!(!linked_stylesheet(index, "main-0a1b.css.map"), "{index}");
        }
        assert!(!linked_stylesheet("<script src=/app.js>", "app.js"));
    }

    #[test]
    fn only_plain_hosts_make_a_canonical_address() {
        for host in ["bao.example.vn", "127.0.0.1:3000", "[::1]:3000"] {
            assert!(is_host(host), "{host}");
        }
        for host in ["", "a b", "evil\"><script>", "a/b", "user@host"] {
            assert!(!is_host(host), "{host}");
        }
    }
}
