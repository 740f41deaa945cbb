//! `POST` and `DELETE /api/comments/{id}/like`: one like per reader, counted by the server.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use binhluan_api::Like;

use crate::error::ApiFailure;
use crate::extract::{CommentId, ReaderId};
use crate::state::AppState;
use crate::validation::missing_reader_id;

/// The reader likes the comment (liking twice counts once).
pub async fn like(
    State(state): State<Arc<AppState>>,
    CommentId(id): CommentId,
    ReaderId(reader): ReaderId,
) -> Result<Json<Like>, ApiFailure> {
    set_like(&state, id, reader, true).await
}

/// The reader no longer likes the comment (unliking twice is harmless).
pub async fn unlike(
    State(state): State<Arc<AppState>>,
    CommentId(id): CommentId,
    ReaderId(reader): ReaderId,
) -> Result<Json<Like>, ApiFailure> {
    set_like(&state, id, reader, false).await
}

/// Records whether `reader` (required) likes comment `id`; the comment's likes.
async fn set_like(
    state: &AppState,
    id: i64,
    reader: Option<String>,
    liked: bool,
) -> Result<Json<Like>, ApiFailure> {
    let reader = reader.ok_or_else(missing_reader_id)?;
    let likes = state
        .db
        .set_like(id, &reader, liked)
        .await?
        .ok_or_else(ApiFailure::comment_not_found)?;
    Ok(Json(Like { likes, liked }))
}
