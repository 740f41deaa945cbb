//! `POST /api/threads`: a widget asks for the thread of the page it is embedded in, and with
//! `--threads auto` the server opens one for a slug it does not know yet.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use binhluan_api::{Article, ArticleOrigin, Commenting, ThreadRequest};

use crate::article_fields::{self, embed_article, embed_title};
use crate::config::ThreadMode;
use crate::db::{ArticleRecord, EmbedThread};
use crate::error::ApiFailure;
use crate::extract::{ClientKey, JsonBody};
use crate::origin::Origin;
use crate::state::AppState;

/// The thread's article: `200` when it exists, `201` when it was just opened. Opening one
/// takes a page on an allowed origin (`403` otherwise) and counts against the client's
/// hourly bound (`429`); with `--threads registered` an unknown slug stays `404`.
pub async fn open(
    State(state): State<Arc<AppState>>,
    ClientKey(client): ClientKey,
    headers: HeaderMap,
    JsonBody(request): JsonBody<ThreadRequest>,
) -> Result<(StatusCode, Json<Article>), ApiFailure> {
    let slug = article_fields::slug(&request.slug)?;
    if let Some(stored) = state.db.article(slug).await? {
        if stored.thread.hidden {
            return Err(ApiFailure::article_not_found());
        }
        return Ok((StatusCode::OK, Json(state.for_readers(stored))));
    }
    if state.threads == ThreadMode::Registered {
        return Err(ApiFailure::thread_not_registered());
    }
    let origin = headers
        .get(header::ORIGIN)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<Origin>().ok())
        .filter(|origin| state.allowed_origins.contains(origin))
        .ok_or(ApiFailure::ForbiddenOrigin)?;
    let title = embed_title(request.title.as_deref(), slug);
    // A page's address that is not a web address is left out rather than refused: the
    // reader in front of the widget cannot fix the page.
    let url = article_fields::url(request.url.as_deref()).ok().flatten();
    let now = state.clock.now_micros();
    let article = embed_article(slug, title, url, now);
    let record = ArticleRecord {
        article: &article,
        published_at: now,
        comments: Commenting::Open,
        hidden: false,
        origin: ArticleOrigin::Embed,
    };
    match state
        .db
        .open_embed_thread(&record, &client, state.thread_limit)
        .await?
    {
        EmbedThread::Created => {
            tracing::info!(%slug, %client, origin = origin.as_str(), title = %article.title, "thread opened for an embedded page");
            metrics::counter!("binhluan_threads_opened_total", "origin" => origin.as_str().to_owned())
                .increment(1);
            Ok((StatusCode::CREATED, Json(article)))
        }
        EmbedThread::Existed => {
            let stored = state
                .db
                .article(slug)
                .await?
                .ok_or_else(ApiFailure::article_not_found)?;
            Ok((StatusCode::OK, Json(state.for_readers(stored))))
        }
        EmbedThread::RateLimited { retry_after } => {
            tracing::warn!(%slug, %client, origin = origin.as_str(), "thread refused: the client opened too many");
            metrics::counter!("binhluan_threads_refused_total", "origin" => origin.as_str().to_owned())
                .increment(1);
            Err(ApiFailure::TooManyThreads { retry_after })
        }
    }
}
