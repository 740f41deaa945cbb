//! An article's comments: the published list, its count, and posting a new comment.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use binhluan_api::{
    CommentCount, CommentPage, CommentStatus, MAX_PENDING_SHOWN, NewComment, ReaderState, SortOrder,
};
use binhluan_rules::{Rule, Verdict};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::bans::refuse_banned;
use super::{page_limit, page_start};
use crate::cursor::CursorOrder;
use crate::db::{Bucket, NewCommentRecord, ParentProblem, PostOutcome};
use crate::error::ApiFailure;
use crate::etag;
use crate::extract::{ApiQuery, ClientKey, CommentId, IdempotencyKey, JsonBody, ReaderId};
use crate::measure;
use crate::state::AppState;
use crate::validation;

/// The query of `GET /api/articles/{slug}/comments`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    sort: Option<SortOrder>,
    cursor: Option<String>,
    limit: Option<u32>,
}

/// A public page of comments: the same bytes for every reader (no reader's state is in it),
/// cacheable, with an `ETag`; `304` when the client has it.
fn public_page(request: &HeaderMap, page: &CommentPage) -> Result<Response, ApiFailure> {
    let body = serde_json::to_vec(page).map_err(|error| ApiFailure::Internal(error.into()))?;
    let etag = etag::of(&body);
    let validators = [
        (header::CACHE_CONTROL, etag::PUBLIC_CACHE_CONTROL.to_owned()),
        (header::ETAG, etag.clone()),
    ];
    if etag::client_has(request, &etag) {
        return Ok((StatusCode::NOT_MODIFIED, validators).into_response());
    }
    Ok((
        validators,
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response())
}

/// A page of the article's published comments with their replies, the same for every reader.
pub async fn list(
    State(state): State<Arc<AppState>>,
    Path(slug): Path<String>,
    request: HeaderMap,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Response, ApiFailure> {
    let sort = query.sort.unwrap_or_default();
    let limit = page_limit(query.limit)?;
    let after = page_start(query.cursor.as_deref(), sort.into())?;
    let thread = state.visible_thread(&slug).await?;
    let listing = state.db.published_page(&slug, sort, after, limit).await?;
    let page = CommentPage {
        closed: !state.is_open(&thread),
        ..listing.into_page()
    };
    public_page(&request, &page)
}

/// This reader's own part of the thread (the comments they like, theirs still pending): never
/// cached (the API's default `no-store`), and empty for a request without a (signed) reader id.
pub async fn mine(
    State(state): State<Arc<AppState>>,
    Path(slug): Path<String>,
    ReaderId(reader): ReaderId,
) -> Result<Json<ReaderState>, ApiFailure> {
    state.visible_thread(&slug).await?;
    let mine = match reader {
        Some(reader) => ReaderState {
            liked: state.db.liked_on(&slug, &reader).await?,
            pending: state
                .db
                .pending_of(&slug, &reader, MAX_PENDING_SHOWN)
                .await?,
        },
        None => ReaderState::default(),
    };
    Ok(Json(mine))
}

/// The query of `GET /api/comments/{id}/replies`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RepliesQuery {
    cursor: Option<String>,
    limit: Option<u32>,
}

/// A page of a published comment's published replies, oldest first, the same for every reader.
pub async fn replies(
    State(state): State<Arc<AppState>>,
    CommentId(id): CommentId,
    request: HeaderMap,
    ApiQuery(query): ApiQuery<RepliesQuery>,
) -> Result<Response, ApiFailure> {
    let limit = page_limit(query.limit)?;
    let after = page_start(query.cursor.as_deref(), CursorOrder::Oldest)?;
    let (slug, listing) = state
        .db
        .published_replies(id, after, limit)
        .await?
        .ok_or_else(ApiFailure::comment_not_found)?;
    // A hidden article's comments are on no public page, its replies neither.
    let thread = state
        .visible_thread(&slug)
        .await
        .map_err(|_| ApiFailure::comment_not_found())?;
    let page = CommentPage {
        closed: !state.is_open(&thread),
        ..listing.into_page()
    };
    public_page(&request, &page)
}

/// How long the embed placeholder's comment count may be cached.
const COUNT_CACHE_CONTROL: &str = "public, max-age=5";

/// How many published comments the article has, replies included.
pub async fn count(
    State(state): State<Arc<AppState>>,
    Path(slug): Path<String>,
) -> Result<Response, ApiFailure> {
    state.visible_thread(&slug).await?;
    let count = state.db.published_count(&slug).await?;
    Ok((
        [(header::CACHE_CONTROL, COUNT_CACHE_CONTROL)],
        Json(CommentCount { count }),
    )
        .into_response())
}

/// The header that marks an answer replayed for a retried `Idempotency-Key`.
const REPLAYED_HEADER: HeaderName = HeaderName::from_static("idempotent-replayed");

/// Why the rules hold a comment, as the desk reads it (`links,contacts`), if they do.
fn hold_causes(verdict: &Verdict) -> Option<String> {
    let causes: Vec<&str> = verdict
        .held_for
        .iter()
        .map(|rule| match rule {
            Rule::NoLinks => "links",
            Rule::NoContacts => "contacts",
            // The rules hold for nothing else.
            _ => "suspect_words",
        })
        .collect();
    (!causes.is_empty()).then(|| causes.join(","))
}

/// Posts a comment: refused (`403`) when the thread is closed or the reader banned; validated, checked against the
/// policy by `binhluan_rules::check` (whose verdict is final), stored normalized, pending
/// unless `--auto-publish` (and the rules do not hold it).
pub async fn post(
    State(state): State<Arc<AppState>>,
    Path(slug): Path<String>,
    IdempotencyKey(idempotency_key): IdempotencyKey,
    ClientKey(client): ClientKey,
    ReaderId(reader): ReaderId,
    JsonBody(new): JsonBody<NewComment>,
) -> Result<Response, ApiFailure> {
    let thread = state.visible_thread(&slug).await?;
    if !state.is_open(&thread) {
        return Err(ApiFailure::CommentsClosed);
    }
    refuse_banned(&state, reader.as_deref(), &client).await?;
    let (author_name, author_email, verdict, content) = match checked(&state, &new) {
        Ok(checked) => checked,
        Err(refusal) => {
            if let ApiFailure::RuleViolation(violations) = &refusal {
                violations
                    .iter()
                    .for_each(|violation| measure::rule_refusal(violation.rule));
            }
            measure::post("refused");
            return Err(count_refusal(&state, &client, refusal).await?);
        }
    };
    let status = if state.auto_publish && !verdict.hold {
        CommentStatus::Published
    } else {
        CommentStatus::Pending
    };
    let record = NewCommentRecord {
        article_slug: slug.clone(),
        parent_id: new.parent_id,
        request_hash: request_hash(&slug, &new)?,
        author_name,
        author_email,
        content,
        status,
        idempotency_key,
        client: client.clone(),
        reader_id: reader,
        held_for: hold_causes(&verdict),
        rate_limit: state.post_rate_limit,
    };
    match state
        .db
        .post_comment(record, state.clock.now_micros())
        .await?
    {
        PostOutcome::Created(body) => {
            tracing::info!(article = %slug, ?status, "comment posted");
            measure::post(match status {
                CommentStatus::Published => "published",
                _ => "pending",
            });
            Ok(created(body, false))
        }
        PostOutcome::Replayed(body) => Ok(created(body, true)),
        PostOutcome::KeyConflict => Err(ApiFailure::IdempotencyConflict),
        PostOutcome::RateLimited { retry_after } => {
            tracing::info!(client = %client, "post rate limit reached");
            Err(ApiFailure::RateLimited { retry_after })
        }
        PostOutcome::BadParent(problem) => Err(parent_failure(problem)),
    }
}

/// The author's name and e-mail, the rules' verdict and the text to store, or why the post
/// is refused.
fn checked(
    state: &AppState,
    new: &NewComment,
) -> Result<(String, Option<String>, binhluan_rules::Verdict, String), ApiFailure> {
    let author_name = validation::author_name(&new.author_name)?;
    let author_email = validation::author_email(new.author_email.as_deref())?;
    let verdict = binhluan_rules::check(&new.content, &state.policy.get().policy);
    if !verdict.ok {
        return Err(ApiFailure::RuleViolation(verdict.violations));
    }
    let content = binhluan_rules::normalize_for_storage(&new.content);
    if content.trim().is_empty() {
        return Err(ApiFailure::invalid(
            "content",
            "Bình luận đang trống.",
            "The comment is empty.",
        ));
    }
    Ok((author_name, author_email, verdict, content))
}

/// Counts a refused post against `client`: the `refusal` itself, or `429` once the client
/// has had more than `--refused-post-rate-limit` refused this minute.
async fn count_refusal(
    state: &AppState,
    client: &str,
    refusal: ApiFailure,
) -> Result<ApiFailure, ApiFailure> {
    if state.refused_post_rate_limit == 0 {
        return Ok(refusal);
    }
    Ok(
        match state
            .db
            .count_client(
                Bucket::RefusedPost,
                client,
                state.refused_post_rate_limit,
                state.clock.now_micros(),
            )
            .await?
        {
            Some(retry_after) => {
                tracing::info!(%client, "refused post rate limit reached");
                ApiFailure::RateLimited { retry_after }
            }
            None => refusal,
        },
    )
}

/// The `201` answer carrying a stored comment's JSON.
fn created(body: String, replayed: bool) -> Response {
    let mut response = (
        StatusCode::CREATED,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response();
    if replayed {
        response
            .headers_mut()
            .insert(REPLAYED_HEADER, HeaderValue::from_static("true"));
    }
    response
}

/// A digest of what a post asks for, so a retry can be told from a different request that
/// reuses the key.
fn request_hash(slug: &str, new: &NewComment) -> Result<String, ApiFailure> {
    let mut hasher = Sha256::new();
    hasher.update(slug.as_bytes());
    hasher.update([0]);
    hasher.update(serde_json::to_vec(new)?);
    Ok(hasher
        .finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect())
}

fn parent_failure(problem: ParentProblem) -> ApiFailure {
    let (message, message_en) = match problem {
        ParentProblem::NotFound => (
            "Không tìm thấy bình luận đã đăng mà bạn muốn trả lời.",
            "There is no such published comment to answer.",
        ),
        ParentProblem::IsReply => (
            "Chỉ có thể trả lời bình luận gốc, không trả lời một câu trả lời.",
            "Only top-level comments can be answered; replies go one level deep.",
        ),
        ParentProblem::OtherArticle => (
            "Bình luận được trả lời thuộc bài viết khác.",
            "The comment answered belongs to another article.",
        ),
    };
    ApiFailure::invalid("parent_id", message, message_en)
}
