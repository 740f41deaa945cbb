//! The app's files next to the API: caching, MIME types, compression, CSP, the `index.html`
//! fallback, and the 503 when the app is not built. (No database logic: SQLite only.)

mod common;

use std::path::Path;

use base64::Engine;
use common::{Backend, TestDatabase, TestServer, config};
use sha2::{Digest, Sha256};
use tempfile::TempDir;

const INLINE_SCRIPT: &str =
    "import init from '/binhluan-1a2b3c4d5e6f7a8b.js';init('/binhluan-1a2b3c4d5e6f7a8b_bg.wasm');";
const WASM: &[u8] =
    b"\0asm\x01\0\0\0 a fake module, long enough to be worth compressing on the fly....";
const PRECOMPRESSED: &[u8] = b"\x1f\x8b pretend gzip bytes";

fn index_html() -> String {
    format!(
        "<!doctype html><html><head><link rel=\"stylesheet\" href=\"/style.css\">\
         <script type=\"module\">{INLINE_SCRIPT}</script></head><body>Bình Luận</body></html>"
    )
}

fn write_dist(dir: &Path) {
    std::fs::write(dir.join("index.html"), index_html()).unwrap();
    std::fs::write(dir.join("binhluan-1a2b3c4d5e6f7a8b_bg.wasm"), WASM).unwrap();
    std::fs::write(
        dir.join("binhluan-1a2b3c4d5e6f7a8b.js"),
        "export default function init() {}\n",
    )
    .unwrap();
    std::fs::write(dir.join("style.css"), "body { margin: 0 }\n").unwrap();
    std::fs::write(dir.join("app.js"), "console.log('plain');\n").unwrap();
    std::fs::write(dir.join("app.js.gz"), PRECOMPRESSED).unwrap();
}

/// A server of a fake build (`write_dist`); the directory lives as long as the server.
async fn start_with_app() -> (TempDir, TestDatabase, TestServer) {
    let dist = tempfile::tempdir().unwrap();
    write_dist(dist.path());
    let (database, server) = start_with_dist(dist.path()).await;
    (dist, database, server)
}

async fn start_with_dist(dist: &Path) -> (TestDatabase, TestServer) {
    let database = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(binhluan_server::Config {
        dist: Some(dist.to_owned()),
        ..config(&database.url)
    })
    .await;
    (database, server)
}

fn header<'a>(response: &'a reqwest::Response, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .map(|value| value.to_str().unwrap())
        .unwrap_or_default()
}

#[tokio::test]
async fn app_routes_get_index_html_with_its_csp() {
    let (_dist, _database, server) = start_with_app().await;
    let script_hash =
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(INLINE_SCRIPT));
    for path in [
        "/",
        "/index.html",
        // Not a file the build has, nor a kind of file it makes: the app (its not-found page).
        "/tin-tuc/v1.2",
        "/trang.cu",
    ] {
        let response = server.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(
            header(&response, "content-type"),
            "text/html; charset=utf-8"
        );
        assert_eq!(header(&response, "cache-control"), "no-cache");
        assert_eq!(header(&response, "x-content-type-options"), "nosniff");
        let csp = header(&response, "content-security-policy").to_owned();
        assert!(
            csp.contains(&format!(
                "script-src 'self' 'wasm-unsafe-eval' 'sha256-{script_hash}'"
            )),
            "{csp}"
        );
        assert!(
            csp.contains("object-src 'none'")
                && csp.contains("frame-ancestors 'self' https://bao.example.vn")
        );
        assert_eq!(response.text().await.unwrap(), index_html());
    }
}

/// The seed article, from the content folder.
const SEED: &str = "/bai-viet/lan-toa-viec-hoc-va-lam-theo-bac-o-dang-bo-thi-xa-sa-pa";

#[tokio::test]
async fn article_pages_are_rendered_with_the_apps_stylesheet_and_policy() {
    let (_dist, _database, server) = start_with_app().await;
    // Article slugs may hold dots; every path under /bai-viet/ is an article page, found or not.
    for (path, status) in [
        (SEED, 200),
        ("/bai-viet/lan-toa-viec-hoc", 404),
        ("/bai-viet/x/binh-luan", 404),
        ("/bai-viet/a.b", 404),
        ("/bai-viet/tp.hcm-mua-lu", 404),
        ("/bai-viet/style.css", 404),
    ] {
        let response = server.get(path).await;
        assert_eq!(response.status(), status, "{path}");
        assert_eq!(
            header(&response, "content-type"),
            "text/html; charset=utf-8"
        );
        // A found article is the same for every reader, so caches may keep it a few seconds;
        // a missing one is not cached, so a newly published article shows at once.
        let cache_control = if status == 200 {
            "public, max-age=5, stale-while-revalidate=5"
        } else {
            "no-cache"
        };
        assert_eq!(header(&response, "cache-control"), cache_control, "{path}");
        assert_eq!(header(&response, "x-content-type-options"), "nosniff");
        let csp = header(&response, "content-security-policy").to_owned();
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{csp}"
        );
        assert!(
            csp.contains("frame-ancestors 'self' https://bao.example.vn"),
            "{csp}"
        );
        let html = response.text().await.unwrap();
        assert!(
            html.contains("<link rel=\"stylesheet\" href=\"/style.css\">"),
            "{html}"
        );
    }
}

#[tokio::test]
async fn hashed_files_are_immutable_with_correct_types() {
    let (_dist, _database, server) = start_with_app().await;

    let wasm = server.get("/binhluan-1a2b3c4d5e6f7a8b_bg.wasm").await;
    assert_eq!(wasm.status(), 200);
    assert_eq!(header(&wasm, "content-type"), "application/wasm");
    assert_eq!(
        header(&wasm, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(wasm.bytes().await.unwrap(), WASM);

    let js = server.get("/binhluan-1a2b3c4d5e6f7a8b.js").await;
    assert_eq!(header(&js, "content-type"), "text/javascript");
    assert_eq!(
        header(&js, "cache-control"),
        "public, max-age=31536000, immutable"
    );

    let css = server.get("/style.css").await;
    assert_eq!(header(&css, "content-type"), "text/css");
    assert_eq!(
        header(&css, "cache-control"),
        "no-cache",
        "files without a hash are revalidated"
    );

    for missing in [
        "/binhluan-ffffffffffffffff.js",
        "/binhluan-ffffffffffffffff_bg.wasm",
        "/main-ffffffffffffffff.css",
        "/favicon.ico",
        "/assets/logo.PNG",
    ] {
        let response = server.get(missing).await;
        assert_eq!(
            response.status(),
            404,
            "{missing}: a missing file is not the app"
        );
        assert_ne!(response.text().await.unwrap(), index_html(), "{missing}");
    }
    let traversal = server.get("/..%2F..%2Fetc%2Fpasswd").await;
    assert_ne!(traversal.status(), 200);
}

#[tokio::test]
async fn files_are_served_compressed() {
    let (_dist, _database, server) = start_with_app().await;

    let gzip = |path: &str| {
        server
            .client
            .get(server.url(path))
            .header("Accept-Encoding", "gzip")
            .send()
    };
    let precompressed = gzip("/app.js").await.unwrap();
    assert_eq!(header(&precompressed, "content-encoding"), "gzip");
    assert_eq!(header(&precompressed, "content-type"), "text/javascript");
    assert_eq!(
        precompressed.bytes().await.unwrap(),
        PRECOMPRESSED,
        "the .gz file next to it"
    );
    let plain = server.get("/app.js").await;
    assert_eq!(header(&plain, "content-encoding"), "");
    assert_eq!(plain.text().await.unwrap(), "console.log('plain');\n");

    let on_the_fly = gzip("/binhluan-1a2b3c4d5e6f7a8b_bg.wasm").await.unwrap();
    assert_eq!(header(&on_the_fly, "content-encoding"), "gzip");
    assert_eq!(header(&on_the_fly, "content-type"), "application/wasm");
    assert_ne!(on_the_fly.bytes().await.unwrap(), WASM);
}

#[tokio::test]
async fn static_files_carry_cors_for_the_embedding_origins() {
    let (_dist, _database, server) = start_with_app().await;
    let from = |origin: &'static str| {
        server
            .client
            .get(server.url("/binhluan-1a2b3c4d5e6f7a8b_bg.wasm"))
            .header("Origin", origin)
            .send()
    };
    let embedded = from("https://bao.example.vn").await.unwrap();
    assert_eq!(
        header(&embedded, "access-control-allow-origin"),
        "https://bao.example.vn"
    );
    let foreign = from("https://evil.example").await.unwrap();
    assert_eq!(header(&foreign, "access-control-allow-origin"), "");
}

#[tokio::test]
async fn api_paths_never_fall_back_to_the_app() {
    let (_dist, _database, server) = start_with_app().await;
    let response = server.get("/api/bai-viet/x").await;
    assert_eq!(response.status(), 404);
    assert_eq!(header(&response, "content-type"), "application/json");
    let posted = server
        .client
        .post(server.url("/"))
        .body("x")
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status(), 405);
}

#[tokio::test]
async fn without_a_build_the_api_and_articles_work_and_the_app_says_to_build_it() {
    let (_database, server) = start_with_dist(Path::new("/nonexistent/dist")).await;
    for path in ["/", "/bai-viet"] {
        let response = server.get(path).await;
        assert_eq!(response.status(), 503, "{path}");
        assert!(response.text().await.unwrap().contains("trunk build"));
    }
    assert_eq!(server.get("/api/policy").await.status(), 200);
    // The article pages need no build: they are read unstyled.
    let article = server.get(SEED).await;
    assert_eq!(article.status(), 200);
    let html = article.text().await.unwrap();
    assert!(html.contains("Lan tỏa việc học và làm theo Bác"));
    assert!(!html.contains("stylesheet"));
}
