//! The app's built files (trunk's `dist/`): precompressed when a `.br`/`.gz` sibling exists,
//! cached for a year when the name carries trunk's content hash, and `index.html` (with its
//! Content-Security-Policy) for every app route: every path whose last segment has no
//! extension (`/bai-viet/{slug}` is the server-rendered page of `pages.rs`), and a missing file that is not a kind of file the
//! build makes (a missing script, wasm module or stylesheet stays a `404`). The moderation
//! desk, a bundle of its own in `kiem-duyet/`, answers `/kiem-duyet/` the same way. The files
//! come from `--dist` or from the bundle built into the binary (`bundle.rs`), with the same
//! headers either way.

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

use crate::bundle::Bundle;
use crate::origin::Origin;

/// `Cache-Control` of files whose name carries a content hash.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// `Cache-Control` of everything else: revalidate every time.
const REVALIDATE: &str = "no-cache";

/// Where the app's files are and who may frame them.
#[derive(Debug)]
struct StaticFiles {
    bundle: Bundle,
    frame_ancestors: String,
}

/// The service answering every path that is not under `/api`.
pub fn router(bundle: Bundle, allowed_origins: &[Origin]) -> Router {
    let files = StaticFiles {
        bundle,
        frame_ancestors: frame_ancestors(allowed_origins),
    };
    Router::new().fallback(serve).with_state(Arc::new(files))
}

/// Who may frame the reader's pages: the server itself and the newsrooms' sites.
pub fn frame_ancestors(allowed_origins: &[Origin]) -> String {
    std::iter::once("'self'")
        .chain(allowed_origins.iter().map(Origin::as_str))
        .collect::<Vec<_>>()
        .join(" ")
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
    let app_if_missing = match wanted(path) {
        Wanted::App => return index(&files, APP_INDEX, &files.frame_ancestors).await,
        Wanted::Desk => return index(&files, DESK_INDEX, "'none'").await,
        Wanted::File => false,
        Wanted::FileOrApp => true,
    };
    let immutable = path.rsplit('/').next().is_some_and(has_content_hash);
    let mut response = match &files.bundle {
        Bundle::Folder(folder) => {
            let service = ServeDir::new(folder)
                .precompressed_br()
                .precompressed_gzip();
            let Ok(response) = service.oneshot(request).await;
            response.map(Body::new)
        }
        #[cfg(feature = "embedded-bundle")]
        Bundle::Embedded => embedded_file(&request),
    };
    if app_if_missing && response.status() == StatusCode::NOT_FOUND {
        return index(&files, APP_INDEX, &files.frame_ancestors).await;
    }
    if response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED {
        let cache = if immutable { IMMUTABLE } else { REVALIDATE };
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    }
    response
}

/// The reader app's page.
const APP_INDEX: &str = "index.html";
/// The moderation desk's page.
const DESK_INDEX: &str = "kiem-duyet/index.html";

/// What a path asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Wanted {
    /// An app route: `index.html`.
    App,
    /// The moderation desk: `kiem-duyet/index.html`.
    Desk,
    /// A kind of file the build makes, or an odd path (escapes, a segment starting with a
    /// dot): the file, or `404`.
    File,
    /// The file if there is one, else an app route (the app shows its not-found page).
    FileOrApp,
}

/// Extensions of the files a build makes (compared ignoring case): a missing one is a `404`,
/// never `index.html` in its place.
const ASSET_EXTENSIONS: &[&str] = &[
    "js",
    "mjs",
    "wasm",
    "css",
    "map",
    "json",
    "webmanifest",
    "html",
    "htm",
    "txt",
    "xml",
    "ico",
    "png",
    "jpg",
    "jpeg",
    "gif",
    "svg",
    "webp",
    "avif",
    "woff",
    "woff2",
    "ttf",
    "otf",
    "br",
    "gz",
];

/// Whether `path` is an app route, a file, or either: `/index.html` is the app; so is a path
/// whose last segment has no extension. One with an extension is a file when the extension is a kind the build
/// makes or the path is odd (percent escapes, as in `..%2F`, or a segment starting with a
/// dot, as in `/.env`); any other is a file if there is one, else the app.
fn wanted(path: &str) -> Wanted {
    if path == "/index.html" {
        return Wanted::App;
    }
    let desk = path == "/kiem-duyet" || path.starts_with("/kiem-duyet/");
    let route = if desk { Wanted::Desk } else { Wanted::App };
    let last_segment = path.rsplit('/').next().unwrap_or_default();
    let Some((_, extension)) = last_segment.rsplit_once('.') else {
        return route;
    };
    let asset = ASSET_EXTENSIONS
        .iter()
        .any(|asset| extension.eq_ignore_ascii_case(asset));
    let odd = path.contains('%') || path.contains("/.");
    if asset || odd || desk {
        Wanted::File
    } else {
        Wanted::FileOrApp
    }
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

/// A bundle's page (`page`, under the build folder), never cached, with a CSP that allows
/// exactly its own inline scripts and the framing by `frame_ancestors`; `503` when it has not
/// been built.
async fn index(files: &StaticFiles, page: &str, frame_ancestors: &str) -> Response {
    let html = files
        .bundle
        .read(page)
        .await
        .and_then(|data| String::from_utf8(data.into_owned()).ok());
    let Some(html) = html else {
        return not_built(&files.bundle, page);
    };
    let csp = content_security_policy(&html, frame_ancestors);
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
pub fn content_security_policy(html: &str, frame_ancestors: &str) -> String {
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

/// A file of the embedded bundle: `200` with its media type and `ETag`, `304` when the client
/// has it already, `404` when there is none (the caller may answer the app instead).
#[cfg(feature = "embedded-bundle")]
fn embedded_file(request: &Request) -> Response {
    let path = request.uri().path().trim_start_matches('/');
    let Some(file) = crate::bundle::embedded_file(path) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let etag = file.etag;
    let has_it = crate::etag::client_has(request.headers(), &etag);
    let headers = [
        (header::ETAG, etag),
        (header::CONTENT_TYPE, file.content_type),
    ];
    if has_it {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    if request.method() == Method::HEAD {
        let length = [(header::CONTENT_LENGTH, file.data.len().to_string())];
        return (headers, length).into_response();
    }
    (headers, Body::from(file.data)).into_response()
}

fn not_built(bundle: &Bundle, page: &str) -> Response {
    let page = format!("{}/{page}", bundle.describe());
    let body = format!(
        "<!doctype html><meta charset=utf-8><title>Bình Luận</title>\
         <p>Ứng dụng chưa được build: không có {page}. Hãy chạy <code>scripts/run</code> (nó chạy <code>trunk build --release</code>) \
         (hoặc chỉ định thư mục bằng <code>--dist</code>). API vẫn hoạt động ở /api.</p>\
         <p lang=en>The app is not built: {page} is missing. Run <code>scripts/run</code> (which runs <code>trunk build --release</code>) \
         (or point <code>--dist</code> at trunk's output). The API still works under /api.</p>\n",
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
    fn paths_are_app_routes_build_files_or_either() {
        for (path, expected) in [
            ("/", Wanted::App),
            ("/index.html", Wanted::App),
            ("/bai-viet/lan-toa", Wanted::App),
            ("/bai-viet/a.b", Wanted::FileOrApp),
            ("/bai-viet/x.js", Wanted::File),
            ("/tin-tuc/", Wanted::App),
            ("/binhluan-1a2b3c4d5e6f7a8b_bg.wasm", Wanted::File),
            ("/main.CSS", Wanted::File),
            ("/embed.js", Wanted::File),
            ("/favicon.ico", Wanted::File),
            ("/app.js.gz", Wanted::File),
            ("/tin-tuc/v1.2", Wanted::FileOrApp),
            ("/wp-login.php", Wanted::FileOrApp),
            ("/..%2F..%2Fetc%2Fpasswd", Wanted::File),
            ("/.env", Wanted::File),
            ("/a/../b.c", Wanted::File),
            ("/kiem-duyet", Wanted::Desk),
            ("/kiem-duyet/", Wanted::Desk),
            ("/kiem-duyet/hang-cho", Wanted::Desk),
            (
                "/kiem-duyet/binhluan-desk-1a2b3c4d5e6f7a8b.js",
                Wanted::File,
            ),
            ("/kiem-duyet/v1.2", Wanted::File),
        ] {
            assert_eq!(wanted(path), expected, "{path}");
        }
    }

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
