//! The JSON API under `/api`, as documented in `crates/api/openapi.yaml`.

mod articles;
mod bans;
mod comments;
mod diacritics;
mod likes;
mod moderation;
mod moderators;
mod policy;
mod readers;
mod reports;
mod session;
mod threads;

use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use binhluan_api::Policy;
use tower::{Layer, ServiceExt};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::cursor::{Cursor, CursorOrder};
use crate::error::ApiFailure;
use crate::security::refuse_cross_site_writes;
use crate::state::AppState;

/// The smallest request-body limit, whatever the policy.
const MIN_BODY_BYTES: usize = 16 * 1024;
/// The most bytes one character (as the rules count them) of a comment takes in a JSON body.
const BODY_BYTES_PER_CHAR: usize = 16;
/// Room in a body for everything but the comment: name, e-mail, parent, JSON punctuation.
const BODY_ENVELOPE_BYTES: usize = 4 * 1024;

/// The largest comment body, whatever the policy: 256 KiB (a policy's `max_chars` of
/// 16,128 or more reaches it).
const MAX_BODY_BYTES: usize = 256 * 1024;

/// The largest article the CMS may send: 2 MiB of JSON.
const MAX_ARTICLE_BODY_BYTES: usize = 2 * 1024 * 1024;

/// The most comments one page may hold.
const MAX_PAGE_LIMIT: u32 = 100;
/// The comments on a page when the client does not say.
const DEFAULT_PAGE_LIMIT: u32 = 20;

/// The API's routes, to be nested under `/api`.
pub fn api(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/articles", get(articles::list))
        .route(
            "/articles/{slug}",
            get(articles::article)
                .put(articles::put)
                .layer(DefaultBodyLimit::max(MAX_ARTICLE_BODY_BYTES)),
        )
        .route("/threads", post(threads::open))
        .route("/readers", post(readers::issue))
        .route("/articles/{slug}/views", post(articles::add_view))
        .route("/articles/{slug}/view.gif", get(articles::view_pixel))
        .route(
            "/articles/{slug}/comments",
            get(comments::list).post(comments::post),
        )
        .route("/articles/{slug}/comments/count", get(comments::count))
        .route("/articles/{slug}/mine", get(comments::mine))
        .route("/comments/{id}/replies", get(comments::replies))
        .route(
            "/comments/{id}/like",
            post(likes::like).delete(likes::unlike),
        )
        .route("/comments/{id}/report", post(reports::report))
        .route("/policy", get(policy::policy))
        .route("/diacritics/restore", post(diacritics::restore))
        .route(
            "/moderation/session",
            get(session::current)
                .post(session::log_in)
                .delete(session::log_out),
        )
        .route("/moderation/session/link", post(session::log_in_with_link))
        .route("/moderation/policy", get(policy::current).put(policy::save))
        .route("/moderation/counts", get(moderation::counts))
        .route("/moderation/comments", get(moderation::queue))
        .route("/moderation/comments/bulk", post(moderation::bulk))
        .route("/moderation/comments/{id}", get(moderation::item))
        .route(
            "/moderation/comments/{id}/history",
            get(moderation::history),
        )
        .route(
            "/moderation/comments/{id}/approve",
            post(moderation::approve),
        )
        .route("/moderation/comments/{id}/reject", post(moderation::reject))
        .route(
            "/moderation/comments/{id}/feature",
            post(moderation::feature).delete(moderation::unfeature),
        )
        .route("/moderation/comments/{id}/undo", post(moderation::undo))
        .route("/moderation/comments/{id}/keep", post(reports::keep))
        .route("/moderation/reports", get(reports::queue))
        .route("/moderation/bans", get(bans::list).post(bans::ban))
        .route("/moderation/bans/{id}", axum::routing::delete(bans::unban))
        .route("/moderation/audit", get(moderation::audit))
        .route(
            "/moderation/moderators",
            get(moderators::list).post(moderators::add),
        )
        .route(
            "/moderation/moderators/{name}",
            axum::routing::delete(moderators::remove),
        )
        .route_layer(middleware::from_fn(crate::measure::requests))
        .fallback(|| async {
            ApiFailure::NotFound {
                message: "Không có API này.",
                message_en: "No such API endpoint.",
            }
        })
        .method_not_allowed_fallback(|| async { ApiFailure::MethodNotAllowed })
        .layer(middleware::from_fn_with_state(
            state.clone(),
            refuse_cross_site_writes,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            limit_body_to_policy,
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .with_state(state)
}

/// Limits a request's body to what the policy in force allows ([`max_body_bytes`]), read at
/// each request, as the policy changes without a restart. A route that sets its own limit
/// (the CMS's articles) keeps it.
async fn limit_body_to_policy(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let limit = max_body_bytes(&state.policy.get().policy);
    match DefaultBodyLimit::max(limit)
        .layer(next)
        .oneshot(request)
        .await
    {
        Ok(response) => response,
        Err(never) => match never {},
    }
}

/// The largest request body the API reads: 16 bytes per character of `policy.max_chars` plus
/// 4 KiB, at least 16 KiB (36,096 bytes under the default 2000 characters), at most 256 KiB
/// however long a comment the policy allows.
///
/// The rules count characters as a reader sees them, and one such character takes at most
/// 16 bytes of JSON in the ways clients send text: a Vietnamese letter typed decomposed with
/// both marks escaped (`e\u0302\u0323`, 13 bytes), any one code point escaped (an emoji as a
/// surrogate pair, 12 bytes), or up to four code points unescaped (an emoji with a skin tone
/// or a flag, 8 bytes). So a comment the rules accept is never refused for its size, unless
/// it is padded with characters a reader cannot see (which the rules do not count) or made
/// mostly of long joined emoji sequences (a family emoji is 25 bytes).
fn max_body_bytes(policy: &Policy) -> usize {
    policy
        .max_chars
        .saturating_mul(BODY_BYTES_PER_CHAR)
        .saturating_add(BODY_ENVELOPE_BYTES)
        .clamp(MIN_BODY_BYTES, MAX_BODY_BYTES)
}

/// The page size a client asked for: 1 to 100, 20 when not given.
fn page_limit(requested: Option<u32>) -> Result<u32, ApiFailure> {
    match requested {
        None => Ok(DEFAULT_PAGE_LIMIT),
        Some(limit) if (1..=MAX_PAGE_LIMIT).contains(&limit) => Ok(limit),
        Some(_) => Err(ApiFailure::invalid(
            "limit",
            "limit phải từ 1 đến 100.",
            "limit must be between 1 and 100.",
        )),
    }
}

/// Where a page of a list in `order` starts: after `cursor`, or at the beginning when there
/// is none (or it is empty); `400` for a cursor this list did not make.
fn page_start(cursor: Option<&str>, order: CursorOrder) -> Result<Option<Cursor>, ApiFailure> {
    match cursor {
        None | Some("") => Ok(None),
        Some(text) => Cursor::decode(text, order).map(Some).ok_or_else(|| {
            ApiFailure::invalid(
                "cursor",
                "Con trỏ phân trang không hợp lệ.",
                "The pagination cursor is not valid.",
            )
        }),
    }
}

/// A page's start in a list paged by row id (`cursor` = the last id shown); `None` for the
/// first page.
fn id_cursor(cursor: Option<&str>) -> Result<Option<i64>, ApiFailure> {
    match cursor {
        None | Some("") => Ok(None),
        Some(text) => text.parse().map(Some).map_err(|_| {
            ApiFailure::invalid(
                "cursor",
                "Con trỏ phân trang không hợp lệ.",
                "The pagination cursor is not valid.",
            )
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_limit_grows_with_the_longest_comment_up_to_a_ceiling() {
        let limit = |max_chars| {
            max_body_bytes(&Policy {
                max_chars,
                ..Policy::default()
            })
        };
        assert_eq!(limit(2000), 36_096);
        assert_eq!(limit(10_000), 164_096);
        assert_eq!(limit(100), 16_384, "never below 16 KiB");
        assert_eq!(limit(16_128), 262_144);
        assert_eq!(limit(1_000_000), 262_144, "a hard ceiling");
        assert_eq!(limit(usize::MAX), 262_144, "a hard ceiling");
    }
}
