//! `GET /api/articles/{slug}` and `POST /api/articles/{slug}/views`.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use binhluan_api::{Article, ViewCount};

use crate::error::ApiFailure;
use crate::state::AppState;

/// The article, with its current view count.
pub async fn article(
    State(state): State<Arc<AppState>>,
    Path(slug): Path<String>,
) -> Result<Json<Article>, ApiFailure> {
    state
        .db
        .article(&slug)
        .await?
        .map(Json)
        .ok_or_else(ApiFailure::article_not_found)
}

/// Counts a view of the article.
pub async fn add_view(
    State(state): State<Arc<AppState>>,
    Path(slug): Path<String>,
) -> Result<Json<ViewCount>, ApiFailure> {
    let views = state
        .db
        .add_view(&slug)
        .await?
        .ok_or_else(ApiFailure::article_not_found)?;
    Ok(Json(ViewCount { views }))
}
