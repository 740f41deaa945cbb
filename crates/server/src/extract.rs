//! Request extractors whose failures are [`ApiFailure`]s (JSON errors), not axum's plain-text
//! rejections.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use binhluan_api::{IDEMPOTENCY_KEY_HEADER, READER_ID_HEADER};
use serde::de::DeserializeOwned;

use crate::client_key;
use crate::error::ApiFailure;
use crate::state::AppState;
use crate::validation;

/// A JSON request body: `415` unless the content type is JSON, `413` when too large, `400`
/// when it is not valid UTF-8 JSON of the expected shape.
#[derive(Debug)]
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiFailure;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_json_content_type(request.headers().get(header::CONTENT_TYPE)) {
            return Err(ApiFailure::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiFailure::PayloadTooLarge
                } else {
                    ApiFailure::malformed(
                        "Không đọc được dữ liệu gửi lên.",
                        format!("Cannot read the body: {rejection}"),
                    )
                }
            })?;
        serde_json::from_slice(&bytes)
            .map(JsonBody)
            .map_err(|error| {
                ApiFailure::malformed(
                    format!("Dữ liệu JSON không hợp lệ: {error}"),
                    format!("Invalid JSON body: {error}"),
                )
            })
    }
}

/// Whether a `Content-Type` is JSON (`application/json`, parameters such as `charset` allowed).
pub fn is_json_content_type(value: Option<&header::HeaderValue>) -> bool {
    value
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

/// Query parameters; `400` when they do not parse.
#[derive(Debug)]
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Query::from_request_parts(parts, state)
            .await
            .map(|Query(value)| ApiQuery(value))
            .map_err(|rejection| {
                ApiFailure::malformed(
                    format!("Tham số truy vấn không hợp lệ: {}", rejection.body_text()),
                    format!("Invalid query parameters: {}", rejection.body_text()),
                )
            })
    }
}

/// A comment id in the path; `400` when it is not an integer.
#[derive(Debug)]
pub struct CommentId(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for CommentId {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Path::<i64>::from_request_parts(parts, state)
            .await
            .map(|Path(id)| CommentId(id))
            .map_err(|_| {
                ApiFailure::invalid(
                    "id",
                    "Mã bình luận phải là số nguyên.",
                    "The comment id must be an integer.",
                )
            })
    }
}

/// The request's `Idempotency-Key` (required).
#[derive(Debug)]
pub struct IdempotencyKey(pub String);

impl<S: Send + Sync> FromRequestParts<S> for IdempotencyKey {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        validation::idempotency_key(header_bytes(parts, IDEMPOTENCY_KEY_HEADER)).map(IdempotencyKey)
    }
}

/// The reader's anonymous id from `X-Reader-Id`, if sent and signed by this server
/// (`POST /api/readers`); an id it did not sign counts as none (`400` if malformed).
#[derive(Debug)]
pub struct ReaderId(pub Option<String>);

impl FromRequestParts<Arc<AppState>> for ReaderId {
    type Rejection = ApiFailure;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        let raw = header_bytes(parts, READER_ID_HEADER);
        let id = raw.map(validation::reader_id).transpose()?;
        Ok(ReaderId(id.filter(|id| state.readers.verify(id))))
    }
}

/// The bytes of the request's `name` header, if it has one.
fn header_bytes<'a>(parts: &'a Parts, name: &str) -> Option<&'a [u8]> {
    parts
        .headers
        .get(name)
        .map(axum::http::HeaderValue::as_bytes)
}

/// The key the rate limits count against ([`client_key::rate_limit_key`]: IPv6 clients by their
/// /64) of the client's address ([`client_key::client_address`]: the socket peer, or through the
/// `--trusted-proxies`, the client their `X-Forwarded-For` names).
#[derive(Debug)]
pub struct ClientKey(pub String);

impl FromRequestParts<Arc<AppState>> for ClientKey {
    type Rejection = ApiFailure;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        let ConnectInfo(peer) = ConnectInfo::<SocketAddr>::from_request_parts(parts, state)
            .await
            .map_err(|rejection| {
                ApiFailure::Internal(anyhow::anyhow!("no peer address: {rejection}"))
            })?;
        // A header that is not text is no list of addresses: as if it were garbage.
        let entries: Vec<&str> = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .flat_map(|header| header.to_str().unwrap_or("?").split(','))
            .collect();
        let address =
            client_key::client_address(peer.ip(), entries.into_iter(), &state.trusted_proxies);
        Ok(ClientKey(client_key::rate_limit_key(address)))
    }
}
