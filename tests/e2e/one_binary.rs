//! One file to deploy: `binhluan-server` built with the `embedded-bundle` feature serves the
//! release bundle from inside itself, with no `dist/` folder anywhere, exactly as the folder
//! is served: the same pages, Content-Security-Policy and caching, and a reader's page that
//! works in Chromium.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use reqwest::header;

use crate::support::bundle::dist;
use crate::support::{Browser, SEED_SLUG, ServerOptions, TestServer};

/// Builds the server with the bundle of [`dist`] inside it (in a target folder of its own, so
/// the workspace's own `binhluan-server` stays as it was) and returns the binary.
fn build_one_binary() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = root.join("target").join("one-binary");
    let status = Command::new(env!("CARGO"))
        .args(["build", "--locked", "-p", "binhluan-server"])
        .args(["--features", "embedded-bundle", "--target-dir"])
        .arg(&target)
        .env("BINHLUAN_BUNDLE_DIR", dist())
        .env_remove("CARGO_TARGET_DIR")
        .current_dir(root)
        .status()
        .expect("cargo runs");
    assert!(status.success(), "the one-binary build failed");
    target.join("debug").join("binhluan-server")
}

/// The running binary, stopped when dropped: also when an assertion fails.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `binary` in an empty directory, without `--dist`; the process and its address.
async fn start(binary: &Path, dir: &Path) -> (Running, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/articles");
    let child = Running(
        Command::new(binary)
            .args(["--addr", &format!("127.0.0.1:{port}")])
            .arg(format!(
                "--database-url=sqlite://{}",
                dir.join("binhluan.db").display()
            ))
            .arg("--content")
            .arg(content)
            .current_dir(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the binary starts"),
    );
    let base = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(60);
    while reqwest::get(format!("{base}/readyz")).await.is_err() {
        assert!(Instant::now() < deadline, "the binary answers within 60 s");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    (child, base)
}

/// The name of the built file whose name ends with `suffix` (e.g. the hashed wasm).
fn built_file(suffix: &str) -> String {
    std::fs::read_dir(dist())
        .expect("the bundle")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .find(|name| name.ends_with(suffix))
        .unwrap_or_else(|| panic!("the bundle has a {suffix}"))
}

/// A header of `path` as both servers must give it. An article page is rendered for each
/// server (its address is in the canonical link and the JSON-LD script), so its
/// Content-Security-Policy hashes a different inline script: the policy is otherwise the same.
fn comparable(path: &str, value: String) -> String {
    if !path.starts_with("/bai-viet/") {
        return value;
    }
    value
        .split(' ')
        .filter(|source| !source.starts_with("'sha256-"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn header_of(response: &reqwest::Response, name: header::HeaderName) -> String {
    response
        .headers()
        .get(name)
        .map(|value| value.to_str().expect("ASCII").to_owned())
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn one_binary_serves_the_apps_as_the_folder_does() {
    let binary = build_one_binary();
    let dir = tempfile::TempDir::new().expect("a temporary directory");
    assert!(!dir.path().join("dist").exists());
    let (_running, base) = start(&binary, dir.path()).await;
    let folder = TestServer::start(ServerOptions::default()).await;
    let client = reqwest::Client::new();

    // The pages: the same bytes and headers as from the folder.
    for path in ["/", "/kiem-duyet/", &format!("/bai-viet/{SEED_SLUG}")] {
        let one = client.get(format!("{base}{path}")).send().await.unwrap();
        let from_folder = client.get(folder.url(path)).send().await.unwrap();
        assert_eq!(one.status(), 200, "{path}");
        for name in [
            header::CONTENT_TYPE,
            header::CONTENT_SECURITY_POLICY,
            header::CACHE_CONTROL,
        ] {
            assert_eq!(
                comparable(path, header_of(&one, name.clone())),
                comparable(path, header_of(&from_folder, name.clone())),
                "{name} of {path}"
            );
        }
        let one = one.text().await.unwrap();
        if path.starts_with("/bai-viet/") {
            // Rendered for each server (its address is in the canonical link): the same
            // stylesheet, which the server finds in the bundle.
            let stylesheet = format!("/{}", built_file(".css"));
            assert!(one.contains(&stylesheet), "the page links {stylesheet}");
        } else {
            assert_eq!(
                one,
                from_folder.text().await.unwrap(),
                "{path} is the same page"
            );
        }
    }

    // The wasm: its type, cached for a year by its hashed name, revalidated by its ETag.
    let wasm = format!("{base}/{}", built_file("_bg.wasm"));
    let answer = client.get(&wasm).send().await.unwrap();
    assert_eq!(answer.status(), 200);
    assert_eq!(header_of(&answer, header::CONTENT_TYPE), "application/wasm");
    assert_eq!(
        header_of(&answer, header::CACHE_CONTROL),
        "public, max-age=31536000, immutable"
    );
    let etag = header_of(&answer, header::ETAG);
    let bytes = answer.bytes().await.unwrap();
    let on_disk = std::fs::read(dist().join(built_file("_bg.wasm"))).unwrap();
    assert!(bytes == on_disk, "the embedded wasm is the built one");
    let again = client
        .get(&wasm)
        .header(header::IF_NONE_MATCH, &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304, "revalidated by {etag}");
    let head = client.head(&wasm).send().await.unwrap();
    assert_eq!(
        header_of(&head, header::CONTENT_LENGTH),
        on_disk.len().to_string()
    );

    // What the bundle lacks: a missing script is a 404, an app route is the app.
    let missing = client.get(format!("{base}/nope.js")).send().await.unwrap();
    assert_eq!(missing.status(), 404);
    let route = client
        .get(format!("{base}/khong-co-trang-nay"))
        .send()
        .await
        .unwrap();
    assert_eq!(route.status(), 200);

    // A reader's page works from the binary alone.
    let browser = Browser::phone().await;
    browser.goto(&format!("{base}/")).await;
    browser
        .find("section.comments form.comment-form textarea")
        .await;
    browser
        .wait_until(
            "the comment list has loaded",
            "!!document.querySelector('.comment-list[aria-busy=false]')",
        )
        .await;
    browser.close().await;
}
