//! Answers that are the same for everyone (article pages, the public pages of a thread): how
//! long caches may keep them, their strong `ETag`s, and `If-None-Match` (a client or cache that
//! has the answer gets a `304`).

use axum::http::{HeaderMap, header};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

/// How long browsers and shared caches (nginx's `proxy_cache`, a CDN) may keep what is the
/// same for every reader (a thread's public pages, an article page), then serve it stale while
/// they fetch it again: a new approval shows within 10 s.
pub const PUBLIC_CACHE_CONTROL: &str = "public, max-age=5, stale-while-revalidate=5";

/// The `ETag` of a body: its SHA-256, quoted.
pub fn of(body: &[u8]) -> String {
    format!("\"{}\"", STANDARD.encode(Sha256::digest(body)))
}

/// Whether the request's `If-None-Match` names `etag` (or `*`): the client has the answer.
pub fn client_has(request: &HeaderMap, etag: &str) -> bool {
    request
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|tags| {
            tags.split(',')
                .map(str::trim)
                .any(|tag| tag == etag || tag == "*")
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn a_listed_tag_or_a_star_matches() {
        let etag = of(b"[]");
        let mut request = HeaderMap::new();
        assert!(!client_has(&request, &etag));
        request.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_str(&format!("\"other\", {etag}")).unwrap(),
        );
        assert!(client_has(&request, &etag));
        request.insert(header::IF_NONE_MATCH, HeaderValue::from_static("*"));
        assert!(client_has(&request, &etag));
        request.insert(header::IF_NONE_MATCH, HeaderValue::from_static("\"other\""));
        assert!(!client_has(&request, &etag));
    }
}
