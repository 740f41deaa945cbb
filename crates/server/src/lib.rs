//! The reference backend of the Bình Luận comment API (documented in
//! `crates/api/openapi.yaml`): the JSON API under `/api` and the app's built files beside it.
//!
//! The binary (`src/main.rs`) parses a [`Config`] and runs a [`Server`]; tests start the same
//! [`Server`] in-process.

mod article_fields;
mod auth;
pub mod backup;
mod bundle;
mod client_key;
mod clock;
pub mod config;
mod cursor;
mod db;
mod error;
mod etag;
mod extract;
mod health;
pub mod import;
mod live_policy;
mod measure;
mod metrics_endpoint;
pub mod moderators;
pub mod origin;
mod pages;
pub mod readers;
mod routes;
mod secrets;
mod security;
mod serve;
mod state;
mod static_files;
mod token_guard;
mod validation;
mod views;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use axum::Router;
use binhluan_api::Policy;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;

use crate::bundle::Bundle;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

pub use clock::Clock;
pub use config::Config;
use db::Db;
use live_policy::LivePolicy;
use readers::ReaderKey;
use state::AppState;
use views::ViewCounter;

/// How often the gauges read from the database (its pool, the desk's queues) are refreshed,
/// when metrics are served.
const GAUGE_EVERY: Duration = Duration::from_secs(10);

/// A server bound to its address, with its database open and migrated, ready to run.
#[derive(Debug)]
pub struct Server {
    listener: TcpListener,
    router: Router,
    limits: serve::Limits,
    db: Db,
    state: Arc<AppState>,
    metrics: Option<metrics_endpoint::MetricsListener>,
    login_link: Option<String>,
}

impl Server {
    /// Opens the database (creating the schema and registering the content folder's sample
    /// articles if needed), reads the policy and binds `config.addr` (and the metrics'
    /// address, if given). Requests are judged by the system clock.
    pub async fn bind(config: &Config) -> anyhow::Result<Self> {
        Self::bind_with_clock(config, Clock::system()).await
    }

    /// [`Server::bind`], with requests judged by `clock`: tests give one they move.
    pub async fn bind_with_clock(config: &Config, clock: Clock) -> anyhow::Result<Self> {
        let moderation_token = config.resolved_moderation_token()?;
        // "Thêm dấu"'s model is decoded now, not by the first reader who asks.
        binhluan_diacritics::Model::embedded();
        let seed = read_policy(config).await?;
        let db = Db::open(&config.database_url, config.database_max_connections).await?;
        let reader_secret = match config.resolved_reader_secret()? {
            Some(secret) => secret,
            None => db.reader_secret().await?,
        };
        let seeded_by = if config.policy.is_some() {
            "--policy"
        } else {
            "default"
        };
        let policy = LivePolicy::load(&db, &seed, seeded_by)
            .await
            .context("cannot load the policy")?;
        db.load_content(&config.content)
            .await
            .context("cannot load the sample articles")?;
        let metrics = match config.metrics_addr {
            Some(addr) => Some(metrics_endpoint::MetricsListener::bind(addr).await?),
            None => None,
        };
        let bundle = Bundle::choose(config.dist.clone());
        if bundle.read("index.html").await.is_none() {
            tracing::warn!(dist = %bundle.describe(), "the app is not built: / answers 503 until it is");
        }

        let state = Arc::new(AppState {
            db: db.clone(),
            policy,
            auto_publish: config.auto_publish,
            post_rate_limit: config.post_rate_limit,
            trusted_proxies: config.trusted_proxies.clone(),
            refused_post_rate_limit: config.refused_post_rate_limit,
            moderation_token_digest: moderation_token.as_deref().map(auth::token_digest),
            token_guard: token_guard::TokenGuard::default(),
            allowed_origins: config.allowed_origins.clone(),
            threads: config.threads,
            thread_limit: config.thread_limit,
            views: ViewCounter::default(),
            readers: ReaderKey::new(reader_secret.as_bytes()),
            clock,
        });
        let limits = serve::Limits {
            header_read_timeout: Duration::from_secs(config.header_read_timeout.max(1)),
            request_timeout: Duration::from_secs(config.request_timeout.max(1)),
            max_concurrent_requests: config.max_concurrent_requests.max(1),
        };
        let router = Router::new()
            .nest("/api", routes::api(state.clone()))
            .merge(health::router(state.clone()))
            .merge(pages::router(
                state.clone(),
                bundle.clone(),
                config.public_url.clone(),
                &config.allowed_origins,
            ))
            .merge(static_files::router(bundle, &config.allowed_origins));
        let router = serve::bounded(router, limits)
            .layer(SetResponseHeaderLayer::overriding(
                axum::http::header::X_CONTENT_TYPE_OPTIONS,
                axum::http::HeaderValue::from_static("nosniff"),
            ))
            .layer(CompressionLayer::new())
            .layer(security::cors_layer(&config.allowed_origins))
            .layer(TraceLayer::new_for_http().make_span_with(request_span))
            .layer(PropagateRequestIdLayer::x_request_id())
            .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid));
        let listener = TcpListener::bind(config.addr)
            .await
            .with_context(|| format!("cannot listen on {}", config.addr))?;
        let login_link = moderators::first_login_secret(&db)
            .await
            .context("cannot prepare the first login")?
            .map(|secret| desk_login_link(listener.local_addr(), &secret));
        Ok(Self {
            listener,
            router,
            limits,
            db,
            state,
            metrics,
            login_link,
        })
    }

    /// The address the server listens on (useful when bound to port 0).
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// The one-time link that logs the first admin in to the moderation desk, while no account
    /// has ever logged in (a new one at every start until one does).
    pub fn login_link(&self) -> Option<&str> {
        self.login_link.as_deref()
    }

    /// The address metrics are served on, if they are.
    pub fn metrics_addr(&self) -> Option<std::io::Result<SocketAddr>> {
        self.metrics
            .as_ref()
            .map(metrics_endpoint::MetricsListener::local_addr)
    }

    /// Serves until `shutdown` completes, then finishes the requests in flight, writes the
    /// views counted since the last write, and closes the database. Meanwhile it writes views
    /// every second and follows the policy saved by any process.
    pub async fn run(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let measured = self.metrics.is_some();
        if let Some(metrics) = self.metrics {
            tokio::spawn(metrics.serve());
        }
        let (stop, mut stopped) = tokio::sync::oneshot::channel::<()>();
        let state = self.state.clone();
        // Writes the views and follows the policy; stopped between two steps, never in one.
        let background = tokio::spawn(async move {
            let mut flush = tokio::time::interval(views::FLUSH_EVERY);
            flush.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            let mut follow = tokio::time::interval(live_policy::FOLLOW_EVERY);
            follow.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            let mut gauge = tokio::time::interval(GAUGE_EVERY);
            gauge.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tokio::select! {
                    _ = flush.tick() => state.views.flush(&state.db).await,
                    _ = follow.tick() => state.policy.follow(&state.db).await,
                    _ = gauge.tick(), if measured => measure::database(&state.db).await,
                    _ = &mut stopped => break,
                }
            }
        });
        let served = serve::serve(self.listener, self.router, self.limits, shutdown).await;
        let _ = stop.send(());
        let _ = background.await;
        self.state.views.flush(&self.db).await;
        self.db.close().await;
        served
    }
}

/// The span of one request: every log line written while serving it carries its id (the
/// `X-Request-Id` it came with, say from a proxy, or a new UUID, answered in the same header).
fn request_span(request: &axum::http::Request<axum::body::Body>) -> tracing::Span {
    let id = request
        .headers()
        .get("x-request-id")
        .and_then(|id| id.to_str().ok())
        .unwrap_or_default();
    tracing::info_span!("request", id, method = %request.method(), uri = %request.uri())
}

/// `http://ADDR/kiem-duyet/#dang-nhap=SECRET`: the secret is in the fragment, which browsers
/// never send, so it reaches no access log. A wildcard address is shown as loopback.
fn desk_login_link(addr: std::io::Result<SocketAddr>, secret: &str) -> String {
    let mut addr = addr.unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 3000)));
    if addr.ip().is_unspecified() {
        addr.set_ip(std::net::Ipv4Addr::LOCALHOST.into());
    }
    format!("http://{addr}/kiem-duyet/#dang-nhap={secret}")
}

/// The policy from `--policy`, or the rules crate's default: the first version, if the
/// database has none yet.
async fn read_policy(config: &Config) -> anyhow::Result<Policy> {
    let Some(path) = &config.policy else {
        return Ok(Policy::default());
    };
    let json = tokio::fs::read_to_string(path)
        .await
        .with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_str(&json)
        .with_context(|| format!("{} is not a valid rules policy", path.display()))
}
