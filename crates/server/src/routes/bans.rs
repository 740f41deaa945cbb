//! Bans, for a desk session or the bearer token: `POST /api/moderation/bans` bans the author
//! of a comment, `GET` lists the bans in force, `DELETE /api/moderation/bans/{id}` lifts one;
//! and the check that refuses a banned reader's posts and reports.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use binhluan_api::{Ban, BanList, MAX_BAN_DAYS, MAX_BAN_NOTE_CHARS, NewBan};
use serde::Deserialize;

use super::{id_cursor, page_limit};
use crate::auth::Moderator;
use crate::db::{BanOutcome, BanRequest};
use crate::error::ApiFailure;
use crate::extract::{ApiQuery, JsonBody};
use crate::state::AppState;

/// `403 banned` when `reader` or `client` is banned now.
pub(super) async fn refuse_banned(
    state: &AppState,
    reader: Option<&str>,
    client: &str,
) -> Result<(), ApiFailure> {
    match state
        .db
        .ban_on(reader, client, state.clock.now_micros())
        .await?
    {
        Some(until) => {
            tracing::info!(%client, "refused a banned reader");
            Err(ApiFailure::Banned { until })
        }
        None => Ok(()),
    }
}

/// Bans the author of a comment: `201` with the ban.
pub async fn ban(
    moderator: Moderator,
    State(state): State<Arc<AppState>>,
    JsonBody(new): JsonBody<NewBan>,
) -> Result<(StatusCode, Json<Ban>), ApiFailure> {
    if new
        .days
        .is_some_and(|days| !(1..=MAX_BAN_DAYS).contains(&days))
    {
        return Err(ApiFailure::invalid(
            "days",
            format!("Thời hạn cấm từ 1 đến {MAX_BAN_DAYS} ngày, hoặc vĩnh viễn (null)."),
            format!("A ban lasts 1 to {MAX_BAN_DAYS} days, or for good (null)."),
        ));
    }
    let note = new.note.trim();
    if note.is_empty() || note.chars().count() > MAX_BAN_NOTE_CHARS {
        return Err(ApiFailure::invalid(
            "note",
            format!("Cần ghi chú lý do cấm, tối đa {MAX_BAN_NOTE_CHARS} ký tự."),
            format!("A ban needs a note of at most {MAX_BAN_NOTE_CHARS} characters."),
        ));
    }
    let request = BanRequest {
        comment_id: new.comment_id,
        days: new.days,
        note,
        reject_pending: new.reject_pending,
        moderator: &moderator.name,
        now: state.clock.now_micros(),
    };
    match state.db.ban(&request).await? {
        BanOutcome::Made(ban) => {
            tracing::info!(id = ban.id, moderator = %moderator.name, "author banned");
            Ok((StatusCode::CREATED, Json(ban)))
        }
        BanOutcome::NoAuthor => Err(ApiFailure::invalid(
            "comment_id",
            "Bình luận này không lưu mã người đọc hay địa chỉ: không có ai để cấm.",
            "This comment has neither a reader id nor an address: there is no one to ban.",
        )),
        BanOutcome::NotFound => Err(ApiFailure::comment_not_found()),
    }
}

/// The query of `GET /api/moderation/bans`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BansQuery {
    cursor: Option<String>,
    limit: Option<u32>,
}

/// The bans in force, newest first.
pub async fn list(
    _: Moderator,
    State(state): State<Arc<AppState>>,
    ApiQuery(query): ApiQuery<BansQuery>,
) -> Result<Json<BanList>, ApiFailure> {
    let limit = page_limit(query.limit)?;
    let before = id_cursor(query.cursor.as_deref())?;
    let (bans, next) = state
        .db
        .active_bans(state.clock.now_micros(), before, limit)
        .await?;
    Ok(Json(BanList {
        bans,
        next_cursor: next.map(|id| id.to_string()),
    }))
}

/// Lifts a ban: `204`, also when it was lifted already.
pub async fn unban(
    moderator: Moderator,
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiFailure> {
    let not_found = || ApiFailure::NotFound {
        message: "Không tìm thấy lệnh cấm này.",
        message_en: "No such ban.",
    };
    let id: i64 = id.parse().map_err(|_| not_found())?;
    if state
        .db
        .lift_ban(id, &moderator.name, state.clock.now_micros())
        .await?
    {
        tracing::info!(id, moderator = %moderator.name, "ban lifted");
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(not_found())
    }
}
