//! Articles: what readers see of one (`GET /api/articles/{slug}`, its views), and the
//! newsroom's registry (`PUT /api/articles/{slug}`, `GET /api/articles`).

use std::sync::Arc;
use std::time::Instant;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use binhluan_api::{Article, ArticleInput, ArticleList, ArticleOrigin, ViewCount};
use serde::Deserialize;

use super::page_limit;
use crate::article_fields::{self, CheckedArticle};
use crate::auth::{Admin, Moderator};
use crate::clock::rfc3339_seconds;
use crate::cursor::ArticleCursor;
use crate::db::{ArticleRecord, Saved};
use crate::error::ApiFailure;
use crate::extract::{ApiQuery, ClientKey, JsonBody, ReaderId};
use crate::state::AppState;

/// The article as readers get it: `404` when there is none or it is hidden; `comments` says
/// whether its thread takes comments now.
pub async fn article(
    State(state): State<Arc<AppState>>,
    Path(slug): Path<String>,
) -> Result<Json<Article>, ApiFailure> {
    let stored = state
        .db
        .article(&slug)
        .await?
        .filter(|stored| !stored.thread.hidden)
        .ok_or_else(ApiFailure::article_not_found)?;
    Ok(Json(state.for_readers(stored)))
}

/// Counts a view of the article (once an hour per reader, see [`crate::views`]).
pub async fn add_view(
    State(state): State<Arc<AppState>>,
    Path(slug): Path<String>,
    ClientKey(client): ClientKey,
    ReaderId(reader): ReaderId,
) -> Result<Json<ViewCount>, ApiFailure> {
    let views = count_view(&state, &slug, reader.as_deref(), &client).await?;
    Ok(Json(ViewCount { views }))
}

/// Counts a view of `slug` by `reader` (see [`crate::views`]): its views, written or not.
async fn count_view(
    state: &AppState,
    slug: &str,
    reader: Option<&str>,
    client: &str,
) -> Result<u64, ApiFailure> {
    let stored = state
        .db
        .stored_views(slug)
        .await?
        .ok_or_else(ApiFailure::article_not_found)?;
    state.views.record(slug, reader, client, Instant::now());
    Ok(stored + state.views.pending(slug))
}

/// A transparent 1×1 GIF.
const PIXEL: &[u8] = &[
    0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00,
    0xff, 0xff, 0xff, 0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b,
];

/// Counts a view of the article by readers without JavaScript: the article page asks for
/// this picture inside `<noscript>`, which browsers running scripts never load (they count
/// through `embed.js` instead). Never cached, so a cached page still counts every reading.
pub async fn view_pixel(
    State(state): State<Arc<AppState>>,
    Path(slug): Path<String>,
    ClientKey(client): ClientKey,
) -> Result<Response, ApiFailure> {
    count_view(&state, &slug, None, &client).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/gif"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        PIXEL,
    )
        .into_response())
}

/// Creates (`201`) or replaces (`200`) the article `slug` as the newsroom's CMS describes it.
/// Its comments and views are kept; an undated article keeps its date, or is dated now.
pub async fn put(
    _: Admin,
    State(state): State<Arc<AppState>>,
    Path(slug): Path<String>,
    JsonBody(input): JsonBody<ArticleInput>,
) -> Result<(StatusCode, Json<Article>), ApiFailure> {
    let slug = article_fields::slug(&slug)?;
    let undated = match state.db.article(slug).await? {
        Some(existing) => (existing.article.published_at, existing.thread.published_at),
        None => {
            let now = state.clock.now_micros();
            (rfc3339_seconds(now), now)
        }
    };
    let CheckedArticle {
        article,
        published_at,
        comments,
        hidden,
    } = article_fields::article_from_input(slug, input, undated)?;
    let record = ArticleRecord {
        article: &article,
        published_at,
        comments,
        hidden,
        origin: ArticleOrigin::Cms,
    };
    let saved = state.db.save_article(&record).await?;
    tracing::info!(%slug, ?saved, "article registered by the CMS");
    let stored = state
        .db
        .article(slug)
        .await?
        .ok_or_else(ApiFailure::article_not_found)?;
    let status = if saved == Saved::Created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(state.for_readers(stored))))
}

/// The query of `GET /api/articles`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    cursor: Option<String>,
    limit: Option<u32>,
}

/// The newsroom's articles, newest first, hidden ones included, with their comment counts.
pub async fn list(
    _: Moderator,
    State(state): State<Arc<AppState>>,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Json<ArticleList>, ApiFailure> {
    let limit = page_limit(query.limit)?;
    let after = match query.cursor.as_deref() {
        None | Some("") => None,
        Some(text) => Some(ArticleCursor::decode(text).ok_or_else(|| {
            ApiFailure::invalid(
                "cursor",
                "Con trỏ phân trang không hợp lệ.",
                "The pagination cursor is not valid.",
            )
        })?),
    };
    let (articles, next) = state
        .db
        .article_page(
            after.as_ref(),
            limit,
            state.policy.get().policy.auto_close_after_days,
            state.clock.now_micros(),
        )
        .await?;
    Ok(Json(ArticleList {
        articles,
        next_cursor: next.map(|cursor| cursor.encode()),
    }))
}
