//! `backup` and `restore` of a SQLite database. A backup is a consistent copy taken while the
//! server runs (`VACUUM INTO`: one read transaction, so posts go on meanwhile); it is checked
//! (`PRAGMA integrity_check`, and that it is a Bình Luận database) before it is called done.
//! A restore checks the copy first, then swaps it in for a stopped server's database, keeping
//! the database it replaces beside it. PostgreSQL has `pg_dump` (see the README).

use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{Context, bail};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

use crate::db::Backend;

/// What a checked copy holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// Its size in bytes.
    pub bytes: u64,
    /// The comments in it, of every status.
    pub comments: i64,
    /// The schema migrations applied to it.
    pub migrations: i64,
}

/// Writes a consistent copy of the SQLite database at `database_url` to `file` (which must not
/// exist), while the server may be running, and checks it.
pub async fn backup(database_url: &str, file: &Path) -> anyhow::Result<Snapshot> {
    let source = sqlite_options(database_url)?;
    if file.exists() {
        bail!(
            "{} exists: a backup never overwrites a file",
            file.display()
        );
    }
    let mut connection = source
        .create_if_missing(false)
        .connect()
        .await
        .with_context(|| format!("cannot open {database_url}"))?;
    let into = file
        .to_str()
        .with_context(|| format!("{} is not a UTF-8 path", file.display()))?;
    sqlx::query("VACUUM INTO ?")
        .bind(into)
        .execute(&mut connection)
        .await
        .with_context(|| format!("cannot write the backup to {}", file.display()))?;
    connection.close().await.ok();
    check(file).await
}

/// Replaces the SQLite database at `database_url` with the backup `file`, after checking it.
/// The server must be stopped (a database with a write-ahead log is refused); the database it
/// replaces is kept as `NAME.before-restore`.
pub async fn restore(database_url: &str, file: &Path) -> anyhow::Result<Snapshot> {
    let snapshot = check(file).await?;
    let target = sqlite_options(database_url)?.get_filename().to_owned();
    if sibling(&target, "-wal").exists() {
        bail!(
            "{} has a write-ahead log: stop the server first (after a crash, start and stop it \
             once so that it checkpoints)",
            target.display()
        );
    }
    let staged = sibling(&target, ".restoring");
    std::fs::copy(file, &staged)
        .with_context(|| format!("cannot copy {} to {}", file.display(), staged.display()))?;
    std::fs::File::open(&staged)
        .and_then(|staged| staged.sync_all())
        .with_context(|| format!("cannot sync {}", staged.display()))?;
    if target.exists() {
        let kept = sibling(&target, ".before-restore");
        std::fs::rename(&target, &kept)
            .with_context(|| format!("cannot move {} aside", target.display()))?;
        std::fs::remove_file(sibling(&target, "-shm")).ok();
    }
    std::fs::rename(&staged, &target)
        .with_context(|| format!("cannot put the backup in place at {}", target.display()))?;
    Ok(snapshot)
}

/// Whether `file` is an intact Bình Luận database; what it holds.
pub async fn check(file: &Path) -> anyhow::Result<Snapshot> {
    let mut connection = SqliteConnectOptions::new()
        .filename(file)
        .read_only(true)
        .connect()
        .await
        .with_context(|| format!("cannot open {}", file.display()))?;
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut connection)
        .await
        .with_context(|| format!("{} is not a SQLite database", file.display()))?;
    if integrity != "ok" {
        bail!("{} is damaged: {integrity}", file.display());
    }
    let counts: Result<(i64, i64), _> = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM comments), (SELECT COUNT(*) FROM _sqlx_migrations)",
    )
    .fetch_one(&mut connection)
    .await;
    let Ok((comments, migrations)) = counts else {
        bail!("{} is not a Bình Luận database", file.display());
    };
    connection.close().await.ok();
    let bytes = std::fs::metadata(file)?.len();
    Ok(Snapshot {
        bytes,
        comments,
        migrations,
    })
}

/// The connection options of a `sqlite:` URL; a PostgreSQL URL is told to use `pg_dump`.
fn sqlite_options(database_url: &str) -> anyhow::Result<SqliteConnectOptions> {
    if Backend::of_url(database_url)? == Backend::Postgres {
        bail!(
            "backup and restore copy SQLite databases; for PostgreSQL use pg_dump and pg_restore \
             (see the server README)"
        );
    }
    SqliteConnectOptions::from_str(database_url).context("invalid database URL")
}

/// `path` with `suffix` added to its file name (`binhluan.db` → `binhluan.db-wal`).
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
