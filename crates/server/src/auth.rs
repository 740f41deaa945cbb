//! Who is moderating: a desk session (its cookie, and on writes its CSRF token) or the bearer
//! token that automation uses (the CMS, scripts), which acts as an admin named `token`.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{Method, header};
use axum_extra::extract::CookieJar;
use binhluan_api::{CSRF_HEADER, Role};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::error::ApiFailure;
use crate::extract::ClientKey;
use crate::state::AppState;

/// The name of a desk session's cookie.
pub const SESSION_COOKIE: &str = "binhluan_session";
/// The name the bearer token acts under, in the audit log and `decided_by`.
pub const TOKEN_ACTOR: &str = "token";

/// A moderator whose request is authenticated: `401` without a valid session or token,
/// `403` for a session's write without its CSRF token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moderator {
    /// Who (`token` for the bearer token).
    pub name: String,
    /// What they may do.
    pub role: Role,
    /// The session's cookie, when authenticated by one.
    pub session: Option<String>,
}

impl FromRequestParts<Arc<AppState>> for Moderator {
    type Rejection = ApiFailure;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        if let Some(presented) = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .map(str::to_owned)
        {
            let Some(expected) = &state.moderation_token_digest else {
                return Err(ApiFailure::Unauthorized);
            };
            let ClientKey(client) = ClientKey::from_request_parts(parts, state).await?;
            let now = Instant::now();
            if let Some(retry_after) = state.token_guard.refused(&client, now) {
                return Err(ApiFailure::TooManyLogins { retry_after });
            }
            // Comparing digests keeps the time independent of the token's length and content.
            return if bool::from(token_digest(presented.trim()).ct_eq(expected)) {
                Ok(Self {
                    name: TOKEN_ACTOR.to_owned(),
                    role: Role::Admin,
                    session: None,
                })
            } else {
                tracing::warn!(%client, "refused a wrong moderation token");
                state.token_guard.record_failure(&client, now);
                Err(ApiFailure::Unauthorized)
            };
        }
        let jar = CookieJar::from_headers(&parts.headers);
        let token = jar
            .get(SESSION_COOKIE)
            .map(|cookie| cookie.value().to_owned())
            .ok_or(ApiFailure::Unauthorized)?;
        let session = state
            .db
            .session(&token)
            .await?
            .ok_or(ApiFailure::SessionExpired)?;
        let writes = !matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
        if writes {
            let echoed = parts
                .headers
                .get(CSRF_HEADER)
                .map(axum::http::HeaderValue::as_bytes)
                .unwrap_or_default();
            if !bool::from(echoed.ct_eq(session.csrf_token.as_bytes())) {
                tracing::warn!(moderator = %session.account.name, "refused a write without its CSRF token");
                return Err(ApiFailure::CsrfFailed);
            }
        }
        Ok(Self {
            name: session.account.name,
            role: session.account.role,
            session: Some(token),
        })
    }
}

/// A moderator who is an admin: `403 forbidden` for the others.
#[derive(Clone, Debug)]
pub struct Admin(pub Moderator);

impl FromRequestParts<Arc<AppState>> for Admin {
    type Rejection = ApiFailure;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        let moderator = Moderator::from_request_parts(parts, state).await?;
        if moderator.role == Role::Admin {
            Ok(Self(moderator))
        } else {
            Err(ApiFailure::AdminsOnly)
        }
    }
}

/// The SHA-256 digest a moderation token is compared by.
pub fn token_digest(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}
