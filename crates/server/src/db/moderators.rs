//! Moderation accounts, their desk sessions and one-time login links. Secrets are stored as
//! SHA-256 digests (session cookies, link secrets) or Argon2id hashes (passwords).

use binhluan_api::Role;
use sha2::{Digest, Sha256};

use super::Db;
use super::rate_limit::{Bucket, count_hit, uncount_hit};
use crate::clock::now_micros;

/// A moderation account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    /// Its id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// What it may do.
    pub role: Role,
    /// When it was made, in microseconds since the epoch.
    pub created_at: i64,
    /// When it last logged in, if ever.
    pub last_login_at: Option<i64>,
}

/// A valid desk session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionRow {
    /// Whose.
    pub account: Account,
    /// The CSRF token its writes must echo.
    pub csrf_token: String,
    /// When it ends, in microseconds since the epoch.
    pub expires_at: i64,
}

type AccountColumns = (i64, String, String, i64, Option<i64>);

/// A session joined with its account.
#[derive(sqlx::FromRow)]
struct SessionColumns {
    id: i64,
    name: String,
    role: String,
    created_at: i64,
    last_login_at: Option<i64>,
    csrf_token: String,
    expires_at: i64,
}

fn account((id, name, role, created_at, last_login_at): AccountColumns) -> Account {
    Account {
        id,
        name,
        role: role_from_column(&role),
        created_at,
        last_login_at,
    }
}

/// A role as the `role` column stores it.
fn role_column(role: Role) -> &'static str {
    match role {
        Role::Admin => "admin",
        Role::Moderator => "moderator",
    }
}

fn role_from_column(column: &str) -> Role {
    if column == "admin" {
        Role::Admin
    } else {
        Role::Moderator
    }
}

/// The digest a secret (a session cookie, a link's secret) is stored and looked up by.
pub fn secret_digest(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

impl Db {
    /// Creates an account; `false` when the name is taken.
    pub async fn add_moderator(
        &self,
        name: &str,
        role: Role,
        password_hash: &str,
    ) -> Result<bool, sqlx::Error> {
        let _turn = self.write_turn().await;
        let inserted = sqlx::query(
            "INSERT INTO moderators (name, role, password_hash, created_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (name) DO NOTHING",
        )
        .bind(name)
        .bind(role_column(role))
        .bind(password_hash)
        .bind(now_micros())
        .execute(&self.pool)
        .await?;
        Ok(inserted.rows_affected() == 1)
    }

    /// Every account, by name.
    pub async fn moderators(&self) -> Result<Vec<Account>, sqlx::Error> {
        let rows: Vec<AccountColumns> = sqlx::query_as(
            "SELECT id, name, role, created_at, last_login_at FROM moderators ORDER BY name",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(account).collect())
    }

    /// Removes the account `name` (its sessions and links with it); whether there was one.
    pub async fn remove_moderator(&self, name: &str) -> Result<bool, sqlx::Error> {
        let _turn = self.write_turn().await;
        let mut transaction = self.pool.begin().await?;
        let id: Option<i64> = sqlx::query_scalar("SELECT id FROM moderators WHERE name = $1")
            .bind(name)
            .fetch_optional(&mut *transaction)
            .await?;
        let Some(id) = id else {
            transaction.rollback().await?;
            return Ok(false);
        };
        for sql in [
            "DELETE FROM moderator_sessions WHERE moderator_id = $1",
            "DELETE FROM login_links WHERE moderator_id = $1",
            "DELETE FROM moderators WHERE id = $1",
        ] {
            sqlx::query(sql).bind(id).execute(&mut *transaction).await?;
        }
        transaction.commit().await?;
        Ok(true)
    }

    /// Gives the account `name` a new password hash and ends its sessions; whether there is
    /// such an account.
    pub async fn set_password(&self, name: &str, password_hash: &str) -> Result<bool, sqlx::Error> {
        let _turn = self.write_turn().await;
        let mut transaction = self.pool.begin().await?;
        let id: Option<i64> = sqlx::query_scalar(
            "UPDATE moderators SET password_hash = $1 WHERE name = $2 RETURNING id",
        )
        .bind(password_hash)
        .bind(name)
        .fetch_optional(&mut *transaction)
        .await?;
        if let Some(id) = id {
            sqlx::query("DELETE FROM moderator_sessions WHERE moderator_id = $1")
                .bind(id)
                .execute(&mut *transaction)
                .await?;
        }
        transaction.commit().await?;
        Ok(id.is_some())
    }

    /// The account `name` and its password hash.
    pub async fn moderator_credentials(
        &self,
        name: &str,
    ) -> Result<Option<(Account, String)>, sqlx::Error> {
        let row: Option<(i64, String, String, i64, Option<i64>, String)> = sqlx::query_as(
            "SELECT id, name, role, created_at, last_login_at, password_hash FROM moderators WHERE name = $1",
        )
        .bind(name)
        .fetch_optional(&self.pool)
        .await?;
        Ok(
            row.map(|(id, name, role, created_at, last_login_at, hash)| {
                (account((id, name, role, created_at, last_login_at)), hash)
            }),
        )
    }

    /// Starts a session for `account` until `expires_at`, recording the login.
    pub async fn start_session(
        &self,
        account: &Account,
        token: &str,
        csrf_token: &str,
        expires_at: i64,
    ) -> Result<(), sqlx::Error> {
        let now = now_micros();
        let _turn = self.write_turn().await;
        let mut transaction = self.pool.begin().await?;
        sqlx::query("DELETE FROM moderator_sessions WHERE expires_at < $1")
            .bind(now)
            .execute(&mut *transaction)
            .await?;
        sqlx::query(
            "INSERT INTO moderator_sessions (token_hash, moderator_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(secret_digest(token))
        .bind(account.id)
        .bind(csrf_token)
        .bind(expires_at)
        .execute(&mut *transaction)
        .await?;
        sqlx::query("UPDATE moderators SET last_login_at = $1 WHERE id = $2")
            .bind(now)
            .bind(account.id)
            .execute(&mut *transaction)
            .await?;
        transaction.commit().await
    }

    /// The session whose cookie is `token`, if it has not ended.
    pub async fn session(&self, token: &str) -> Result<Option<SessionRow>, sqlx::Error> {
        let row: Option<SessionColumns> = sqlx::query_as(
            "SELECT m.id, m.name, m.role, m.created_at, m.last_login_at, s.csrf_token, s.expires_at \
             FROM moderator_sessions s JOIN moderators m ON m.id = s.moderator_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2",
        )
        .bind(secret_digest(token))
        .bind(now_micros())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|row| SessionRow {
            account: account((
                row.id,
                row.name,
                row.role,
                row.created_at,
                row.last_login_at,
            )),
            csrf_token: row.csrf_token,
            expires_at: row.expires_at,
        }))
    }

    /// Ends the session whose cookie is `token`.
    pub async fn end_session(&self, token: &str) -> Result<(), sqlx::Error> {
        let _turn = self.write_turn().await;
        sqlx::query("DELETE FROM moderator_sessions WHERE token_hash = $1")
            .bind(secret_digest(token))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Adds a login link for `account` whose secret is `token`, valid until `expires_at`
    /// (expired links are deleted).
    pub async fn issue_login_link(
        &self,
        account: &Account,
        token: &str,
        expires_at: i64,
    ) -> Result<(), sqlx::Error> {
        let _turn = self.write_turn().await;
        let mut transaction = self.pool.begin().await?;
        sqlx::query("DELETE FROM login_links WHERE expires_at < $1")
            .bind(now_micros())
            .execute(&mut *transaction)
            .await?;
        sqlx::query(
            "INSERT INTO login_links (token_hash, moderator_id, expires_at) VALUES ($1, $2, $3)",
        )
        .bind(secret_digest(token))
        .bind(account.id)
        .bind(expires_at)
        .execute(&mut *transaction)
        .await?;
        transaction.commit().await
    }

    /// Uses up the login link whose secret is `token`: its account, if the link was valid.
    pub async fn use_login_link(&self, token: &str) -> Result<Option<Account>, sqlx::Error> {
        let _turn = self.write_turn().await;
        let mut transaction = self.pool.begin().await?;
        let id: Option<i64> = sqlx::query_scalar(
            "DELETE FROM login_links WHERE token_hash = $1 AND expires_at > $2 RETURNING moderator_id",
        )
        .bind(secret_digest(token))
        .bind(now_micros())
        .fetch_optional(&mut *transaction)
        .await?;
        let row: Option<AccountColumns> = match id {
            Some(id) => sqlx::query_as(
                "SELECT id, name, role, created_at, last_login_at FROM moderators WHERE id = $1",
            )
            .bind(id)
            .fetch_optional(&mut *transaction)
            .await?,
            None => None,
        };
        transaction.commit().await?;
        Ok(row.map(account))
    }

    /// Counts a login attempt for `name` from `client` before the password is checked, so
    /// that parallel guesses cannot slip past the bound: `Some(seconds to wait)` when either
    /// has made more than `limit` attempts in its window.
    pub async fn count_login_attempt(
        &self,
        name: &str,
        client: &str,
        limit: u32,
        now: i64,
    ) -> Result<Option<u64>, sqlx::Error> {
        let _turn = self.write_turn().await;
        let mut transaction = self.pool.begin().await?;
        let mut wait = None;
        for (bucket, key) in [(Bucket::LoginAccount, name), (Bucket::LoginClient, client)] {
            if let Some(seconds) = count_hit(&mut transaction, bucket, key, limit, now).await? {
                wait = wait.max(Some(seconds));
            }
        }
        transaction.commit().await?;
        Ok(wait)
    }

    /// Takes back the attempt of a login that succeeded: only failures use up the bound.
    pub async fn forget_login_attempt(
        &self,
        name: &str,
        client: &str,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        let _turn = self.write_turn().await;
        let mut transaction = self.pool.begin().await?;
        for (bucket, key) in [(Bucket::LoginAccount, name), (Bucket::LoginClient, client)] {
            uncount_hit(&mut transaction, bucket, key, now).await?;
        }
        transaction.commit().await
    }
}
