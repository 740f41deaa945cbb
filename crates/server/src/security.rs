//! Cross-origin rules: CORS for the embedding origins, and refusal of cross-site writes.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::error::ApiFailure;
use crate::extract::is_json_content_type;
use crate::origin::Origin;
use crate::state::AppState;

/// CORS for the embedding origins only: they may read the API and the app's files and send
/// the headers the app uses; every other origin gets no CORS headers.
pub fn cors_layer(allowed_origins: &[Origin]) -> CorsLayer {
    let origins: Vec<HeaderValue> = allowed_origins
        .iter()
        .filter_map(|origin| HeaderValue::from_str(origin.as_str()).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::HEAD, Method::POST, Method::DELETE])
        .allow_headers([
            header::CONTENT_TYPE,
            header::AUTHORIZATION,
            // binhluan_api::IDEMPOTENCY_KEY_HEADER and READER_ID_HEADER, lower-cased.
            HeaderName::from_static("idempotency-key"),
            HeaderName::from_static("x-reader-id"),
        ])
        .expose_headers([header::RETRY_AFTER])
        .max_age(std::time::Duration::from_secs(3600))
}

/// Refuses writes (`POST`, `PUT`, `PATCH`, `DELETE`) that a page on a foreign origin sends
/// (`403`): an `Origin` header must be an allowed origin or the server's own (same host as
/// the `Host` header). Requests without `Origin` (curl, server-to-server) pass. Also refuses
/// write bodies that are not JSON (`415`), so no HTML form can post.
pub async fn refuse_cross_site_writes(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let writes = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if writes {
        if let Some(origin) = request.headers().get(header::ORIGIN)
            && !origin_allowed(
                origin,
                request.headers().get(header::HOST),
                &state.allowed_origins,
            )
        {
            tracing::warn!(origin = ?origin, "refused a cross-site write");
            return ApiFailure::ForbiddenOrigin.into_response();
        }
        if let Some(content_type) = request.headers().get(header::CONTENT_TYPE)
            && !is_json_content_type(Some(content_type))
        {
            return ApiFailure::UnsupportedMediaType.into_response();
        }
    }
    next.run(request).await
}

/// Whether a request's `Origin` is an allowed origin or the server's own (its host is the
/// `Host` header); compared as normalized origins, so `https://bao.vn:443` is `https://bao.vn`.
fn origin_allowed(origin: &HeaderValue, host: Option<&HeaderValue>, allowed: &[Origin]) -> bool {
    let Some(origin) = origin
        .to_str()
        .ok()
        .and_then(|origin| origin.parse::<Origin>().ok())
    else {
        return false;
    };
    allowed.contains(&origin)
        || host
            .and_then(|host| host.to_str().ok())
            .is_some_and(|host| host.eq_ignore_ascii_case(origin.host()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_the_allowed_ones_or_the_servers_own() {
        let allowed = ["https://Bao.example.vn:443/".parse().unwrap()];
        let host = HeaderValue::from_static("127.0.0.1:3000");
        let check = |origin: &'static str| {
            origin_allowed(&HeaderValue::from_static(origin), Some(&host), &allowed)
        };
        assert!(check("https://bao.example.vn"));
        assert!(check("https://bao.example.vn:443"));
        assert!(check("http://127.0.0.1:3000"));
        assert!(!check("https://evil.example"));
        assert!(!check("null"));
        assert!(!check("http://127.0.0.1:3001"));
    }
}
