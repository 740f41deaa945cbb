//! The reference server, started in-process on a free loopback port with its own database.

use std::net::SocketAddr;

use binhluan_api::{
    ArticleInput, Comment, CommentPage, CommentStatus, IDEMPOTENCY_KEY_HEADER, NewComment,
};
use binhluan_server::{Clock, Config, Server};
use clap::Parser;
use tempfile::TempDir;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use super::bundle::dist;
use super::{SEED_SLUG, eventually};

/// The moderators' token in tests.
pub const MODERATION_TOKEN: &str = "e2e-moderation-token-0123456789abcdef";

/// How a test wants its server.
#[derive(Clone, Debug, Default)]
pub struct ServerOptions {
    /// Publish comments at once instead of holding them for a moderator.
    pub auto_publish: bool,
    /// Origins allowed to embed the comments.
    pub allowed_origins: Vec<String>,
    /// Comment threads only for registered articles (`--threads registered`), none opened by
    /// embedded pages.
    pub threads_registered: bool,
    /// A fresh PostgreSQL database (the server tests' throwaway cluster) instead of SQLite.
    pub postgres: bool,
    /// Requests judged by a clock stopped at the start of the current hour instead of the
    /// system clock, so that rate-limit windows never end during the test.
    pub stopped_clock: bool,
}

/// A running server and its database, removed when dropped.
pub struct TestServer {
    config: Config,
    clock: Clock,
    addr: SocketAddr,
    running: Option<(oneshot::Sender<()>, JoinHandle<()>)>,
    /// The one-time desk login link the running server printed, if it did.
    login_link: Option<String>,
    _data: TempDir,
}

impl TestServer {
    /// Starts a server on SQLite in a fresh directory (or a fresh PostgreSQL database), serving
    /// the release bundle.
    pub async fn start(options: ServerOptions) -> TestServer {
        let data = TempDir::new().expect("a temporary directory");
        let database = if options.postgres {
            super::postgres::fresh_database().await
        } else {
            format!("sqlite://{}", data.path().join("binhluan.db").display())
        };
        let mut args = vec![
            "binhluan-server".to_owned(),
            "--addr=127.0.0.1:0".to_owned(),
            format!("--database-url={database}"),
            format!("--dist={}", dist().display()),
            format!("--moderation-token={MODERATION_TOKEN}"),
            "--post-rate-limit=0".to_owned(),
            "--refused-post-rate-limit=0".to_owned(),
        ];
        if options.auto_publish {
            args.push("--auto-publish".to_owned());
        }
        if options.threads_registered {
            args.push("--threads=registered".to_owned());
        }
        if !options.allowed_origins.is_empty() {
            args.push(format!(
                "--allowed-origins={}",
                options.allowed_origins.join(",")
            ));
        }
        let mut config = Config::parse_from(args);
        let addr = Self::launch(&config).await;
        // Restarts come back on the same port, as a real restart would.
        config.addr = addr;
        let clock = if options.stopped_clock {
            Clock::stopped_at_the_hour()
        } else {
            Clock::system()
        };
        let mut server = TestServer {
            config,
            clock,
            addr,
            running: None,
            login_link: None,
            _data: data,
        };
        server.restart().await;
        server
    }

    async fn launch(config: &Config) -> SocketAddr {
        let server = Server::bind(config).await.expect("the server starts");
        let addr = server.local_addr().expect("a bound address");
        drop(server);
        addr
    }

    async fn spawn(
        config: &Config,
        clock: &Clock,
    ) -> (oneshot::Sender<()>, JoinHandle<()>, Option<String>) {
        let server = Server::bind_with_clock(config, clock.clone())
            .await
            .expect("the server starts");
        let login_link = server.login_link().map(str::to_owned);
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let _ = server
                .run(async move {
                    let _ = stopped.await;
                })
                .await;
        });
        (stop, task, login_link)
    }

    /// The address of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// The server's origin, `http://127.0.0.1:PORT`.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops the server, as when it crashes or is taken down: nothing answers any more.
    pub async fn stop(&mut self) {
        if let Some((stop, task)) = self.running.take() {
            let _ = stop.send(());
            let _ = task.await;
        }
    }

    /// The database's URL (`sqlite://…`), for set-up the API cannot do quickly.
    #[allow(dead_code)] // Used by benches/desk.rs, which shares this harness, not by the tests.
    pub fn database_url(&self) -> &str {
        &self.config.database_url
    }

    /// Starts the server again on the same port and database.
    pub async fn restart(&mut self) {
        self.stop().await;
        let (stop, task, login_link) = Self::spawn(&self.config, &self.clock).await;
        self.running = Some((stop, task));
        self.login_link = login_link;
    }

    /// The one-time link to the moderation desk the server printed at this start, while no
    /// account had logged in yet.
    pub fn login_link(&self) -> Option<&str> {
        self.login_link.as_deref()
    }

    /// Every comment of the article in the moderation queue with `status`.
    pub async fn moderation_list(&self, status: CommentStatus) -> Vec<Comment> {
        let status = match status {
            CommentStatus::Pending => "pending",
            CommentStatus::Published => "published",
            CommentStatus::Rejected => "rejected",
        };
        let page: CommentPage = reqwest::Client::new()
            .get(self.url(&format!(
                "/api/moderation/comments?status={status}&limit=100"
            )))
            .bearer_auth(MODERATION_TOKEN)
            .send()
            .await
            .expect("the moderation API answers")
            .error_for_status()
            .expect("the moderation API accepts the token")
            .json()
            .await
            .expect("a page of comments");
        page.comments
    }

    /// Waits until the server has stored `likes` likes of the published comment by `author`
    /// (as the moderation API reports it), or fails after the tests' patience.
    pub async fn wait_until_likes(&self, author: &str, likes: u64) {
        let what = format!("{likes} likes of {author}'s comment");
        eventually(&what, || async {
            let stored = self
                .moderation_list(CommentStatus::Published)
                .await
                .into_iter()
                .find(|comment| comment.author_name == author)
                .map(|comment| comment.likes);
            match stored {
                Some(stored) if stored == likes => Ok(()),
                stored => Err(stored),
            }
        })
        .await;
    }

    /// A new reader's id, issued by the server (`POST /api/readers`) as the widget asks for
    /// one.
    pub async fn new_reader(&self) -> String {
        let issued: binhluan_api::IssuedReader = reqwest::Client::new()
            .post(self.url("/api/readers"))
            .send()
            .await
            .expect("the API answers")
            .error_for_status()
            .expect("a reader id is issued")
            .json()
            .await
            .expect("the issued id");
        issued.reader_id
    }

    /// Posts a comment on the seed article through the API, as another reader would.
    pub async fn post(&self, comment: &NewComment, idempotency_key: &str) -> reqwest::Response {
        self.post_to(SEED_SLUG, comment, idempotency_key).await
    }

    /// Posts a comment on the article `slug` through the API, as another reader would.
    pub async fn post_to(
        &self,
        slug: &str,
        comment: &NewComment,
        idempotency_key: &str,
    ) -> reqwest::Response {
        reqwest::Client::new()
            .post(self.url(&format!("/api/articles/{slug}/comments")))
            .header(IDEMPOTENCY_KEY_HEADER, idempotency_key)
            .json(comment)
            .send()
            .await
            .expect("the API answers")
    }

    /// `GET /api/articles/{slug}`, as any reader's browser would ask.
    pub async fn article(&self, slug: &str) -> reqwest::Response {
        reqwest::Client::new()
            .get(self.url(&format!("/api/articles/{slug}")))
            .send()
            .await
            .expect("the API answers")
    }

    /// `PUT /api/articles/{slug}`: registers or updates the article, as the newsroom's CMS.
    pub async fn put_article(&self, slug: &str, article: &ArticleInput) -> reqwest::Response {
        reqwest::Client::new()
            .put(self.url(&format!("/api/articles/{slug}")))
            .bearer_auth(MODERATION_TOKEN)
            .json(article)
            .send()
            .await
            .expect("the API answers")
    }

    /// Approves the comment `id`, as a moderator.
    pub async fn approve(&self, id: i64) {
        reqwest::Client::new()
            .post(self.url(&format!("/api/moderation/comments/{id}/approve")))
            .bearer_auth(MODERATION_TOKEN)
            .json(&serde_json::json!({}))
            .send()
            .await
            .expect("the moderation API answers")
            .error_for_status()
            .expect("the comment is approved");
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some((stop, _)) = self.running.take() {
            let _ = stop.send(());
        }
    }
}
