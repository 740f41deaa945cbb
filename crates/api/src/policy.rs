//! The policy as the desk's editor reads and saves it.

use serde::{Deserialize, Serialize};

use crate::Policy;

/// A version of the policy (`GET`, and the answer to `PUT`, of `/api/moderation/policy`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyVersion {
    /// Its number: 1 is the one `--policy` (or the defaults) seeded; each save adds one.
    pub version: i64,
    /// The rules.
    pub policy: Policy,
    /// When it was saved, RFC 3339 in UTC.
    pub saved_at: String,
    /// Who saved it: an admin's account name, or `--policy` / `default` for version 1.
    pub saved_by: String,
}

/// An admin's edit (`PUT /api/moderation/policy`): the new rules, and the version they were
/// edited from, so that an edit never silently overwrites someone else's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyEdit {
    /// The version the edit started from; `409 policy_changed` if it is no longer in force.
    pub base_version: i64,
    /// The new rules.
    pub policy: Policy,
}
