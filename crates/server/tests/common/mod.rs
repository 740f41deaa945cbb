//! What the server tests share: a fresh database on either backend, servers started
//! in-process on loopback, and a small HTTP client.

#![allow(dead_code)] // Each test binary uses a different part of this module.

pub mod postgres;

use std::net::SocketAddr;
use std::path::PathBuf;

use binhluan_server::config::ThreadMode;
use binhluan_server::{Clock, Config, Server};
use reqwest::{Client, Response};
use serde_json::{Value, json};
use tempfile::TempDir;
use tokio::sync::oneshot;

/// The slug of the sample article shipped in `content/articles/`.
pub const ARTICLE: &str = "lan-toa-viec-hoc-va-lam-theo-bac-o-dang-bo-thi-xa-sa-pa";
/// The moderation token of the test servers.
pub const TOKEN: &str = "test-moderation-token-0123456789abcdef";

/// The key the test servers sign reader ids with (`--reader-secret`).
pub const READER_SECRET: &str = "test-reader-secret-0123456789abcdef01234567";

/// The signed reader id the test servers know as `name`: the same for the same name.
pub fn reader(name: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(name.as_bytes());
    let mut nonce = [0; binhluan_server::readers::NONCE_BYTES];
    nonce.copy_from_slice(&digest[..binhluan_server::readers::NONCE_BYTES]);
    binhluan_server::readers::ReaderKey::new(READER_SECRET.as_bytes()).sign(&nonce)
}

/// The database engine a test runs against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// A SQLite file in a temporary directory.
    Sqlite,
    /// A fresh database on the test PostgreSQL server.
    Postgres,
}

/// A fresh, empty database; the SQLite file lives as long as this.
pub struct TestDatabase {
    /// Its URL, for `--database-url`.
    pub url: String,
    _dir: Option<TempDir>,
}

impl TestDatabase {
    /// A new database on `backend`.
    pub async fn new(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("a temporary directory");
                let url = format!("sqlite://{}", dir.path().join("binhluan.db").display());
                Self {
                    url,
                    _dir: Some(dir),
                }
            }
            Backend::Postgres => Self {
                url: postgres::fresh_database().await,
                _dir: None,
            },
        }
    }
}

/// The settings of a test server on `database_url`: an ephemeral loopback port, moderation
/// on, no rate limit, pre-moderation, the default policy and no app build.
pub fn config(database_url: &str) -> Config {
    Config {
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        database_url: database_url.to_owned(),
        database_max_connections: 8,
        dist: Some(PathBuf::from("/nonexistent/binhluan-dist")),
        moderation_token: Some(TOKEN.to_owned()),
        moderation_token_file: None,
        reader_secret: Some(READER_SECRET.to_owned()),
        reader_secret_file: None,
        post_rate_limit: 0,
        allowed_origins: vec!["https://bao.example.vn".parse().expect("an origin")],
        policy: None,
        auto_publish: false,
        trusted_proxies: Vec::new(),
        refused_post_rate_limit: 0,
        threads: ThreadMode::Auto,
        thread_limit: 0,
        content: content_folder(),
        metrics_addr: None,
        log_format: binhluan_server::config::LogFormat::Text,
        public_url: None,
        header_read_timeout: 10,
        request_timeout: 30,
        max_concurrent_requests: 1024,
    }
}

/// The repository's sample articles (`content/articles/`).
pub fn content_folder() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content/articles"
    ))
}

/// A server running in this process; stopped when dropped.
pub struct TestServer {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// The server's `host:port`.
    pub host: String,
    /// A plain client.
    pub client: Client,
    /// `http://127.0.0.1:PORT/metrics` when the server serves metrics.
    pub metrics: Option<String>,
    /// The one-time desk login link the server printed, if it did.
    pub login_link: Option<String>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

impl TestServer {
    /// Starts a server with `config`, on the system clock.
    pub async fn start(config: Config) -> Self {
        Self::start_with_clock(config, &Clock::system()).await
    }

    /// Starts a server with `config` that judges requests by `clock` (a stopped clock the
    /// test moves, so that rate-limit windows pass when the test says, not the wall clock).
    pub async fn start_with_clock(config: Config, clock: &Clock) -> Self {
        let server = Server::bind_with_clock(&config, clock.clone())
            .await
            .expect("the server starts");
        let addr = server.local_addr().expect("a local address");
        let metrics = server
            .metrics_addr()
            .map(|addr| format!("http://{}/metrics", addr.expect("a metrics address")));
        let login_link = server.login_link().map(str::to_owned);
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(server.run(async move {
            stopped.await.ok();
        }));
        Self {
            base: format!("http://{addr}"),
            host: addr.to_string(),
            client: Client::new(),
            metrics,
            login_link,
            stop: Some(stop),
            task: Some(task),
        }
    }

    /// Stops the server and waits until it has closed its database.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            stop.send(()).ok();
        }
        if let Some(task) = self.task.take() {
            task.await
                .expect("the server task")
                .expect("the server stops cleanly");
        }
    }

    /// The full URL of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// `GET path`.
    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    /// `POST path` without a body.
    pub async fn post(&self, path: &str) -> Response {
        self.client.post(self.url(path)).send().await.expect("POST")
    }

    /// `GET path` as JSON, asserting `200`.
    pub async fn get_json(&self, path: &str) -> Value {
        let response = self.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        response.json().await.expect("JSON")
    }

    /// A `POST` of a comment on article `slug` with `Idempotency-Key: key`, to complete (body,
    /// other headers) and send.
    pub fn comment_post(&self, slug: &str, key: &str) -> reqwest::RequestBuilder {
        self.client
            .post(self.url(&format!("/api/articles/{slug}/comments")))
            .header("Idempotency-Key", key)
    }

    /// Posts `body` as a comment on the sample article with `key`.
    pub async fn post_comment(&self, body: &Value, key: &str) -> Response {
        self.comment_post(ARTICLE, key)
            .json(body)
            .send()
            .await
            .expect("POST comment")
    }

    /// Posts a valid comment and returns the created comment, asserting `201`.
    pub async fn create_comment(&self, body: &Value) -> Value {
        let response = self.post_comment(body, &unique_key()).await;
        let status = response.status();
        let answer: Value = response.json().await.expect("JSON");
        assert_eq!(status, 201, "posting {body} answered {answer}");
        answer
    }

    /// A moderator's request builder for `method path`.
    pub fn moderator(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.client
            .request(method, self.url(path))
            .bearer_auth(TOKEN)
    }

    /// A moderator's `method path` answer as JSON, asserting `200`.
    pub async fn moderator_json<T: serde::de::DeserializeOwned>(
        &self,
        method: reqwest::Method,
        path: &str,
    ) -> T {
        let response = self.moderator(method.clone(), path).send().await.unwrap();
        assert_eq!(response.status(), 200, "{method} {path}");
        response.json().await.expect("JSON")
    }

    /// Approves comment `id`, asserting `200`.
    pub async fn approve(&self, id: i64) -> Value {
        let path = format!("/api/moderation/comments/{id}/approve");
        self.moderator_json(reqwest::Method::POST, &path).await
    }

    /// Posts a valid comment (answering `parent`, if given) and publishes it; returns its id.
    pub async fn published_comment(&self, n: usize, parent: Option<i64>) -> i64 {
        let mut body = comment_body(n);
        if let Some(parent) = parent {
            body["parent_id"] = json!(parent);
        }
        let id = self.create_comment(&body).await["id"]
            .as_i64()
            .expect("an id");
        self.approve(id).await;
        id
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            stop.send(()).ok();
        }
    }
}

/// A new `Idempotency-Key`.
pub fn unique_key() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    format!(
        "key-{}-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed),
        nanos_since_epoch()
    )
}

fn nanos_since_epoch() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos()
}

/// A comment text that passes the default policy (ten-plus Vietnamese words with their
/// marks, no link), different for every `n`.
pub fn valid_text(n: usize) -> String {
    format!("Bình luận thứ {n}: bài viết rất hay và ý nghĩa, cảm ơn tòa soạn đã đưa tin về Sa Pa.")
}

/// A valid comment body, different for every `n`.
pub fn comment_body(n: usize) -> Value {
    json!({ "author_name": "Nguyễn Văn An", "author_email": "an@example.vn", "content": valid_text(n) })
}

/// Runs one test body against both backends: `suite! { name, ... }` makes `sqlite::name` and
/// `postgres::name`, each calling `name(Backend)`.
#[macro_export]
macro_rules! suite {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::common::Backend::Sqlite).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::common::Backend::Postgres).await;
                }
            )*
        }
    };
}

/// Runs `sql` on the test database directly (for set-up the API cannot do, such as adding
/// a second article).
pub async fn execute_sql(database_url: &str, sql: &str) {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(database_url)
        .await
        .expect("connect to the test database");
    sqlx::raw_sql(sql).execute(&pool).await.expect("set-up SQL");
    pool.close().await;
}

/// The one number `sql` selects on the test database.
pub async fn query_number(database_url: &str, sql: &str) -> i64 {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(database_url)
        .await
        .expect("connect to the test database");
    let number = sqlx::query_scalar(sql)
        .fetch_one(&pool)
        .await
        .expect("a number");
    pool.close().await;
    number
}

/// Asserts that `response` is the API's JSON error `status` `code`, with a message in both
/// languages; the error.
pub async fn assert_error(response: Response, status: u16, code: &str) -> Value {
    assert_eq!(response.status(), status, "expected {status} {code}");
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(
        content_type.starts_with("application/json"),
        "error content type {content_type}"
    );
    let body: Value = response.json().await.expect("a JSON error");
    assert_eq!(body["error"], code, "{body}");
    assert!(
        body["message"].as_str().is_some_and(|m| !m.is_empty()),
        "Vietnamese message in {body}"
    );
    assert!(
        body["message_en"].as_str().is_some_and(|m| !m.is_empty()),
        "English message in {body}"
    );
    body
}

/// A server that believes the loopback proxy's `X-Forwarded-For` (so a test can act as
/// several clients), with `policy` as its first policy if given; the folder holding the
/// policy file goes with it.
pub async fn start_behind_proxy(
    backend: Backend,
    policy: Option<&binhluan_api::Policy>,
) -> (TestDatabase, TestServer, TempDir) {
    start_behind_proxy_with_clock(backend, policy, &Clock::system()).await
}

/// [`start_behind_proxy`], with a server that judges requests by `clock`.
pub async fn start_behind_proxy_with_clock(
    backend: Backend,
    policy: Option<&binhluan_api::Policy>,
    clock: &Clock,
) -> (TestDatabase, TestServer, TempDir) {
    let database = TestDatabase::new(backend).await;
    let dir = TempDir::new().unwrap();
    let policy_file = policy.map(|policy| {
        let file = dir.path().join("policy.json");
        std::fs::write(&file, serde_json::to_string(policy).unwrap()).unwrap();
        file
    });
    let server = TestServer::start_with_clock(
        Config {
            trusted_proxies: vec!["127.0.0.1/32".parse().unwrap()],
            policy: policy_file,
            ..config(&database.url)
        },
        clock,
    )
    .await;
    (database, server, dir)
}
