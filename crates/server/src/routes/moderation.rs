//! Moderation, for a desk session or the bearer token: the queues, their counts, an author's
//! history, and the decisions (approve, reject, choose, undo, in bulk), each one request,
//! idempotent for its moderator, and safe when two moderators act on one comment at once.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use binhluan_api::{
    AuditPage, AuthorHistory, BulkAction, BulkDecision, BulkOutcome, Comment, CommentStatus,
    ModerationDecision, ModerationItem, ModerationPage, QueueCounts, Skipped,
};
use serde::Deserialize;

use super::{id_cursor, page_limit, page_start};
use crate::auth::{Admin, Moderator};
use crate::db::{Decision, Outcome, QueueFilter, queue_order};
use crate::error::ApiFailure;
use crate::extract::{ApiQuery, CommentId, JsonBody};
use crate::state::AppState;

/// The most comments one bulk decision may take.
const MAX_BULK: usize = 100;

/// The query of `GET /api/moderation/comments`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QueueQuery {
    status: Option<CommentStatus>,
    article: Option<String>,
    q: Option<String>,
    cursor: Option<String>,
    limit: Option<u32>,
}

/// The comments in a status (pending by default; pending oldest first, the others newest
/// first) on every article or one, matching a search if given, with what a moderator needs.
pub async fn queue(
    _: Moderator,
    State(state): State<Arc<AppState>>,
    ApiQuery(query): ApiQuery<QueueQuery>,
) -> Result<Json<ModerationPage>, ApiFailure> {
    let limit = page_limit(query.limit)?;
    let status = query.status.unwrap_or(CommentStatus::Pending);
    let after = page_start(query.cursor.as_deref(), queue_order(status))?;
    let filter = QueueFilter {
        status,
        article: query.article.as_deref().filter(|slug| !slug.is_empty()),
        search: query.q.as_deref(),
    };
    Ok(Json(
        state.db.moderation_queue(&filter, after, limit).await?,
    ))
}

/// How many comments each queue holds.
pub async fn counts(
    _: Moderator,
    State(state): State<Arc<AppState>>,
) -> Result<Json<QueueCounts>, ApiFailure> {
    Ok(Json(state.db.queue_counts().await?))
}

/// One comment as the desk shows it.
pub async fn item(
    _: Moderator,
    State(state): State<Arc<AppState>>,
    CommentId(id): CommentId,
) -> Result<Json<ModerationItem>, ApiFailure> {
    state
        .db
        .moderation_item(id)
        .await?
        .map(Json)
        .ok_or_else(ApiFailure::comment_not_found)
}

/// What the comment's author did before.
pub async fn history(
    _: Moderator,
    State(state): State<Arc<AppState>>,
    CommentId(id): CommentId,
) -> Result<Json<AuthorHistory>, ApiFailure> {
    state
        .db
        .author_history(id)
        .await?
        .map(Json)
        .ok_or_else(ApiFailure::comment_not_found)
}

/// Publishes a pending comment.
pub async fn approve(
    moderator: Moderator,
    State(state): State<Arc<AppState>>,
    CommentId(id): CommentId,
) -> Result<Json<Comment>, ApiFailure> {
    decide(&state, id, &Decision::Approve, &moderator)
        .await
        .map(Json)
}

/// Rejects a pending comment; the body must give a reason (the desk sends a code: `spam`,
/// `offensive`, `off_topic`, `personal_attack`, `other`).
pub async fn reject(
    moderator: Moderator,
    State(state): State<Arc<AppState>>,
    CommentId(id): CommentId,
    JsonBody(decision): JsonBody<ModerationDecision>,
) -> Result<Json<Comment>, ApiFailure> {
    let reason = required_reason(decision.reason.as_deref())?;
    decide(&state, id, &Decision::Reject(reason), &moderator)
        .await
        .map(Json)
}

/// Chooses a published comment ("Bình luận được chọn"): readers see it pinned at the top.
pub async fn feature(
    moderator: Moderator,
    State(state): State<Arc<AppState>>,
    CommentId(id): CommentId,
) -> Result<Json<Comment>, ApiFailure> {
    set_featured(&state, id, true, &moderator).await
}

/// Unchooses a comment.
pub async fn unfeature(
    moderator: Moderator,
    State(state): State<Arc<AppState>>,
    CommentId(id): CommentId,
) -> Result<Json<Comment>, ApiFailure> {
    set_featured(&state, id, false, &moderator).await
}

/// Puts a comment its moderator decided on in the last 10 seconds back in the queue.
pub async fn undo(
    moderator: Moderator,
    State(state): State<Arc<AppState>>,
    CommentId(id): CommentId,
) -> Result<Json<Comment>, ApiFailure> {
    match state.db.undo(id, &moderator.name).await? {
        Outcome::Done(comment) => {
            tracing::info!(id, moderator = %moderator.name, "decision undone");
            Ok(Json(comment))
        }
        Outcome::Conflict { .. } | Outcome::Limit => Err(ApiFailure::UndoExpired),
        Outcome::NotFound => Err(ApiFailure::comment_not_found()),
    }
}

/// Approves or rejects up to 100 comments: those decided, and why the others were not.
pub async fn bulk(
    moderator: Moderator,
    State(state): State<Arc<AppState>>,
    JsonBody(bulk): JsonBody<BulkDecision>,
) -> Result<Json<BulkOutcome>, ApiFailure> {
    if bulk.ids.is_empty() || bulk.ids.len() > MAX_BULK {
        return Err(ApiFailure::invalid(
            "ids",
            format!("Chọn từ 1 đến {MAX_BULK} bình luận."),
            format!("Choose 1 to {MAX_BULK} comments."),
        ));
    }
    let decision = match bulk.action {
        BulkAction::Approve => Decision::Approve,
        BulkAction::Reject => Decision::Reject(required_reason(bulk.reason.as_deref())?),
    };
    let mut outcome = BulkOutcome {
        decided: Vec::new(),
        skipped: Vec::new(),
    };
    let mut ids = bulk.ids;
    ids.sort_unstable();
    ids.dedup();
    // Each decision commits on its own: one that fails is said, and the others still stand.
    for id in ids {
        match decide(&state, id, &decision, &moderator).await {
            Ok(comment) => outcome.decided.push(comment),
            Err(failure) => {
                if let ApiFailure::Internal(error) = &failure {
                    tracing::error!(id, error = ?error, "a bulk decision failed");
                }
                outcome.skipped.push(Skipped {
                    id,
                    error: failure.to_error(),
                });
            }
        }
    }
    Ok(Json(outcome))
}

/// The query of `GET /api/moderation/audit`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    cursor: Option<String>,
    limit: Option<u32>,
}

/// The audit log, newest first: who decided what, and when. Admins only.
pub async fn audit(
    _: Admin,
    State(state): State<Arc<AppState>>,
    ApiQuery(query): ApiQuery<AuditQuery>,
) -> Result<Json<AuditPage>, ApiFailure> {
    let limit = page_limit(query.limit)?;
    let before = id_cursor(query.cursor.as_deref())?;
    let (entries, next) = state.db.audit_page(before, limit).await?;
    Ok(Json(AuditPage {
        entries,
        next_cursor: next.map(|id| id.to_string()),
    }))
}

/// Takes `decision` on comment `id` for `moderator`.
async fn decide(
    state: &AppState,
    id: i64,
    decision: &Decision,
    moderator: &Moderator,
) -> Result<Comment, ApiFailure> {
    match state.db.decide(id, decision, &moderator.name).await? {
        Outcome::Done(comment) => {
            tracing::info!(id, moderator = %moderator.name, status = ?comment.status, "comment decided");
            Ok(comment)
        }
        Outcome::Conflict { status, decided_by } => Err(ApiFailure::AlreadyDecided {
            published: status == CommentStatus::Published,
            by: decided_by,
        }),
        Outcome::Limit | Outcome::NotFound => Err(ApiFailure::comment_not_found()),
    }
}

async fn set_featured(
    state: &AppState,
    id: i64,
    featured: bool,
    moderator: &Moderator,
) -> Result<Json<Comment>, ApiFailure> {
    match state.db.set_featured(id, featured, &moderator.name).await? {
        Outcome::Done(comment) => Ok(Json(comment)),
        Outcome::Conflict { .. } => Err(ApiFailure::NotPublished),
        Outcome::Limit => Err(ApiFailure::FeaturedLimit),
        Outcome::NotFound => Err(ApiFailure::comment_not_found()),
    }
}

/// A rejection's reason, trimmed: `400` when there is none.
fn required_reason(reason: Option<&str>) -> Result<String, ApiFailure> {
    reason
        .map(str::trim)
        .filter(|reason| !reason.is_empty())
        .map(str::to_owned)
        .ok_or_else(|| {
            ApiFailure::invalid(
                "reason",
                "Cần ghi lý do từ chối.",
                "A reason is required to reject a comment.",
            )
        })
}
