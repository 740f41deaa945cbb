//! A scripted API: `window.fetch` replaced by a function that answers each request from a
//! queue of replies per method and path, can hold an answer until the test releases it, and
//! records every request with its headers and body.
//!
//! A path pattern is the request's path and query (`/api/articles/a/comments?sort=newest`),
//! matched exactly, or a prefix when it ends with `*`. A request no reply is scripted for gets
//! a `404`, as from the test page's own server, and is recorded as `unmatched`.

use std::collections::HashMap;

use binhluan_api::{ApiError, Comment, CommentPage, CommentStatus, IssuedReader, Like, Policy};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::wait_until;

#[wasm_bindgen(inline_js = r#"
// The browser's own `fetch`, as the page was loaded: restored even after a test that panicked
// (and so never dropped its mock) left another function in its place.
const REAL_FETCH = window.fetch;

function matches(pattern, path) {
  return pattern.endsWith("*") ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}

const NOT_FOUND = JSON.stringify({ error: "not_found", message: "Không tìm thấy.",
                                   message_en: "Not found." });

export function installFetchMock() {
  const mock = { routes: [], requests: [] };
  window.fetch = function (input, init) {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url, location.href);
    const path = url.pathname + url.search;
    const headers = {};
    request.headers.forEach((value, name) => { headers[name] = value; });
    const record = { seq: mock.requests.length, method: request.method, url: url.href, path,
                     headers, body: null, state: "answered", release: null };
    mock.requests.push(record);
    const route = mock.routes.find((r) => r.method === request.method && matches(r.pattern, path)
                                          && (r.queue.length > 0 || r.always));
    let reply;
    if (!route) {
      record.state = "unmatched";
      reply = { status: 404, body: NOT_FOUND, hold: false, fail: false };
    } else {
      reply = route.queue.length > 0 ? route.queue.shift() : route.always;
    }
    let gate = null;
    if (reply.hold) {
      record.state = "held";
      gate = new Promise((resolve) => { record.release = resolve; });
    }
    const body = request.method === "GET" || request.method === "HEAD"
      ? Promise.resolve(null) : request.clone().text();
    return (async () => {
      record.body = await body;
      if (gate) await gate;
      if (reply.fail) throw new TypeError("Failed to fetch");
      return new Response(reply.body, { status: reply.status,
                                        headers: { "Content-Type": "application/json" } });
    })();
  };
  return mock;
}

export function scriptReply(mock, method, pattern, status, body, hold, fail, always) {
  let route = mock.routes.find((r) => r.method === method && r.pattern === pattern);
  if (!route) {
    route = { method, pattern, queue: [], always: null };
    mock.routes.push(route);
  }
  const reply = { status, body, hold, fail };
  if (always) route.always = reply; else route.queue.push(reply);
}

export function releaseHeld(mock, method, pattern) {
  const record = mock.requests.find((r) => r.state === "held" && r.method === method
                                           && matches(pattern, r.path));
  if (!record) return false;
  record.state = "released";
  record.release();
  return true;
}

export function mockRequests(mock) {
  return JSON.stringify(mock.requests.map(({ release, ...rest }) => rest));
}

export function uninstallFetchMock() {
  window.fetch = REAL_FETCH;
}

// `crypto.randomUUID`, hidden as on a page served over plain http, where it does not exist.
let hiddenRandomUuid = null;
export function hideRandomUuid() {
  if (!hiddenRandomUuid) {
    hiddenRandomUuid = Object.getOwnPropertyDescriptor(Crypto.prototype, "randomUUID");
    delete Crypto.prototype.randomUUID;
  }
  return typeof window.crypto.randomUUID === "undefined";
}
export function restoreRandomUuid() {
  if (hiddenRandomUuid) {
    Object.defineProperty(Crypto.prototype, "randomUUID", hiddenRandomUuid);
    hiddenRandomUuid = null;
  }
}
"#)]
extern "C" {
    type JsFetchMock;
    #[wasm_bindgen(js_name = installFetchMock)]
    fn install_fetch_mock() -> JsFetchMock;
    #[wasm_bindgen(js_name = scriptReply)]
    #[allow(clippy::too_many_arguments)]
    fn script_reply(
        mock: &JsFetchMock,
        method: &str,
        pattern: &str,
        status: u16,
        body: &str,
        hold: bool,
        fail: bool,
        always: bool,
    );
    #[wasm_bindgen(js_name = releaseHeld)]
    fn release_held(mock: &JsFetchMock, method: &str, pattern: &str) -> bool;
    #[wasm_bindgen(js_name = mockRequests)]
    fn mock_requests(mock: &JsFetchMock) -> String;
    #[wasm_bindgen(js_name = uninstallFetchMock)]
    fn uninstall_fetch_mock();

    #[wasm_bindgen(js_name = hideRandomUuid)]
    fn hide_random_uuid() -> bool;
    #[wasm_bindgen(js_name = restoreRandomUuid)]
    fn restore_random_uuid();
}

fn matches(pattern: &str, path: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => path.starts_with(prefix),
        None => path == pattern,
    }
}

/// One scripted answer.
#[derive(Clone, Debug)]
pub struct Reply {
    status: u16,
    body: String,
    hold: bool,
    fail: bool,
}

impl Reply {
    /// `status` with `body` as JSON.
    pub fn json(status: u16, body: &impl Serialize) -> Reply {
        Reply {
            status,
            body: serde_json::to_string(body).unwrap(),
            hold: false,
            fail: false,
        }
    }

    /// `status` with a body that is not the API's JSON (a proxy's error page, say).
    pub fn text(status: u16, body: &str) -> Reply {
        Reply {
            status,
            body: body.to_owned(),
            hold: false,
            fail: false,
        }
    }

    /// No answer at all: `fetch` rejects, as when the reader is offline.
    pub fn network_failure() -> Reply {
        Reply {
            status: 0,
            body: String::new(),
            hold: false,
            fail: true,
        }
    }

    /// The same answer, held until [`FetchMock::release`].
    pub fn held(self) -> Reply {
        Reply { hold: true, ..self }
    }
}

/// A request the app made.
#[derive(Clone, Debug, serde::Deserialize)]
pub struct MockRequest {
    /// Its rank among the requests, from 0.
    pub seq: u32,
    /// `GET`, `POST`….
    pub method: String,
    /// The absolute URL.
    pub url: String,
    /// The path and query.
    pub path: String,
    /// The headers, by lower-case name.
    pub headers: HashMap<String, String>,
    /// The body, once read (`None` for a `GET`).
    pub body: Option<String>,
    /// `answered`, `held`, `released`, or `unmatched` (answered `404`: nothing was scripted).
    pub state: String,
}

impl MockRequest {
    /// The header `name`, whatever its case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }

    /// The body, parsed as JSON.
    pub fn json(&self) -> serde_json::Value {
        let body = self.body.as_deref().expect("a request with a body");
        serde_json::from_str(body).unwrap_or_else(|e| panic!("body is not JSON ({e}): {body}"))
    }
}

/// `window.fetch` scripted, until dropped: then the browser's own `fetch` is back.
pub struct FetchMock(JsFetchMock);

/// The reader id the scripted server issues (`POST /api/readers`).
pub const ISSUED_READER: &str = "r1.cmVhZGVyLW9mLXRoZS10ZXN0.c2lnbmVkLWJ5LXRoZS1tb2Nr";

impl FetchMock {
    /// Replaces `window.fetch`; `POST /api/readers` issues [`ISSUED_READER`].
    pub fn install() -> FetchMock {
        let mock = FetchMock(install_fetch_mock());
        let issued = IssuedReader {
            reader_id: ISSUED_READER.to_owned(),
        };
        mock.always("POST", "/api/readers", Reply::json(201, &issued));
        mock
    }

    /// Queues `reply` for the next request `method pattern`; queued replies are used in order.
    pub fn reply(&self, method: &str, pattern: &str, reply: Reply) -> &Self {
        self.script(method, pattern, reply, false)
    }

    /// Answers every request `method pattern` with `reply` once its queue is empty.
    pub fn always(&self, method: &str, pattern: &str, reply: Reply) -> &Self {
        self.script(method, pattern, reply, true)
    }

    fn script(&self, method: &str, pattern: &str, reply: Reply, always: bool) -> &Self {
        script_reply(
            &self.0,
            method,
            pattern,
            reply.status,
            &reply.body,
            reply.hold,
            reply.fail,
            always,
        );
        self
    }

    /// Lets the first held request `method pattern` have its answer; panics if none is held.
    pub fn release(&self, method: &str, pattern: &str) {
        assert!(
            release_held(&self.0, method, pattern),
            "no held request {method} {pattern}; requests: {:#?}",
            self.requests()
        );
    }

    /// Every request so far, in the order `fetch` was called.
    pub fn requests(&self) -> Vec<MockRequest> {
        serde_json::from_str(&mock_requests(&self.0)).unwrap()
    }

    /// The requests `method pattern` so far.
    pub fn requests_to(&self, method: &str, pattern: &str) -> Vec<MockRequest> {
        self.requests()
            .into_iter()
            .filter(|r| r.method == method && matches(pattern, &r.path))
            .collect()
    }

    /// Waits until `count` requests `method pattern` have been made.
    pub async fn wait_for(&self, count: usize, method: &str, pattern: &str) {
        let what = format!("{count} request(s) {method} {pattern}");
        wait_until(&what, 5000, || {
            self.requests_to(method, pattern).len() >= count
        })
        .await;
    }
}

impl Drop for FetchMock {
    fn drop(&mut self) {
        uninstall_fetch_mock();
    }
}

/// `crypto.randomUUID` hidden, as on a plain-http page, until dropped.
pub struct NoRandomUuid;

impl NoRandomUuid {
    /// Hides it; panics if it still shows.
    pub fn hide() -> NoRandomUuid {
        assert!(hide_random_uuid(), "crypto.randomUUID is still there");
        NoRandomUuid
    }
}

impl Drop for NoRandomUuid {
    fn drop(&mut self) {
        restore_random_uuid();
    }
}

// ---------------------------------------------------------------------------------------------
// The API's paths and bodies.

/// `/api/articles/{slug}/comments`: where comments are posted.
pub fn comments_path(slug: &str) -> String {
    format!("/api/articles/{slug}/comments")
}

/// The first page of `slug`'s comments in `sort` (`newest`, `top`).
pub fn page_path(slug: &str, sort: &str) -> String {
    format!("/api/articles/{slug}/comments?sort={sort}")
}

/// The page after `cursor` of `slug`'s comments in `sort`.
pub fn next_page_path(slug: &str, sort: &str, cursor: &str) -> String {
    format!("/api/articles/{slug}/comments?sort={sort}&cursor={cursor}")
}

/// `/api/comments/{id}/replies?cursor={cursor}`.
pub fn replies_path(id: i64, cursor: &str) -> String {
    format!("/api/comments/{id}/replies?cursor={cursor}")
}

/// `/api/comments/{id}/like`.
pub fn like_path(id: i64) -> String {
    format!("/api/comments/{id}/like")
}

/// `/api/policy`.
pub const POLICY_PATH: &str = "/api/policy";

/// A published comment by "Bạn đọc {id}", with no likes.
pub fn comment(id: i64, content: &str) -> Comment {
    Comment {
        id,
        parent_id: None,
        author_name: format!("Bạn đọc {id}"),
        content: content.to_owned(),
        created_at: "2026-11-20T08:00:00Z".to_owned(),
        status: CommentStatus::Published,
        likes: 0,
        liked: false,
        featured: false,
        replies: Vec::new(),
        reply_count: 0,
        replies_cursor: None,
        author_email: None,
        rejection_reason: None,
    }
}

/// A page of comments `ids` (each with a content naming it).
pub fn page(ids: &[i64], next_cursor: Option<&str>, total: u64) -> CommentPage {
    CommentPage {
        comments: ids
            .iter()
            .map(|&id| comment(id, &format!("Bình luận số {id} của bạn đọc.")))
            .collect(),
        next_cursor: next_cursor.map(str::to_owned),
        total,
        closed: false,
    }
}

/// The answer to a like or an unlike.
pub fn like(likes: u64, liked: bool) -> Like {
    Like { likes, liked }
}

/// The server's error body.
pub fn api_error(error: &str, retry_after: Option<u64>) -> ApiError {
    ApiError {
        error: error.to_owned(),
        message: "Máy chủ từ chối yêu cầu.".to_owned(),
        message_en: "The server refused the request.".to_owned(),
        violations: Vec::new(),
        field: None,
        retry_after,
        until: None,
    }
}

/// The seed policy with `banned_words`.
pub fn policy_banning(banned_words: &[&str]) -> Policy {
    Policy {
        banned_words: banned_words.iter().map(|w| (*w).to_owned()).collect(),
        ..Policy::default()
    }
}

/// Whether `id` is a version 4, variant 1 UUID in lower-case hex (`xxxxxxxx-xxxx-4xxx-
/// [89ab]xxx-xxxxxxxxxxxx`).
pub fn is_uuid_v4(id: &str) -> bool {
    let bytes = id.as_bytes();
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, &b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            14 => b == b'4',
            19 => matches!(b, b'8' | b'9' | b'a' | b'b'),
            _ => b.is_ascii_digit() || (b'a'..=b'f').contains(&b),
        })
}
