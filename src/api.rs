//! Calls to the comment API (`crates/api/openapi.yaml`) and the models they return.

use binhluan_api::{
    ApiError, Article, Comment, CommentPage, IDEMPOTENCY_KEY_HEADER, IssuedReader, Like,
    NewComment, NewReport, Policy, READER_ID_HEADER, ReaderState, RestoreRequest, Restored,
    SortOrder, ViewCount,
};
use serde::de::DeserializeOwned;

use crate::{http, json, local_storage};

/// Why a request of the app's to the API gave no usable answer (the server's own error type,
/// answered as `binhluan_api::ApiError`, is another thing).
#[derive(Clone, Debug, PartialEq)]
pub enum RequestFailure {
    /// No answer arrived: the reader is offline or the server is down.
    Network,
    /// The server answered with an error status, and its JSON error if it sent one.
    Status {
        /// The HTTP status.
        status: u16,
        /// The server's explanation.
        error: Option<Box<ApiError>>,
    },
    /// The server answered `2xx` with a body the app does not understand.
    Decode,
}

impl RequestFailure {
    /// Whether the server said the thing asked for does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, RequestFailure::Status { status: 404, .. })
    }
}

/// Where the API lives: `""` for the server that served the app, or an embed's `data-api`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ApiBase(pub String);

impl ApiBase {
    fn url(&self, path: &str) -> String {
        format!("{}/api{path}", self.0.trim_end_matches('/'))
    }
}

/// Encodes one path segment, so that a slug from the address bar cannot change the path.
fn segment(value: &str) -> String {
    String::from(js_sys::encode_uri_component(value))
}

/// `GET /api/articles/{slug}`.
pub async fn fetch_article(base: &ApiBase, slug: &str) -> Result<Article, RequestFailure> {
    get_json(&base.url(&format!("/articles/{}", segment(slug)))).await
}

/// `POST /api/articles/{slug}/views`: counts one reading of the article by `reader` (once an
/// hour).
pub async fn record_view(
    base: &ApiBase,
    slug: &str,
    reader: &str,
) -> Result<ViewCount, RequestFailure> {
    let url = base.url(&format!("/articles/{}/views", segment(slug)));
    let response = http::send("POST", &url, &[(READER_ID_HEADER, reader)], Some("{}"))
        .await
        .map_err(|_| RequestFailure::Network)?;
    decode(response)
}

/// The reader's id: the one the server issued earlier, or a new one asked for now
/// (`POST /api/readers`) and kept; empty when none can be had (then the call goes without,
/// and likes wait until one can).
pub async fn reader(base: &ApiBase) -> String {
    let kept = local_storage::reader_id();
    if !kept.is_empty() {
        return kept;
    }
    let issued = match http::send("POST", &base.url("/readers"), &[], Some("{}")).await {
        Ok(response) => decode::<IssuedReader>(response).ok(),
        Err(_) => None,
    };
    issued.map_or_else(String::new, |issued| {
        local_storage::keep_reader_id(&issued.reader_id);
        issued.reader_id
    })
}

/// `GET /api/policy`: the rules the server enforces.
pub async fn fetch_policy(base: &ApiBase) -> Result<Policy, RequestFailure> {
    get_json(&base.url("/policy")).await
}

/// `GET /api/articles/{slug}/comments`: one page of published comments with their replies,
/// the same for every reader (their `liked` comes from [`fetch_reader_state`]).
pub async fn fetch_comments(
    base: &ApiBase,
    slug: &str,
    sort: SortOrder,
    cursor: Option<&str>,
) -> Result<CommentPage, RequestFailure> {
    let sort = match sort {
        SortOrder::Newest => "newest",
        SortOrder::Top => "top",
    };
    let mut url = base.url(&format!("/articles/{}/comments?sort={sort}", segment(slug)));
    if let Some(cursor) = cursor {
        url.push_str("&cursor=");
        url.push_str(&segment(cursor));
    }
    get_json(&url).await
}

/// `GET /api/comments/{id}/replies`: the page of a comment's published replies after `cursor`.
pub async fn fetch_replies(
    base: &ApiBase,
    id: i64,
    cursor: &str,
) -> Result<CommentPage, RequestFailure> {
    let url = base.url(&format!(
        "/comments/{id}/replies?cursor={}",
        segment(cursor)
    ));
    get_json(&url).await
}

/// `GET /api/articles/{slug}/mine`: what `reader` likes and has waiting for a moderator.
/// Nothing to ask for a reader without an id yet.
pub async fn fetch_reader_state(
    base: &ApiBase,
    slug: &str,
    reader: &str,
) -> Result<ReaderState, RequestFailure> {
    if reader.is_empty() {
        return Ok(ReaderState::default());
    }
    let url = base.url(&format!("/articles/{}/mine", segment(slug)));
    let response = http::send("GET", &url, &[(READER_ID_HEADER, reader)], None)
        .await
        .map_err(|_| RequestFailure::Network)?;
    decode(response)
}

/// `POST /api/articles/{slug}/comments` by `reader`, with the key that makes a retry safe.
pub async fn post_comment(
    base: &ApiBase,
    slug: &str,
    comment: &NewComment,
    idempotency_key: &str,
    reader: &str,
) -> Result<Comment, RequestFailure> {
    let url = base.url(&format!("/articles/{}/comments", segment(slug)));
    let body = json::stringify(comment).ok_or(RequestFailure::Decode)?;
    let headers = [
        (IDEMPOTENCY_KEY_HEADER, idempotency_key),
        (READER_ID_HEADER, reader),
    ];
    let response = http::send("POST", &url, &headers, Some(&body))
        .await
        .map_err(|_| RequestFailure::Network)?;
    decode(response)
}

/// `POST` (like) or `DELETE` (unlike) `/api/comments/{id}/like`.
pub async fn set_like(
    base: &ApiBase,
    id: i64,
    like: bool,
    reader: &str,
) -> Result<Like, RequestFailure> {
    let url = base.url(&format!("/comments/{id}/like"));
    let method = if like { "POST" } else { "DELETE" };
    let response = http::send(method, &url, &[(READER_ID_HEADER, reader)], None)
        .await
        .map_err(|_| RequestFailure::Network)?;
    decode(response)
}

/// `POST /api/comments/{id}/report`: `reader` reports the comment (`202`).
pub async fn report_comment(
    base: &ApiBase,
    id: i64,
    report: &NewReport,
    reader: &str,
) -> Result<(), RequestFailure> {
    let url = base.url(&format!("/comments/{id}/report"));
    let body = json::stringify(report).ok_or(RequestFailure::Decode)?;
    let response = http::send("POST", &url, &[(READER_ID_HEADER, reader)], Some(&body))
        .await
        .map_err(|_| RequestFailure::Network)?;
    if (200..300).contains(&response.status) {
        Ok(())
    } else {
        Err(refusal(response))
    }
}

/// `POST /api/diacritics/restore`: `text` with its marks restored, and the words the reader
/// may want to choose another form of.
pub async fn restore_marks(base: &ApiBase, text: &str) -> Result<Restored, RequestFailure> {
    let request = RestoreRequest {
        text: text.to_owned(),
    };
    let body = json::stringify(&request).ok_or(RequestFailure::Decode)?;
    let response = http::send("POST", &base.url("/diacritics/restore"), &[], Some(&body))
        .await
        .map_err(|_| RequestFailure::Network)?;
    decode(response)
}

async fn get_json<T: DeserializeOwned>(url: &str) -> Result<T, RequestFailure> {
    let response = http::send("GET", url, &[], None)
        .await
        .map_err(|_| RequestFailure::Network)?;
    decode(response)
}

fn decode<T: DeserializeOwned>(response: http::HttpResponse) -> Result<T, RequestFailure> {
    if (200..300).contains(&response.status) {
        json::parse(&response.body).ok_or(RequestFailure::Decode)
    } else {
        Err(refusal(response))
    }
}

/// An error answer, with the server's explanation if it sent one.
fn refusal(response: http::HttpResponse) -> RequestFailure {
    RequestFailure::Status {
        status: response.status,
        error: json::parse(&response.body).map(Box::new),
    }
}
