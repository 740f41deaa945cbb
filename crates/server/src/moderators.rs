//! Moderation accounts, for the `binhluan-server moderators` command, tests and the server's
//! first start: adding one (with a generated password), resetting a password, listing,
//! removing, and the login link printed when no one has logged in yet.

use anyhow::{Context, bail};
use binhluan_api::{Role, is_slug};

use crate::auth::TOKEN_ACTOR;
use crate::clock::now_micros;
use crate::db::{Account, Db};
use crate::secrets::{generated_password, hash_password, random_token};

/// The name of the account made at first start.
pub const FIRST_ADMIN: &str = "admin";
/// How long a login link stays valid, in microseconds: a day.
const LINK_LIFETIME_MICROS: i64 = 24 * 60 * 60 * 1_000_000;

/// Whether `name` can name an account: 2 to 50 of `A-Z a-z 0-9 . _ -`, and not the name the
/// bearer token acts under.
pub fn is_account_name(name: &str) -> bool {
    (2..=50).contains(&name.len()) && is_slug(name) && !name.eq_ignore_ascii_case(TOKEN_ACTOR)
}

/// A new password and its Argon2id hash (hashed on a blocking thread: it takes a while).
async fn new_password() -> anyhow::Result<(String, String)> {
    let password = generated_password()?;
    let hash = tokio::task::spawn_blocking({
        let password = password.clone();
        move || hash_password(&password)
    })
    .await
    .context("the hashing task failed")??;
    Ok((password, hash))
}

/// Adds the account `name` to `db`: its generated password (shown once, stored only as a
/// hash), or `None` when the name is taken.
pub async fn add_to(db: &Db, name: &str, role: Role) -> anyhow::Result<Option<String>> {
    if !is_account_name(name) {
        bail!("{name:?} is not an account name: 2 to 50 of A-Z a-z 0-9 . _ -");
    }
    let (password, hash) = new_password().await?;
    Ok(db
        .add_moderator(name, role, &hash)
        .await?
        .then_some(password))
}

/// Adds the account `name` to the database at `database_url`; its generated password.
pub async fn add(database_url: &str, name: &str, role: Role) -> anyhow::Result<String> {
    let db = Db::open(database_url, 2).await?;
    let added = add_to(&db, name, role).await;
    db.close().await;
    added?.with_context(|| format!("there is an account named {name:?} already"))
}

/// Gives the account `name` of the database at `database_url` a new generated password
/// (for a moderator who lost theirs, or the first admin, who logged in with the link); the
/// password. Its sessions end.
pub async fn reset_password(database_url: &str, name: &str) -> anyhow::Result<String> {
    let db = Db::open(database_url, 2).await?;
    let reset = async {
        let (password, hash) = new_password().await?;
        if !db.set_password(name, &hash).await? {
            bail!("there is no account named {name:?}");
        }
        Ok(password)
    }
    .await;
    db.close().await;
    reset
}

/// Every account of the database at `database_url`, by name.
pub async fn list(database_url: &str) -> anyhow::Result<Vec<Account>> {
    let db = Db::open(database_url, 2).await?;
    let accounts = db.moderators().await;
    db.close().await;
    Ok(accounts?)
}

/// Removes the account `name` of the database at `database_url`; whether there was one.
pub async fn remove(database_url: &str, name: &str) -> anyhow::Result<bool> {
    let db = Db::open(database_url, 2).await?;
    let removed = db.remove_moderator(name).await;
    db.close().await;
    Ok(removed?)
}

/// When no account has ever logged in: makes the first admin if there is none, and a
/// one-time login link's secret for it, valid a day (beside the links other processes on the
/// same database printed).
pub async fn first_login_secret(db: &Db) -> anyhow::Result<Option<String>> {
    let accounts = db.moderators().await?;
    if accounts
        .iter()
        .any(|account| account.last_login_at.is_some())
    {
        return Ok(None);
    }
    let admin = match accounts
        .into_iter()
        .find(|account| account.role == Role::Admin)
    {
        Some(admin) => admin,
        None => {
            add_to(db, FIRST_ADMIN, Role::Admin).await?;
            db.moderators()
                .await?
                .into_iter()
                .find(|account| account.name == FIRST_ADMIN)
                .context("the first admin was not saved")?
        }
    };
    let secret = random_token()?;
    db.issue_login_link(&admin, &secret, now_micros() + LINK_LIFETIME_MICROS)
        .await?;
    Ok(Some(secret))
}
