//! "Thêm dấu": `POST /api/diacritics/restore` restores the marks of a text typed without
//! them (`binhluan-diacritics`, its model decoded when the server starts), for the widget to
//! offer the reader. Limited to the policy's `max_chars` and, per client, to
//! [`RESTORES_PER_MINUTE`] (IPv6 clients also by their wider networks, as posts are).

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use binhluan_api::{Policy, RestoreRequest, Restored, RestoredWord};
use binhluan_rules::{LinkPolicy, Rule};

use crate::db::Bucket;
use crate::error::ApiFailure;
use crate::extract::{ClientKey, JsonBody};
use crate::state::AppState;

/// How many restorations one client may ask for a minute.
pub const RESTORES_PER_MINUTE: u32 = 30;

/// Restores `text`'s marks: `200` with the restored text and its words, `422 rule_violation`
/// (`max_length`) when the text is longer than the policy allows, `429 rate_limited` past
/// the client's limit.
pub async fn restore(
    State(state): State<Arc<AppState>>,
    ClientKey(client): ClientKey,
    JsonBody(request): JsonBody<RestoreRequest>,
) -> Result<Json<Restored>, ApiFailure> {
    if let Some(retry_after) = state
        .db
        .count_client(
            Bucket::Restore,
            &client,
            RESTORES_PER_MINUTE,
            state.clock.now_micros(),
        )
        .await?
    {
        tracing::info!(%client, "restore rate limit reached");
        return Err(ApiFailure::TooManyRestores { retry_after });
    }
    let max_chars = state.policy.get().policy.max_chars;
    if let Some(too_long) = length_violation(&request.text, max_chars) {
        return Err(ApiFailure::RuleViolation(vec![too_long]));
    }
    let restored = tokio::task::spawn_blocking(move || binhluan_diacritics::restore(&request.text))
        .await
        .map_err(|_| ApiFailure::Panicked)?;
    Ok(Json(Restored {
        text: restored.text,
        words: restored
            .words
            .into_iter()
            .map(|w| RestoredWord {
                start: w.start,
                end: w.end,
                original: w.original,
                alternatives: w.alternatives,
            })
            .collect(),
    }))
}

/// The rules' `max_length` violation when `text` is longer than `max_chars` characters as a
/// reader sees them (the same count as for a comment).
fn length_violation(text: &str, max_chars: usize) -> Option<binhluan_rules::Violation> {
    let only_length = Policy {
        min_words: 0,
        require_diacritics: false,
        links: LinkPolicy::Allow,
        contacts: LinkPolicy::Allow,
        max_chars,
        ..Policy::default()
    };
    binhluan_rules::check(text, &only_length)
        .violations
        .into_iter()
        .find(|v| v.rule == Rule::MaxLength)
}
