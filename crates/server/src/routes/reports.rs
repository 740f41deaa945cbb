//! Readers' reports (`POST /api/comments/{id}/report`), the desk's "Bị báo cáo" queue
//! (`GET /api/moderation/reports`) and "Giữ lại" (`POST /api/moderation/comments/{id}/keep`).

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use binhluan_api::{Comment, MAX_REPORT_TEXT_CHARS, NewReport, ReportReason, ReportedPage};
use serde::Deserialize;

use super::bans::refuse_banned;
use super::{page_limit, page_start};
use crate::auth::Moderator;
use crate::cursor::CursorOrder;
use crate::db::{Outcome, ReportOutcome, ReportRecord};
use crate::error::ApiFailure;
use crate::extract::{ApiQuery, ClientKey, CommentId, JsonBody, ReaderId};
use crate::state::AppState;
use crate::validation::missing_reader_id;

/// A reader reports a published comment: `202` (again: `202`, counted once), `403` when
/// banned, `429` past the client's limit.
pub async fn report(
    State(state): State<Arc<AppState>>,
    CommentId(id): CommentId,
    ClientKey(client): ClientKey,
    ReaderId(reader): ReaderId,
    JsonBody(report): JsonBody<NewReport>,
) -> Result<StatusCode, ApiFailure> {
    let reader = reader.ok_or_else(missing_reader_id)?;
    let text = report_text(report.reason, report.text.as_deref())?;
    refuse_banned(&state, Some(&reader), &client).await?;
    let record = ReportRecord {
        comment_id: id,
        reader: &reader,
        client: &client,
        reason: report.reason,
        text,
        hide_after: state.policy.get().policy.hide_after_reports,
    };
    match state.db.report(&record, state.clock.now_micros()).await? {
        ReportOutcome::Accepted => Ok(StatusCode::ACCEPTED),
        ReportOutcome::NotFound => Err(ApiFailure::comment_not_found()),
        ReportOutcome::Limited(retry_after) => {
            tracing::info!(%client, "report rate limit reached");
            Err(ApiFailure::TooManyReports { retry_after })
        }
    }
}

/// A report's text, trimmed (blank counts as none): required for `other`, at most 500
/// characters, no control characters but line breaks and tabs.
fn report_text(reason: ReportReason, text: Option<&str>) -> Result<Option<&str>, ApiFailure> {
    let text = text.map(str::trim).filter(|text| !text.is_empty());
    match text {
        None if reason == ReportReason::Other => Err(ApiFailure::invalid(
            "text",
            "Hãy cho biết lý do báo cáo.",
            "Say why you report this comment.",
        )),
        Some(text) if text.chars().count() > MAX_REPORT_TEXT_CHARS => Err(ApiFailure::invalid(
            "text",
            format!("Lý do báo cáo tối đa {MAX_REPORT_TEXT_CHARS} ký tự."),
            format!("A report's text is at most {MAX_REPORT_TEXT_CHARS} characters."),
        )),
        Some(text)
            if text
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) =>
        {
            Err(ApiFailure::invalid(
                "text",
                "Lý do báo cáo chứa ký tự không hợp lệ.",
                "A report's text contains invalid characters.",
            ))
        }
        text => Ok(text),
    }
}

/// The query of `GET /api/moderation/reports`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportsQuery {
    cursor: Option<String>,
    limit: Option<u32>,
}

/// The comments with open reports, most reported first, with their counts per reason and
/// the readers' words.
pub async fn queue(
    _: Moderator,
    State(state): State<Arc<AppState>>,
    ApiQuery(query): ApiQuery<ReportsQuery>,
) -> Result<Json<ReportedPage>, ApiFailure> {
    let limit = page_limit(query.limit)?;
    let after = page_start(query.cursor.as_deref(), CursorOrder::Top)?;
    Ok(Json(state.db.reported_queue(after, limit).await?))
}

/// "Giữ lại": the moderator keeps the comment; its reports are dismissed, and it is published
/// again if they had hidden it.
pub async fn keep(
    moderator: Moderator,
    State(state): State<Arc<AppState>>,
    CommentId(id): CommentId,
) -> Result<Json<Comment>, ApiFailure> {
    match state.db.keep(id, &moderator.name).await? {
        Outcome::Done(comment) => {
            tracing::info!(id, moderator = %moderator.name, "reports dismissed");
            Ok(Json(comment))
        }
        _ => Err(ApiFailure::comment_not_found()),
    }
}
