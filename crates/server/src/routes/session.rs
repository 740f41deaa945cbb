//! Desk sessions: logging in with a name and password or a one-time link, the session, and
//! logging out. A session is an HttpOnly, SameSite=Strict cookie (Secure when the desk is
//! served over https) for `/api/moderation`, with a CSRF token every write must echo.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::{Cookie, SameSite};
use binhluan_api::{LinkLogin, Login, Session};

use crate::auth::{Moderator, SESSION_COOKIE};
use crate::clock::{now_micros, rfc3339};
use crate::db::Account;
use crate::error::ApiFailure;
use crate::extract::{ClientKey, JsonBody};
use crate::moderators::is_account_name;
use crate::secrets::{password_matches, random_token};
use crate::state::AppState;

/// How long a session lasts: 12 hours, a working day.
const SESSION_SECONDS: i64 = 12 * 60 * 60;
/// Failed logins allowed per account, and per client, in 15 minutes.
const LOGIN_FAILURES: u32 = 10;
/// A hash that matches no password, checked when the account does not exist, so that a
/// missing account takes as long to refuse as a wrong password.
const NO_ACCOUNT_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$9m7G5dyk8GQmAybbpIYu3L0ie7YdgUjq5a9nVnSLy0k";

/// Logs in with a name and password: `401 invalid_login` when they do not match, `429` after
/// 10 failed attempts in 15 minutes for the account or from the client (counted before the
/// password is checked, and taken back when it matches).
pub async fn log_in(
    State(state): State<Arc<AppState>>,
    ClientKey(client): ClientKey,
    headers: HeaderMap,
    JsonBody(login): JsonBody<Login>,
) -> Result<Response, ApiFailure> {
    let now = now_micros();
    if let Some(retry_after) = state
        .db
        .count_login_attempt(&login.name, &client, LOGIN_FAILURES, now)
        .await?
    {
        return Err(ApiFailure::TooManyLogins { retry_after });
    }
    let credentials = state.db.moderator_credentials(&login.name).await?;
    let hash = credentials
        .as_ref()
        .map_or(NO_ACCOUNT_HASH, |(_, hash)| hash.as_str())
        .to_owned();
    let password = login.password;
    let matches = tokio::task::spawn_blocking(move || password_matches(&password, &hash))
        .await
        .map_err(|error| ApiFailure::Internal(error.into()))?;
    match credentials {
        Some((account, _)) if matches => {
            state
                .db
                .forget_login_attempt(&login.name, &client, now)
                .await?;
            start(&state, account, &headers).await
        }
        _ => {
            // Only a name that can be an account's is logged: never what was typed otherwise
            // (a password pasted in the wrong field, a forged log line).
            let name = if is_account_name(&login.name) {
                login.name.as_str()
            } else {
                "(not an account name)"
            };
            tracing::warn!(%name, %client, "failed desk login");
            Err(ApiFailure::InvalidLogin)
        }
    }
}

/// Logs in with a one-time login link's secret (from the link's fragment, so it is never in
/// an access log): `401 invalid_login` when it was used or has expired.
pub async fn log_in_with_link(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    JsonBody(link): JsonBody<LinkLogin>,
) -> Result<Response, ApiFailure> {
    let account = state
        .db
        .use_login_link(link.token.trim())
        .await?
        .ok_or(ApiFailure::InvalidLogin)?;
    start(&state, account, &headers).await
}

/// The session this cookie holds.
pub async fn current(
    moderator: Moderator,
    State(state): State<Arc<AppState>>,
) -> Result<Json<Session>, ApiFailure> {
    let token = moderator.session.ok_or(ApiFailure::Unauthorized)?;
    let session = state
        .db
        .session(&token)
        .await?
        .ok_or(ApiFailure::SessionExpired)?;
    Ok(Json(Session {
        name: session.account.name,
        role: session.account.role,
        csrf_token: session.csrf_token,
        expires_at: rfc3339(session.expires_at),
    }))
}

/// Logs out: ends the session and clears its cookie.
pub async fn log_out(
    moderator: Moderator,
    State(state): State<Arc<AppState>>,
) -> Result<Response, ApiFailure> {
    if let Some(token) = &moderator.session {
        state.db.end_session(token).await?;
    }
    let cookie = session_cookie(String::new(), 0, false);
    Ok((
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, cookie.to_string())],
    )
        .into_response())
}

/// Starts a session for `account`, answering it with its cookie.
async fn start(
    state: &AppState,
    account: Account,
    headers: &HeaderMap,
) -> Result<Response, ApiFailure> {
    let token = random_token()?;
    let csrf_token = random_token()?;
    let expires_at = now_micros() + SESSION_SECONDS * 1_000_000;
    state
        .db
        .start_session(&account, &token, &csrf_token, expires_at)
        .await?;
    tracing::info!(moderator = %account.name, "desk login");
    // The desk posts its login itself: its Origin says whether the reader's page is https.
    let https = headers
        .get(header::ORIGIN)
        .and_then(|origin| origin.to_str().ok())
        .is_some_and(|origin| origin.starts_with("https://"));
    let cookie = session_cookie(token, SESSION_SECONDS, https);
    let session = Session {
        name: account.name,
        role: account.role,
        csrf_token,
        expires_at: rfc3339(expires_at),
    };
    Ok(([(header::SET_COOKIE, cookie.to_string())], Json(session)).into_response())
}

/// The session cookie: only for the moderation API, never readable by scripts, never sent
/// from another site.
fn session_cookie(token: String, max_age_seconds: i64, secure: bool) -> Cookie<'static> {
    Cookie::build((SESSION_COOKIE, token))
        .path("/api/moderation")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure)
        .max_age(time::Duration::seconds(max_age_seconds))
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_is_for_the_moderation_api_only() {
        let cookie = session_cookie("t".to_owned(), 60, true).to_string();
        for part in [
            "binhluan_session=t",
            "HttpOnly",
            "SameSite=Strict",
            "Secure",
            "Path=/api/moderation",
            "Max-Age=60",
        ] {
            assert!(cookie.contains(part), "{cookie}");
        }
        assert!(
            !session_cookie("t".to_owned(), 60, false)
                .to_string()
                .contains("Secure")
        );
    }

    #[test]
    fn the_placeholder_hash_is_a_valid_argon2id_hash() {
        assert!(argon2::password_hash::PasswordHash::new(NO_ACCOUNT_HASH).is_ok());
        assert!(!password_matches("", NO_ACCOUNT_HASH));
    }
}
