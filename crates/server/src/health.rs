//! `GET /healthz` and `GET /readyz` for load balancers and orchestrators: the process is alive;
//! the database answers within [`READY_WITHIN`] with every migration of this build applied.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;

use crate::state::AppState;

/// How long readiness waits for the database before saying it is not ready.
const READY_WITHIN: Duration = Duration::from_secs(2);

/// The two probes, outside `/api` (never cached, plain text).
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/healthz", get(alive))
        .route("/readyz", get(ready))
        .with_state(state)
}

/// `200 ok` while the process serves requests.
async fn alive() -> impl IntoResponse {
    answer(StatusCode::OK, "ok\n")
}

/// `200 ready`, or `503 not ready` when the database does not answer in time or lacks a
/// migration.
async fn ready(State(state): State<Arc<AppState>>) -> impl IntoResponse {
    let ready = tokio::time::timeout(READY_WITHIN, state.db.is_ready())
        .await
        .unwrap_or(false);
    if ready {
        answer(StatusCode::OK, "ready\n")
    } else {
        tracing::warn!("not ready: the database does not answer or lacks a migration");
        answer(StatusCode::SERVICE_UNAVAILABLE, "not ready\n")
    }
}

fn answer(status: StatusCode, body: &'static str) -> impl IntoResponse {
    (
        status,
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
}
