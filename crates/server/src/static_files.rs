//! The app's built files (trunk's `dist/`): precompressed when a `.br`/`.gz` sibling exists,
//! cached for a year when the name carries trunk's content hash, and `index.html` (with its
//! Content-Security-Policy) for every app route.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};
use tower::ServiceExt;
use tower_http::services::ServeDir;

/// `Cache-Control` of files whose name carries a content hash.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// `Cache-Control` of everything else: revalidate every time.
const REVALIDATE: &str = "no-cache";

/// Where the app's files are and who may frame them.
#[derive(Debug)]
struct StaticFiles {
    dist: PathBuf,
    frame_ancestors: String,
}

/// The service answering every path that is not under `/api`.
pub fn router(dist: PathBuf, allowed_origins: &[String]) -> Router {
    let frame_ancestors = std::iter::once("'self'")
        .chain(allowed_origins.iter().map(String::as_str))
        .collect::<Vec<_>>();
    let files = StaticFiles {
        dist,
        frame_ancestors: frame_ancestors.join(" "),
    };
    Router::new().fallback(serve).with_state(Arc::new(files))
}

async fn serve(State(files): State<Arc<StaticFiles>>, request: Request) -> Response {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD")],
            "Method not allowed\n",
        )
            .into_response();
    }
    let path = request.uri().path();
    if path == "/index.html" || !names_a_file(path) {
        return index(&files).await;
    }
    let immutable = path.rsplit('/').next().is_some_and(has_content_hash);
    let service = ServeDir::new(&files.dist)
        .precompressed_br()
        .precompressed_gzip();
    let Ok(response) = service.oneshot(request).await;
    let mut response = response.map(Body::new);
    if response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED {
        let cache = if immutable { IMMUTABLE } else { REVALIDATE };
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    }
    response
}

/// Whether a path names a file (its last segment has an extension) rather than an app route.
fn names_a_file(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|segment| segment.contains('.'))
}

/// Whether a file name carries trunk's content hash: `-` then 16 hex digits then `.` or `_`,
/// as in `binhluan-1a2b3c4d5e6f7a8b_bg.wasm`.
fn has_content_hash(name: &str) -> bool {
    name.match_indices('-').any(|(at, _)| {
        let rest = &name.as_bytes()[at + 1..];
        rest.len() > 16
            && rest[..16].iter().all(u8::is_ascii_hexdigit)
            && matches!(rest[16], b'.' | b'_')
    })
}

/// `index.html`, never cached, with a CSP that allows exactly its own inline scripts; `503`
/// when the app has not been built.
async fn index(files: &StaticFiles) -> Response {
    let Ok(html) = tokio::fs::read_to_string(files.dist.join("index.html")).await else {
        return not_built(&files.dist);
    };
    let csp = content_security_policy(&html, &files.frame_ancestors);
    let mut response = (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, REVALIDATE),
        ],
        html,
    )
        .into_response();
    if let Ok(csp) = HeaderValue::from_str(&csp) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    response
}

/// The page's Content-Security-Policy: scripts only from the server itself plus the inline
/// scripts of this very `index.html` (by SHA-256, e.g. trunk's module loader), wasm
/// compilation allowed, no plugins, no foreign forms or base URLs.
fn content_security_policy(html: &str, frame_ancestors: &str) -> String {
    let hashes: String = inline_scripts(html)
        .map(|script| format!(" 'sha256-{}'", STANDARD.encode(Sha256::digest(script))))
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data: https:; connect-src 'self'; object-src 'none'; base-uri 'self'; \
         form-action 'self'; frame-ancestors {frame_ancestors}"
    )
}

/// The text of every `<script>` without a `src` attribute.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    let lower = html.to_ascii_lowercase();
    let mut scripts = Vec::new();
    let mut from = 0;
    while let Some(start) = lower[from..].find("<script").map(|at| at + from) {
        let Some(open_end) = lower[start..].find('>').map(|at| at + start + 1) else {
            break;
        };
        let Some(close) = lower[open_end..].find("</script").map(|at| at + open_end) else {
            break;
        };
        if !lower[start..open_end].contains(" src=") {
            scripts.push(&html[open_end..close]);
        }
        from = close;
    }
    scripts.into_iter()
}

fn not_built(dist: &Path) -> Response {
    let body = format!(
        "<!doctype html><meta charset=utf-8><title>Bình Luận</title>\
         <p>Ứng dụng chưa được build: không có {dist}/index.html. Hãy chạy <code>trunk build --release</code> \
         rồi khởi động lại máy chủ (hoặc chỉ định thư mục bằng <code>--dist</code>). API vẫn hoạt động ở /api.</p>\
         <p lang=en>The app is not built: {dist}/index.html is missing. Run <code>trunk build --release</code> \
         (or point <code>--dist</code> at trunk's output). The API still works under /api.</p>\n",
        dist = dist.display()
    );
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognizes_trunk_content_hashes() {
        assert!(has_content_hash("binhluan-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(has_content_hash("binhluan-1a2b3c4d5e6f7a8b.js"));
        assert!(!has_content_hash("binhluan_bg.wasm"));
        assert!(!has_content_hash("bai-viet-1a2b3c4d5e6f.js"));
        assert!(!has_content_hash("index.html"));
    }

    #[test]
    fn hashes_exactly_the_inline_scripts() {
        let html =
            r#"<script src="/a.js"></script><SCRIPT type="module">import x from '/b.js';</SCRIPT>"#;
        assert_eq!(
            inline_scripts(html).collect::<Vec<_>>(),
            ["import x from '/b.js';"]
        );
        let csp = content_security_policy(html, "'self'");
        let expected = STANDARD.encode(Sha256::digest("import x from '/b.js';"));
        assert!(
            csp.contains(&format!(
                "script-src 'self' 'wasm-unsafe-eval' 'sha256-{expected}';"
            )),
            "{csp}"
        );
    }
}
