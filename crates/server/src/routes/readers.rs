//! `POST /api/readers`: a new anonymous reader id, signed by the server, for the app to keep
//! and send as `X-Reader-Id`; a client key gets a bounded number an hour.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use binhluan_api::IssuedReader;

use crate::error::ApiFailure;
use crate::extract::ClientKey;
use crate::state::AppState;

/// Issues a signed reader id (`201`); `429` past the client's hourly bound
/// (`db::readers::READER_IDS_PER_CLIENT_HOUR`).
pub async fn issue(
    State(state): State<Arc<AppState>>,
    ClientKey(client): ClientKey,
) -> Result<(StatusCode, Json<IssuedReader>), ApiFailure> {
    if let Some(retry_after) = state
        .db
        .count_reader_id(&client, state.clock.now_micros())
        .await?
    {
        tracing::info!(%client, "reader id bound reached");
        return Err(ApiFailure::TooManyReaders { retry_after });
    }
    let reader_id = state.readers.issue()?;
    Ok((StatusCode::CREATED, Json(IssuedReader { reader_id })))
}
