//! The one error type of the API: every failing handler returns an [`ApiFailure`], which
//! answers with the matching status and a JSON [`binhluan_api::ApiError`].

use std::borrow::Cow;

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use binhluan_api::{ApiError, Violation};

use crate::clock::day_and_time;

/// Why an API request failed.
#[derive(Debug)]
pub enum ApiFailure {
    /// The request is malformed (`400 invalid_input`).
    InvalidInput {
        /// What is wrong, in Vietnamese.
        message: String,
        /// What is wrong, in English.
        message_en: String,
        /// The field or header at fault, if one is.
        field: Option<&'static str>,
    },
    /// The comment breaks the newsroom's rules (`422 rule_violation`).
    RuleViolation(Vec<Violation>),
    /// Nothing is there (`404 not_found`).
    NotFound {
        /// What is missing, in Vietnamese.
        message: &'static str,
        /// What is missing, in English.
        message_en: &'static str,
    },
    /// The API has no such method on this path (`405 method_not_allowed`).
    MethodNotAllowed,
    /// No desk session and no valid moderation token (`401 unauthorized`).
    Unauthorized,
    /// The desk session ended or is unknown (`401 session_expired`).
    SessionExpired,
    /// A name and password that do not match (`401 invalid_login`).
    InvalidLogin,
    /// The request took longer than `--request-timeout` (`408 request_timeout`).
    RequestTimeout,
    /// More requests at once than `--max-concurrent-requests` (`503 overloaded`).
    Overloaded,
    /// A handler panicked: a bug, answered instead of dropping the connection
    /// (`500 internal`).
    Panicked,
    /// Too many failed logins for the account or from the client (`429 rate_limited`).
    TooManyLogins {
        /// Seconds until logging in may be tried again.
        retry_after: u64,
    },
    /// A desk session's write without its CSRF token (`403 csrf_failed`).
    CsrfFailed,
    /// Something only admins may do (`403 forbidden`).
    AdminsOnly,
    /// Another moderator decided on the comment first (`409 already_decided`).
    AlreadyDecided {
        /// Whether it is now published (otherwise rejected).
        published: bool,
        /// Who decided, if known.
        by: Option<String>,
    },
    /// Only published top-level comments can be chosen (`409 not_published`).
    NotPublished,
    /// The article has 10 chosen comments already (`409 featured_limit`).
    FeaturedLimit,
    /// The decision is not this moderator's, or older than 10 seconds (`409 undo_expired`).
    UndoExpired,
    /// An account with that name exists (`409 name_taken`).
    NameTaken,
    /// The policy was saved by someone else since this edit began (`409 policy_changed`).
    PolicyChanged,
    /// The request comes from a page on an origin that is not allowed (`403 forbidden_origin`).
    ForbiddenOrigin,
    /// The request body is not JSON (`415 unsupported_media_type`).
    UnsupportedMediaType,
    /// The request body is too large (`413 payload_too_large`).
    PayloadTooLarge,
    /// Too many posts from this client (`429 rate_limited`).
    RateLimited {
        /// Seconds until the client may post again.
        retry_after: u64,
    },
    /// The client opened too many threads for embedded pages (`429 rate_limited`).
    TooManyThreads {
        /// Seconds until the client may open threads again.
        retry_after: u64,
    },
    /// Too many likes from this client, or on one comment (`429 rate_limited`).
    TooManyLikes {
        /// Seconds until the client may like again.
        retry_after: u64,
    },
    /// Too many reader ids issued to this client (`429 rate_limited`).
    TooManyReaders {
        /// Seconds until the client may get one again.
        retry_after: u64,
    },
    /// Too many reports from this client (`429 rate_limited`).
    TooManyReports {
        /// Seconds until the client may report again.
        retry_after: u64,
    },
    /// Too many requests to restore marks from the client (`429 rate_limited`).
    TooManyRestores {
        /// Seconds until the client may ask again.
        retry_after: u64,
    },
    /// A moderator banned this reader or client (`403 banned`).
    Banned {
        /// When the ban ends (microseconds since the epoch); `None`: never.
        until: Option<i64>,
    },
    /// The article's thread no longer takes comments (`403 comments_closed`).
    CommentsClosed,
    /// The `Idempotency-Key` was used before with another body (`409 idempotency_conflict`).
    IdempotencyConflict,
    /// Something broke on the server (`500 internal`); the cause is logged, not returned.
    Internal(anyhow::Error),
}

impl ApiFailure {
    /// A `400 invalid_input` about `field`.
    pub fn invalid(
        field: &'static str,
        message: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Self {
        Self::InvalidInput {
            message: message.into(),
            message_en: message_en.into(),
            field: Some(field),
        }
    }

    /// A `400 invalid_input` about the request as a whole.
    pub fn malformed(message: impl Into<String>, message_en: impl Into<String>) -> Self {
        Self::InvalidInput {
            message: message.into(),
            message_en: message_en.into(),
            field: None,
        }
    }

    /// The `404` for an unknown article.
    pub fn article_not_found() -> Self {
        Self::NotFound {
            message: "Không tìm thấy bài viết.",
            message_en: "No such article.",
        }
    }

    /// The `404` for a slug that has no thread, when only registered articles have one.
    pub fn thread_not_registered() -> Self {
        Self::NotFound {
            message: "Bài viết này chưa mở phần bình luận.",
            message_en: "Comments are not open for this article.",
        }
    }

    /// The `404` for an unknown (or not visible) comment.
    pub fn comment_not_found() -> Self {
        Self::NotFound {
            message: "Không tìm thấy bình luận.",
            message_en: "No such comment.",
        }
    }

    /// The answer's status, its stable `error` code, and what went wrong in Vietnamese and
    /// in English: each failure described in one place.
    fn describe(&self) -> (StatusCode, &'static str, Cow<'_, str>, Cow<'_, str>) {
        match self {
            Self::InvalidInput {
                message,
                message_en,
                ..
            } => fixed(
                StatusCode::BAD_REQUEST,
                "invalid_input",
                message,
                message_en,
            ),
            Self::RuleViolation(_) => fixed(
                StatusCode::UNPROCESSABLE_ENTITY,
                "rule_violation",
                "Bình luận chưa đúng quy định của tòa soạn.",
                "The comment breaks the newsroom's rules.",
            ),
            Self::NotFound {
                message,
                message_en,
            } => fixed(StatusCode::NOT_FOUND, "not_found", message, message_en),
            Self::MethodNotAllowed => fixed(
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "Phương thức này không được hỗ trợ ở địa chỉ này.",
                "This method is not allowed on this path.",
            ),
            Self::Unauthorized => fixed(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "Cần đăng nhập trang kiểm duyệt (/kiem-duyet) hoặc mã kiểm duyệt hợp lệ (Authorization: Bearer …).",
                "Log in to the moderation desk (/kiem-duyet) or send a valid moderation token (Authorization: Bearer …).",
            ),
            Self::SessionExpired => fixed(
                StatusCode::UNAUTHORIZED,
                "session_expired",
                "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.",
                "Your session has ended. Please log in again.",
            ),
            Self::InvalidLogin => fixed(
                StatusCode::UNAUTHORIZED,
                "invalid_login",
                "Tên đăng nhập hoặc mật khẩu không đúng.",
                "Wrong name or password.",
            ),
            Self::TooManyLogins { retry_after } => (
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                Cow::Owned(format!(
                    "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {retry_after} giây."
                )),
                Cow::Owned(format!(
                    "Too many failed logins. Please try again in {retry_after} seconds."
                )),
            ),
            Self::CsrfFailed => fixed(
                StatusCode::FORBIDDEN,
                "csrf_failed",
                "Yêu cầu thiếu mã chống giả mạo (X-CSRF-Token). Hãy tải lại trang kiểm duyệt.",
                "The request lacks its anti-forgery token (X-CSRF-Token). Reload the moderation desk.",
            ),
            Self::AdminsOnly => fixed(
                StatusCode::FORBIDDEN,
                "forbidden",
                "Chỉ quản trị viên được làm việc này.",
                "Only admins may do this.",
            ),
            Self::AlreadyDecided { published, by } => {
                let (done, done_en) = if *published {
                    ("duyệt", "approved")
                } else {
                    ("từ chối", "rejected")
                };
                let (message, message_en) = match by {
                    Some(by) => (
                        format!("Bình luận này đã được {by} {done}."),
                        format!("{by} already {done_en} this comment."),
                    ),
                    None => (
                        format!("Bình luận này đã được {done} trước đó."),
                        format!("This comment was already {done_en}."),
                    ),
                };
                (
                    StatusCode::CONFLICT,
                    "already_decided",
                    Cow::Owned(message),
                    Cow::Owned(message_en),
                )
            }
            Self::NotPublished => fixed(
                StatusCode::CONFLICT,
                "not_published",
                "Chỉ chọn được bình luận gốc đã đăng.",
                "Only published top-level comments can be chosen.",
            ),
            Self::FeaturedLimit => fixed(
                StatusCode::CONFLICT,
                "featured_limit",
                "Bài viết đã có 10 bình luận được chọn: hãy bỏ chọn một bình luận trước.",
                "The article has 10 chosen comments already: unchoose one first.",
            ),
            Self::UndoExpired => fixed(
                StatusCode::CONFLICT,
                "undo_expired",
                "Không hoàn tác được: đã quá 10 giây, hoặc quyết định không phải của bạn.",
                "Cannot undo: more than 10 seconds have passed, or the decision is not yours.",
            ),
            Self::NameTaken => fixed(
                StatusCode::CONFLICT,
                "name_taken",
                "Đã có tài khoản mang tên này.",
                "There is an account with this name already.",
            ),
            Self::PolicyChanged => fixed(
                StatusCode::CONFLICT,
                "policy_changed",
                "Quy định vừa được người khác lưu. Hãy tải lại bản mới rồi sửa tiếp.",
                "Someone else saved the policy meanwhile. Load their version and edit again.",
            ),
            Self::ForbiddenOrigin => fixed(
                StatusCode::FORBIDDEN,
                "forbidden_origin",
                "Trang gửi yêu cầu không được phép dùng hệ thống bình luận này.",
                "Requests from this page's origin are not allowed.",
            ),
            Self::UnsupportedMediaType => fixed(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Dữ liệu phải được gửi dưới dạng JSON (Content-Type: application/json).",
                "The body must be JSON (Content-Type: application/json).",
            ),
            Self::PayloadTooLarge => fixed(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                "Dữ liệu gửi lên quá lớn.",
                "The request body is too large.",
            ),
            Self::RateLimited { retry_after } => (
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                Cow::Owned(format!(
                    "Bạn gửi bình luận quá nhanh. Vui lòng thử lại sau {retry_after} giây."
                )),
                Cow::Owned(format!(
                    "You are posting too fast. Please try again in {retry_after} seconds."
                )),
            ),
            Self::TooManyThreads { retry_after } => (
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                Cow::Owned(format!(
                    "Có quá nhiều trang mới mở bình luận từ máy của bạn. Vui lòng thử lại sau {retry_after} giây."
                )),
                Cow::Owned(format!(
                    "Too many new comment threads were opened from your network. Please try again in {retry_after} seconds."
                )),
            ),
            Self::TooManyReaders { retry_after } => (
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                Cow::Owned(format!(
                    "Có quá nhiều độc giả mới từ mạng của bạn. Bạn vẫn đọc và bình luận được; \
                     hãy thử thích lại sau {retry_after} giây."
                )),
                Cow::Owned(format!(
                    "Too many new readers came from your network. You can still read and comment; \
                     try liking again in {retry_after} seconds."
                )),
            ),
            Self::TooManyLikes { retry_after } => (
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                Cow::Owned(format!(
                    "Có quá nhiều lượt thích từ mạng của bạn. Vui lòng thử lại sau {retry_after} giây."
                )),
                Cow::Owned(format!(
                    "Too many likes came from your network. Please try again in {retry_after} seconds."
                )),
            ),
            Self::TooManyReports { retry_after } => (
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                Cow::Owned(format!(
                    "Có quá nhiều báo cáo từ mạng của bạn. Vui lòng thử lại sau {retry_after} giây."
                )),
                Cow::Owned(format!(
                    "Too many reports came from your network. Please try again in {retry_after} seconds."
                )),
            ),
            Self::TooManyRestores { retry_after } => (
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                Cow::Owned(format!(
                    "Bạn đã nhờ thêm dấu quá nhiều lần. Vui lòng thử lại sau {retry_after} giây."
                )),
                Cow::Owned(format!(
                    "Too many requests to add the marks. Please try again in {retry_after} seconds."
                )),
            ),
            Self::Banned { until: None } => fixed(
                StatusCode::FORBIDDEN,
                "banned",
                "Bạn đã bị khóa bình luận vĩnh viễn.",
                "You have been banned from commenting permanently.",
            ),
            Self::Banned { until: Some(until) } => {
                let end = day_and_time(*until);
                (
                    StatusCode::FORBIDDEN,
                    "banned",
                    Cow::Owned(format!("Bạn đã bị tạm khóa bình luận đến {end}.")),
                    Cow::Owned(format!("You have been banned from commenting until {end}.")),
                )
            }
            Self::CommentsClosed => fixed(
                StatusCode::FORBIDDEN,
                "comments_closed",
                "Bình luận đã đóng.",
                "Comments are closed.",
            ),
            Self::IdempotencyConflict => fixed(
                StatusCode::CONFLICT,
                "idempotency_conflict",
                "Mã Idempotency-Key này đã được dùng cho một bình luận khác.",
                "This Idempotency-Key was already used with a different request.",
            ),
            Self::RequestTimeout => fixed(
                StatusCode::REQUEST_TIMEOUT,
                "request_timeout",
                "Yêu cầu mất quá nhiều thời gian. Vui lòng thử lại.",
                "The request took too long. Please try again.",
            ),
            Self::Overloaded => fixed(
                StatusCode::SERVICE_UNAVAILABLE,
                "overloaded",
                "Máy chủ đang quá tải. Vui lòng thử lại sau giây lát.",
                "The server is busy. Please try again in a moment.",
            ),
            Self::Internal(_) | Self::Panicked => fixed(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "Máy chủ gặp lỗi. Vui lòng thử lại sau.",
                "Server error. Please try again later.",
            ),
        }
    }
}

/// A description of a failure whose messages are borrowed.
fn fixed<'a>(
    status: StatusCode,
    code: &'static str,
    message: &'a str,
    message_en: &'a str,
) -> (StatusCode, &'static str, Cow<'a, str>, Cow<'a, str>) {
    (
        status,
        code,
        Cow::Borrowed(message),
        Cow::Borrowed(message_en),
    )
}

impl ApiFailure {
    /// The JSON body this failure answers with.
    pub fn to_error(&self) -> ApiError {
        let (_, code, message, message_en) = self.describe();
        ApiError {
            error: code.to_owned(),
            message: message.into_owned(),
            message_en: message_en.into_owned(),
            violations: match self {
                Self::RuleViolation(violations) => violations.clone(),
                _ => Vec::new(),
            },
            field: match self {
                Self::InvalidInput { field, .. } => field.map(str::to_owned),
                _ => None,
            },
            retry_after: match self {
                Self::RateLimited { retry_after }
                | Self::TooManyThreads { retry_after }
                | Self::TooManyLikes { retry_after }
                | Self::TooManyReports { retry_after }
                | Self::TooManyRestores { retry_after }
                | Self::TooManyReaders { retry_after }
                | Self::TooManyLogins { retry_after } => Some(*retry_after),
                Self::Overloaded => Some(1),
                _ => None,
            },
            until: match self {
                Self::Banned { until } => until.map(|micros| micros / 1000),
                _ => None,
            },
        }
    }
}

impl ApiFailure {
    /// Which rate limit refused the request, if one did.
    fn rate_limit(&self) -> Option<&'static str> {
        Some(match self {
            Self::RateLimited { .. } => "posts",
            Self::TooManyThreads { .. } => "threads",
            Self::TooManyLikes { .. } => "likes",
            Self::TooManyReports { .. } => "reports",
            Self::TooManyReaders { .. } => "reader_ids",
            Self::TooManyRestores { .. } => "restores",
            Self::TooManyLogins { .. } => "logins",
            _ => return None,
        })
    }
}

impl IntoResponse for ApiFailure {
    fn into_response(self) -> Response {
        if let Self::Internal(cause) = &self {
            tracing::error!(error = ?cause, "request failed");
        }
        if let Some(limit) = self.rate_limit() {
            crate::measure::rate_limited(limit);
        }
        let (status, ..) = self.describe();
        let body = self.to_error();
        let mut response = (status, Json(&body)).into_response();
        if let Some(seconds) = body.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

impl From<sqlx::Error> for ApiFailure {
    fn from(error: sqlx::Error) -> Self {
        Self::Internal(error.into())
    }
}

impl From<anyhow::Error> for ApiFailure {
    fn from(error: anyhow::Error) -> Self {
        Self::Internal(error)
    }
}

impl From<serde_json::Error> for ApiFailure {
    fn from(error: serde_json::Error) -> Self {
        Self::Internal(error.into())
    }
}
