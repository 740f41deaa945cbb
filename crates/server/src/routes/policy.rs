//! The policy: `GET /api/policy`, the rules the server enforces, for the app to check with in
//! the browser; and the desk's editor, `GET` and `PUT /api/moderation/policy` (saving is for
//! admins), whose saves every server process puts in force within seconds.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use binhluan_api::{Policy, PolicyEdit, PolicyVersion};

use crate::auth::{Admin, Moderator};
use crate::clock::rfc3339;
use crate::error::ApiFailure;
use crate::extract::JsonBody;
use crate::live_policy::Versioned;
use crate::state::AppState;
use crate::validation;

/// The policy every posted comment is checked against.
pub async fn policy(State(state): State<Arc<AppState>>) -> Json<Policy> {
    Json(state.policy.get().policy.clone())
}

/// The version in force, with its number for the next edit.
pub async fn current(_: Moderator, State(state): State<Arc<AppState>>) -> Json<PolicyVersion> {
    Json(wire(&state.policy.get()))
}

/// Saves an admin's edit as the next version and puts it in force here at once (other
/// processes follow within `live_policy::FOLLOW_EVERY`); `409 policy_changed` when someone
/// saved since the edit began.
pub async fn save(
    Admin(admin): Admin,
    State(state): State<Arc<AppState>>,
    JsonBody(edit): JsonBody<PolicyEdit>,
) -> Result<Json<PolicyVersion>, ApiFailure> {
    validation::policy(&edit.policy)?;
    let json = serde_json::to_string(&edit.policy)?;
    let saved = state
        .db
        .save_policy(edit.base_version, &json, &admin.name)
        .await?
        .ok_or(ApiFailure::PolicyChanged)?;
    let version = Versioned {
        version: saved.version,
        policy: edit.policy,
        saved_at: saved.saved_at,
        saved_by: saved.saved_by,
    };
    tracing::info!(version = version.version, by = %admin.name, "policy saved");
    let answer = wire(&version);
    state.policy.set(version);
    Ok(Json(answer))
}

fn wire(version: &Versioned) -> PolicyVersion {
    PolicyVersion {
        version: version.version,
        policy: version.policy.clone(),
        saved_at: rfc3339(version.saved_at),
        saved_by: version.saved_by.clone(),
    }
}
