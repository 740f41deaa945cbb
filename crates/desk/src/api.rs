//! The moderation API (`/api/moderation`, same origin) and why a call failed.
//!
//! The session cookie goes with every request by itself; writes also carry the session's
//! CSRF token in [`CSRF_HEADER`].

use binhluan_api::{
    ApiError, AuditPage, AuthorHistory, Ban, BanList, BulkDecision, BulkOutcome, CSRF_HEADER,
    Comment, CommentStatus, LinkLogin, Login, ModerationDecision, ModerationPage, NewBan,
    PolicyEdit, PolicyVersion, QueueCounts, ReportedPage, Session,
};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::i18n::Lang;
use crate::i18n::Translated;

/// Where the moderation API lives.
const BASE: &str = "/api/moderation";

/// How many comments a page of a queue holds.
pub const PAGE_SIZE: u32 = 50;

/// Why a call failed.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// The server could not be reached, or its answer could not be read.
    Network,
    /// The server refused, with its status and, when it said why, its error.
    Refused {
        /// The HTTP status.
        status: u16,
        /// The body, when it is the API's error shape.
        error: Option<Box<ApiError>>,
    },
}

impl Failure {
    /// Whether the session is missing or expired (`401`).
    pub fn is_unauthorized(&self) -> bool {
        matches!(self, Failure::Refused { status: 401, .. })
    }

    /// The API's error code (`already_decided`, `undo_expired`, …), if it sent one.
    pub fn code(&self) -> Option<&str> {
        match self {
            Failure::Refused {
                error: Some(error), ..
            } => Some(&error.error),
            _ => None,
        }
    }

    /// What to tell the moderator, in `lang`: the server's own message when it sent one.
    pub fn message(&self, lang: Lang) -> String {
        let texts = lang.texts();
        match self {
            Failure::Network => texts.network_error.to_owned(),
            Failure::Refused {
                error: Some(error), ..
            } => lang.pick(&error.message, &error.message_en).to_owned(),
            Failure::Refused { error: None, .. } => texts.unknown_error.to_owned(),
        }
    }
}

/// The reasons a comment can be rejected for, keys `1` to `5` in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    /// Spam or advertising.
    Spam,
    /// Offensive.
    Offensive,
    /// Off topic.
    OffTopic,
    /// A personal attack.
    PersonalAttack,
    /// Anything else.
    Other,
}

impl Reason {
    /// Every reason, in the order of their keys.
    pub const ALL: [Reason; 5] = [
        Reason::Spam,
        Reason::Offensive,
        Reason::OffTopic,
        Reason::PersonalAttack,
        Reason::Other,
    ];

    /// The code the API takes.
    pub fn code(self) -> &'static str {
        match self {
            Reason::Spam => "spam",
            Reason::Offensive => "offensive",
            Reason::OffTopic => "off_topic",
            Reason::PersonalAttack => "personal_attack",
            Reason::Other => "other",
        }
    }

    /// The reason with this code.
    pub fn from_code(code: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// A decision on one comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Publish it.
    Approve,
    /// Reject it, for a reason.
    Reject(Reason),
}

impl Decision {
    /// The status the comment has once decided.
    pub fn status(self) -> CommentStatus {
        match self {
            Decision::Approve => CommentStatus::Published,
            Decision::Reject(_) => CommentStatus::Rejected,
        }
    }
}

/// What a queue page is asked for: the queue, its filters and where the page starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// The queue.
    pub status: CommentStatus,
    /// Only this article's comments, when not empty.
    pub article: String,
    /// Only comments whose text or author has this, when not empty.
    pub search: String,
}

/// The API's name of a queue.
pub fn status_code(status: CommentStatus) -> &'static str {
    match status {
        CommentStatus::Pending => "pending",
        CommentStatus::Published => "published",
        CommentStatus::Rejected => "rejected",
    }
}

/// `GET /api/moderation/session`: the session the cookie holds, if any.
pub async fn session() -> Result<Session, Failure> {
    send(Request::get(&format!("{BASE}/session")), None::<&()>).await
}

/// `POST /api/moderation/session`: logs in with a name and password.
pub async fn login(login: &Login) -> Result<Session, Failure> {
    send(Request::post(&format!("{BASE}/session")), Some(login)).await
}

/// `POST /api/moderation/session/link`: logs in with a one-time link's secret.
pub async fn login_link(token: String) -> Result<Session, Failure> {
    let body = LinkLogin { token };
    send(Request::post(&format!("{BASE}/session/link")), Some(&body)).await
}

/// `DELETE /api/moderation/session`: logs out.
pub async fn logout(csrf: &str) -> Result<(), Failure> {
    let request = Request::delete(&format!("{BASE}/session")).header(CSRF_HEADER, csrf);
    fetch(request, None::<&()>).await.map(drop)
}

/// `GET /api/moderation/counts`: how many comments each queue holds.
pub async fn counts() -> Result<QueueCounts, Failure> {
    send(Request::get(&format!("{BASE}/counts")), None::<&()>).await
}

/// `GET /api/moderation/comments`: a page of a queue, from `cursor` (the first without).
pub async fn comments(query: &Query, cursor: Option<&str>) -> Result<ModerationPage, Failure> {
    let limit = PAGE_SIZE.to_string();
    let mut params = vec![("status", status_code(query.status)), ("limit", &limit)];
    if !query.article.is_empty() {
        params.push(("article", &query.article));
    }
    if !query.search.is_empty() {
        params.push(("q", &query.search));
    }
    if let Some(cursor) = cursor {
        params.push(("cursor", cursor));
    }
    let request = Request::get(&format!("{BASE}/comments")).query(params);
    send(request, None::<&()>).await
}

/// `GET /api/moderation/comments/{id}/history`: what the comment's author did before.
pub async fn history(id: i64) -> Result<AuthorHistory, Failure> {
    send(
        Request::get(&format!("{BASE}/comments/{id}/history")),
        None::<&()>,
    )
    .await
}

/// `POST /api/moderation/comments/{id}/approve` or `…/reject`.
pub async fn decide(csrf: &str, id: i64, decision: Decision) -> Result<Comment, Failure> {
    let (path, body) = match decision {
        Decision::Approve => ("approve", ModerationDecision::default()),
        Decision::Reject(reason) => (
            "reject",
            ModerationDecision {
                reason: Some(reason.code().to_owned()),
            },
        ),
    };
    let request = Request::post(&format!("{BASE}/comments/{id}/{path}"));
    write(request, csrf, Some(&body)).await
}

/// `POST` (`featured`) or `DELETE /api/moderation/comments/{id}/feature`.
pub async fn feature(csrf: &str, id: i64, featured: bool) -> Result<Comment, Failure> {
    let url = format!("{BASE}/comments/{id}/feature");
    if featured {
        write(Request::post(&url), csrf, Some(&serde_json::json!({}))).await
    } else {
        write(Request::delete(&url), csrf, None::<&()>).await
    }
}

/// `POST /api/moderation/comments/{id}/undo`: takes back one's last decision on it.
pub async fn undo(csrf: &str, id: i64) -> Result<Comment, Failure> {
    let request = Request::post(&format!("{BASE}/comments/{id}/undo"));
    write(request, csrf, Some(&serde_json::json!({}))).await
}

/// `POST /api/moderation/comments/bulk`: decides on many comments at once.
pub async fn bulk(csrf: &str, decision: &BulkDecision) -> Result<BulkOutcome, Failure> {
    let request = Request::post(&format!("{BASE}/comments/bulk"));
    write(request, csrf, Some(decision)).await
}

/// `GET /api/moderation/audit`: a page of the audit log, from `cursor`.
pub async fn audit(cursor: Option<String>) -> Result<AuditPage, Failure> {
    let mut request = Request::get(&format!("{BASE}/audit"));
    if let Some(cursor) = &cursor {
        request = request.query([("cursor", cursor.as_str())]);
    }
    send(request, None::<&()>).await
}

/// `GET /api/moderation/policy`: the policy's version in force.
pub async fn policy() -> Result<PolicyVersion, Failure> {
    send(Request::get(&format!("{BASE}/policy")), None::<&()>).await
}

/// `PUT /api/moderation/policy`: saves an edit as the next version (admins).
pub async fn save_policy(csrf: &str, edit: &PolicyEdit) -> Result<PolicyVersion, Failure> {
    write(Request::put(&format!("{BASE}/policy")), csrf, Some(edit)).await
}

/// `GET /api/moderation/reports`: the first page of the reported queue.
pub async fn reported() -> Result<ReportedPage, Failure> {
    let request = Request::get(&format!("{BASE}/reports")).query([("limit", "100")]);
    send(request, None::<&()>).await
}

/// `POST /api/moderation/comments/{id}/keep`: keeps a reported comment, dismissing its
/// reports.
pub async fn keep(csrf: &str, id: i64) -> Result<Comment, Failure> {
    let request = Request::post(&format!("{BASE}/comments/{id}/keep"));
    write(request, csrf, Some(&serde_json::json!({}))).await
}

/// `POST /api/moderation/bans`: bans a comment's author.
pub async fn ban(csrf: &str, ban: &NewBan) -> Result<Ban, Failure> {
    write(Request::post(&format!("{BASE}/bans")), csrf, Some(ban)).await
}

/// `GET /api/moderation/bans`: the first page of the bans in force.
pub async fn bans() -> Result<BanList, Failure> {
    let request = Request::get(&format!("{BASE}/bans")).query([("limit", "100")]);
    send(request, None::<&()>).await
}

/// `DELETE /api/moderation/bans/{id}`: lifts a ban.
pub async fn unban(csrf: &str, id: i64) -> Result<(), Failure> {
    let request = Request::delete(&format!("{BASE}/bans/{id}")).header(CSRF_HEADER, csrf);
    fetch(request, None::<&()>).await.map(drop)
}

/// A write: the request with the CSRF header.
async fn write<T: DeserializeOwned>(
    request: RequestBuilder,
    csrf: &str,
    body: Option<&impl Serialize>,
) -> Result<T, Failure> {
    send(request.header(CSRF_HEADER, csrf), body).await
}

/// Sends the request and reads a successful answer as `T`.
async fn send<T: DeserializeOwned>(
    request: RequestBuilder,
    body: Option<&impl Serialize>,
) -> Result<T, Failure> {
    let response = fetch(request, body).await?;
    response.json().await.map_err(|_| Failure::Network)
}

/// Sends the request, with `body` as JSON; a status other than 2xx is a [`Failure`].
async fn fetch(
    request: RequestBuilder,
    body: Option<&impl Serialize>,
) -> Result<Response, Failure> {
    let request = match body {
        Some(body) => request.json(body),
        None => request.build(),
    }
    .map_err(|_| Failure::Network)?;
    let response = request.send().await.map_err(|_| Failure::Network)?;
    if response.ok() {
        return Ok(response);
    }
    let status = response.status();
    let error = response.json::<ApiError>().await.ok().map(Box::new);
    Err(Failure::Refused { status, error })
}
