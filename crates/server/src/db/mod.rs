//! The data layer: one sqlx `Any` pool over SQLite or PostgreSQL, runtime queries whose SQL
//! both accept (`$N` parameters, `ON CONFLICT`, `RETURNING`, row values).

mod articles;
mod backfill;
mod bans;
mod comments;
mod decisions;
mod group_commit;
mod likes;
mod moderators;
mod policy;
mod posting;
mod queue;
mod rate_limit;
mod readers;
mod reports;
mod retention;
mod seed;

use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::AtomicI64;
use std::time::Duration;

use anyhow::{Context, bail};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};
use tokio::sync::{Mutex, MutexGuard};

use group_commit::PostQueue;

pub use articles::{ArticleRecord, EmbedThread, Saved, StoredArticle, Thread};
pub use bans::{BanOutcome, BanRequest};
pub use comments::ParentProblem;
pub use decisions::{Decision, Outcome};
pub use likes::LikeOutcome;
pub use moderators::Account;
pub use policy::PolicyRow;
pub use posting::{NewCommentRecord, PostOutcome};
pub use queue::{QueueFilter, queue_order};
pub use rate_limit::Bucket;
pub use reports::{ReportOutcome, ReportRecord};

/// The database engine behind a URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// One SQLite file: WAL, `synchronous=FULL`, foreign keys on.
    Sqlite,
    /// A PostgreSQL database that several server processes may share.
    Postgres,
}

impl Backend {
    /// The engine a database URL names.
    pub fn of_url(url: &str) -> anyhow::Result<Self> {
        if url.starts_with("sqlite:") {
            Ok(Self::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgres)
        } else {
            bail!("unsupported database URL {url:?}: use sqlite://FILE or postgres://…")
        }
    }
}

/// How long a connection waits for SQLite's write lock before giving up.
const SQLITE_BUSY_TIMEOUT_MS: u32 = 10_000;

/// The shared connection pool, cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    /// SQLite only: this process's queue of writers (see [`Db::write_turn`]).
    write_gate: Option<Arc<Mutex<()>>>,
    /// SQLite only: posts go to the task that commits them in groups.
    post_queue: Option<PostQueue>,
    /// When this process next purges expired idempotency keys (microseconds since the epoch;
    /// 0: at its first post).
    next_key_purge: Arc<AtomicI64>,
    /// The database's own secret key for pseudonyms (made at its first open, shared by every
    /// process): a pseudonym cannot be reversed by hashing every address.
    pseudonym_key: Arc<str>,
    /// How many migrations this build knows: a database with fewer applied is not ready.
    migrations: usize,
}

impl Db {
    /// Connects to `url` (creating a missing SQLite file) and brings the schema up to date.
    pub async fn open(url: &str, max_connections: u32) -> anyhow::Result<Self> {
        sqlx::any::install_default_drivers();
        let backend = Backend::of_url(url)?;
        let url = match backend {
            Backend::Sqlite if !url.contains("mode=") => {
                let separator = if url.contains('?') { '&' } else { '?' };
                format!("{url}{separator}mode=rwc")
            }
            _ => url.to_owned(),
        };
        let options = AnyConnectOptions::from_str(&url).context("invalid database URL")?;
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections.max(1))
            .acquire_timeout(Duration::from_secs(30))
            // A SQLite connection is a file this process holds open: nothing can hang up on it,
            // so it is not pinged before each use (a round trip to its worker thread: a thread
            // read took 800 µs of CPU with the pings, 589 without). A PostgreSQL connection is,
            // as its server may have restarted.
            .test_before_acquire(backend == Backend::Postgres)
            .after_connect(move |connection, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL lets readers work while one writer commits. FULL syncs the WAL on
                        // every commit: an acknowledged comment survives a crash or power loss.
                        connection
                            .execute(
                                format!(
                                    "PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}; PRAGMA journal_mode = WAL; \
                                     PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"
                                )
                                .as_str(),
                            )
                            .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await
            .context("cannot connect to the database")?;
        let migrator = match backend {
            Backend::Sqlite => sqlx::migrate!("./migrations/sqlite"),
            Backend::Postgres => sqlx::migrate!("./migrations/postgres"),
        };
        migrator
            .run(&pool)
            .await
            .context("cannot migrate the database")?;
        let write_gate = (backend == Backend::Sqlite).then(|| Arc::new(Mutex::new(())));
        let pseudonym_key = server_secret(&pool, "pseudonyms").await?;
        let mut db = Self {
            pool,
            write_gate,
            post_queue: None,
            next_key_purge: Arc::new(AtomicI64::new(0)),
            pseudonym_key: pseudonym_key.into(),
            migrations: migrator.iter().count(),
        };
        db.backfill()
            .await
            .context("cannot fill in what earlier versions did not store")?;
        if backend == Backend::Sqlite {
            db.post_queue = Some(PostQueue::start(db.clone()));
        }
        tracing::info!(?backend, "database ready");
        Ok(db)
    }

    /// Waits for this process's turn to write. SQLite lets one connection write at a time;
    /// queueing the writers here, in order, instead of in SQLite's busy handler (which polls
    /// with growing sleeps) keeps the latency tail short. Other processes on the same file
    /// still wait through the busy timeout. PostgreSQL locks rows and needs no queue.
    async fn write_turn(&self) -> Option<MutexGuard<'_, ()>> {
        match &self.write_gate {
            Some(gate) => Some(gate.lock().await),
            None => None,
        }
    }

    /// The pool's connections: open, and idle among them.
    pub fn pool_size(&self) -> (u32, u32) {
        let idle = u32::try_from(self.pool.num_idle()).unwrap_or(u32::MAX);
        (self.pool.size(), idle)
    }

    /// Whether the database answers and has every migration of this build applied.
    pub async fn is_ready(&self) -> bool {
        let applied: Result<i64, _> =
            sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success")
                .fetch_one(&self.pool)
                .await;
        applied.is_ok_and(|applied| usize::try_from(applied).is_ok_and(|n| n >= self.migrations))
    }

    /// The database's key for signing reader ids, made at its first use and shared by every
    /// process on this database (unless `--reader-secret` gives one).
    pub async fn reader_secret(&self) -> anyhow::Result<String> {
        server_secret(&self.pool, "readers").await
    }

    /// Closes every connection (so a SQLite file is checkpointed and released).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// The server's own secret `name` (a random 256-bit token), made at its first use.
async fn server_secret(pool: &AnyPool, name: &str) -> anyhow::Result<String> {
    sqlx::query(
        "INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
    )
    .bind(name)
    .bind(crate::secrets::random_token()?)
    .execute(pool)
    .await
    .with_context(|| format!("cannot make the server's {name} secret"))?;
    sqlx::query_scalar("SELECT value FROM server_secrets WHERE name = $1")
        .bind(name)
        .fetch_one(pool)
        .await
        .with_context(|| format!("cannot read the server's {name} secret"))
}
