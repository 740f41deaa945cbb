//! The policy's versions: the one in force (the highest), and saving a new one on top of the
//! version an admin edited.

use super::Db;
use crate::clock::now_micros;

/// One stored version of the policy.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct PolicyRow {
    /// Its number, from 1.
    pub version: i64,
    /// `binhluan_rules::Policy` as JSON.
    pub policy: String,
    /// When it was saved, in microseconds since the epoch.
    pub saved_at: i64,
    /// Who saved it.
    pub saved_by: String,
}

impl Db {
    /// Stores `policy` (JSON) as version 1 unless there is a version already; `true` if it did.
    pub async fn seed_policy(&self, policy: &str, saved_by: &str) -> Result<bool, sqlx::Error> {
        let _turn = self.write_turn().await;
        let inserted = sqlx::query(
            "INSERT INTO policy_versions (version, policy, saved_at, saved_by) \
             SELECT 1, $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM policy_versions) \
             ON CONFLICT (version) DO NOTHING",
        )
        .bind(policy)
        .bind(now_micros())
        .bind(saved_by)
        .execute(&self.pool)
        .await?;
        Ok(inserted.rows_affected() == 1)
    }

    /// The number of the version in force: one indexed lookup, cheap enough to poll.
    pub async fn policy_version(&self) -> Result<Option<i64>, sqlx::Error> {
        sqlx::query_scalar("SELECT MAX(version) FROM policy_versions")
            .fetch_one(&self.pool)
            .await
    }

    /// The version in force, if any was stored.
    pub async fn current_policy(&self) -> Result<Option<PolicyRow>, sqlx::Error> {
        sqlx::query_as(
            "SELECT version, policy, saved_at, saved_by FROM policy_versions \
             ORDER BY version DESC LIMIT 1",
        )
        .fetch_optional(&self.pool)
        .await
    }

    /// Stores `policy` (JSON) as version `base + 1`; `None` when `base` is no longer the
    /// version in force (someone saved since).
    pub async fn save_policy(
        &self,
        base: i64,
        policy: &str,
        saved_by: &str,
    ) -> Result<Option<PolicyRow>, sqlx::Error> {
        let _turn = self.write_turn().await;
        let row = PolicyRow {
            version: base + 1,
            policy: policy.to_owned(),
            saved_at: now_micros(),
            saved_by: saved_by.to_owned(),
        };
        let inserted = sqlx::query(
            "INSERT INTO policy_versions (version, policy, saved_at, saved_by) \
             SELECT $1, $2, $3, $4 WHERE (SELECT MAX(version) FROM policy_versions) = $5 \
             ON CONFLICT (version) DO NOTHING",
        )
        .bind(row.version)
        .bind(&row.policy)
        .bind(row.saved_at)
        .bind(&row.saved_by)
        .bind(base)
        .execute(&self.pool)
        .await?;
        Ok((inserted.rows_affected() == 1).then_some(row))
    }
}
