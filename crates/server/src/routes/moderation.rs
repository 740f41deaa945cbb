//! Moderation, behind `Authorization: Bearer <token>`: the queue, approving and rejecting.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use binhluan_api::{Comment, CommentPage, CommentStatus, ModerationDecision};
use serde::Deserialize;

use super::{page_limit, page_start};
use crate::cursor::CursorOrder;
use crate::error::ApiFailure;
use crate::extract::{ApiQuery, CommentId, JsonBody};
use crate::security::Moderator;
use crate::state::AppState;

/// The query of `GET /api/moderation/comments`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QueueQuery {
    status: Option<CommentStatus>,
    cursor: Option<String>,
    limit: Option<u32>,
}

/// The comments in a status (pending by default) on every article, oldest first, with the
/// authors' e-mails; replies are listed flat, with their `parent_id`.
pub async fn queue(
    _: Moderator,
    State(state): State<Arc<AppState>>,
    ApiQuery(query): ApiQuery<QueueQuery>,
) -> Result<Json<CommentPage>, ApiFailure> {
    let limit = page_limit(query.limit)?;
    let after = page_start(query.cursor.as_deref(), CursorOrder::Oldest)?;
    let status = query.status.unwrap_or(CommentStatus::Pending);
    let listing = state.db.moderation_page(status, after, limit).await?;
    Ok(Json(listing.into_page()))
}

/// Publishes a comment.
pub async fn approve(
    _: Moderator,
    State(state): State<Arc<AppState>>,
    CommentId(id): CommentId,
) -> Result<Json<Comment>, ApiFailure> {
    let comment = state
        .db
        .moderate(id, CommentStatus::Published, None)
        .await?
        .ok_or_else(ApiFailure::comment_not_found)?;
    tracing::info!(id, "comment approved");
    Ok(Json(comment))
}

/// Rejects a comment; the body must give a reason.
pub async fn reject(
    _: Moderator,
    State(state): State<Arc<AppState>>,
    CommentId(id): CommentId,
    JsonBody(decision): JsonBody<ModerationDecision>,
) -> Result<Json<Comment>, ApiFailure> {
    let reason = decision
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|reason| !reason.is_empty())
        .ok_or_else(|| {
            ApiFailure::invalid(
                "reason",
                "Cần ghi lý do từ chối.",
                "A reason is required to reject a comment.",
            )
        })?;
    let comment = state
        .db
        .moderate(id, CommentStatus::Rejected, Some(reason))
        .await?
        .ok_or_else(ApiFailure::comment_not_found)?;
    tracing::info!(id, "comment rejected");
    Ok(Json(comment))
}
