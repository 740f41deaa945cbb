//! The policy in force, as this process knows it: read from the database at start, and
//! followed every [`FOLLOW_EVERY`] so that a version saved by any process (the desk's editor)
//! takes effect everywhere within seconds, without a restart.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use anyhow::Context;
use binhluan_api::Policy;

use crate::db::{Db, PolicyRow};

/// How often each process asks the database for a newer version. A newer version is in force
/// everywhere at most this long (plus one query) after it is saved.
pub const FOLLOW_EVERY: Duration = Duration::from_secs(2);

/// A version of the policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Versioned {
    /// Its number.
    pub version: i64,
    /// The rules.
    pub policy: Policy,
    /// When it was saved, in microseconds since the epoch.
    pub saved_at: i64,
    /// Who saved it.
    pub saved_by: String,
}

impl Versioned {
    /// A stored version; `None` if its JSON is not a policy this build understands.
    fn from_row(row: PolicyRow) -> Option<Self> {
        let policy = serde_json::from_str(&row.policy)
            .inspect_err(|error| {
                tracing::error!(version = row.version, %error, "a stored policy cannot be read");
            })
            .ok()?;
        Some(Self {
            version: row.version,
            policy,
            saved_at: row.saved_at,
            saved_by: row.saved_by,
        })
    }
}

/// The version in force in this process.
#[derive(Debug)]
pub struct LivePolicy(RwLock<Arc<Versioned>>);

impl LivePolicy {
    /// Seeds the database with `seed` (from `--policy`, or the defaults) if it has no policy
    /// yet, and starts from the version in force.
    pub async fn load(db: &Db, seed: &Policy, seeded_by: &str) -> anyhow::Result<Self> {
        let json = serde_json::to_string(seed).context("cannot write the policy as JSON")?;
        if !db.seed_policy(&json, seeded_by).await? {
            tracing::info!(
                "the policy in the database is in force; --policy only seeds the first version"
            );
        }
        let current = db
            .current_policy()
            .await?
            .and_then(Versioned::from_row)
            .context("the database holds no policy this server can read")?;
        tracing::info!(version = current.version, "policy in force");
        Ok(Self(RwLock::new(Arc::new(current))))
    }

    /// The version in force.
    pub fn get(&self) -> Arc<Versioned> {
        self.0
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Puts `version` in force here, unless a newer one already is.
    pub fn set(&self, version: Versioned) {
        let mut current = self
            .0
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if version.version > current.version {
            tracing::info!(version = version.version, by = %version.saved_by, "policy in force");
            *current = Arc::new(version);
        }
    }

    /// Asks the database whether a newer version was saved, and puts it in force if so.
    pub async fn follow(&self, db: &Db) {
        let newer = match db.policy_version().await {
            Ok(Some(version)) => version > self.get().version,
            Ok(None) => false,
            Err(error) => {
                tracing::warn!(%error, "cannot ask for the policy's version");
                false
            }
        };
        if !newer {
            return;
        }
        match db.current_policy().await {
            Ok(Some(row)) => {
                if let Some(version) = Versioned::from_row(row) {
                    self.set(version);
                }
            }
            Ok(None) => {}
            Err(error) => tracing::warn!(%error, "cannot read the policy"),
        }
    }
}
