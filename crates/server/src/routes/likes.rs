//! `POST` and `DELETE /api/comments/{id}/like`: one like per reader, counted by the server.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use binhluan_api::Like;

use crate::db::LikeOutcome;
use crate::error::ApiFailure;
use crate::extract::{ClientKey, CommentId, ReaderId};
use crate::state::AppState;
use crate::validation::missing_reader_id;

/// The reader likes the comment (liking twice counts once).
pub async fn like(
    State(state): State<Arc<AppState>>,
    CommentId(id): CommentId,
    ClientKey(client): ClientKey,
    ReaderId(reader): ReaderId,
) -> Result<Json<Like>, ApiFailure> {
    set_like(&state, id, reader, &client, true).await
}

/// The reader no longer likes the comment (unliking twice is harmless).
pub async fn unlike(
    State(state): State<Arc<AppState>>,
    CommentId(id): CommentId,
    ClientKey(client): ClientKey,
    ReaderId(reader): ReaderId,
) -> Result<Json<Like>, ApiFailure> {
    set_like(&state, id, reader, &client, false).await
}

/// Records whether `reader` (required) likes comment `id`, within `client`'s limits; the
/// comment's likes.
async fn set_like(
    state: &AppState,
    id: i64,
    reader: Option<String>,
    client: &str,
    liked: bool,
) -> Result<Json<Like>, ApiFailure> {
    let reader = reader.ok_or_else(missing_reader_id)?;
    match state
        .db
        .set_like(id, &reader, liked, client, state.clock.now_micros())
        .await?
    {
        LikeOutcome::Likes(likes) => Ok(Json(Like { likes, liked })),
        LikeOutcome::NotFound => Err(ApiFailure::comment_not_found()),
        LikeOutcome::Limited(retry_after) => {
            tracing::info!(%client, "like rate limit reached");
            Err(ApiFailure::TooManyLikes { retry_after })
        }
    }
}
