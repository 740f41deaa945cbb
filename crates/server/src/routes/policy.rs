//! `GET /api/policy`: the rules the server enforces, for the app to check with in the browser.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use binhluan_api::Policy;

use crate::state::AppState;

/// The policy every posted comment is checked against.
pub async fn policy(State(state): State<Arc<AppState>>) -> Json<Policy> {
    Json(state.policy.clone())
}
