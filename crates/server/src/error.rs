//! The one error type of the API: every failing handler returns an [`ApiFailure`], which
//! answers with the matching status and a JSON [`binhluan_api::ApiError`].

use std::borrow::Cow;

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use binhluan_api::{ApiError, Violation};

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
    /// The moderation token is missing or wrong (`401 unauthorized`).
    Unauthorized,
    /// No moderation token is configured (`503 moderation_disabled`).
    ModerationDisabled,
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
                "Cần mã kiểm duyệt hợp lệ (Authorization: Bearer …).",
                "A valid moderation token is required (Authorization: Bearer …).",
            ),
            Self::ModerationDisabled => fixed(
                StatusCode::SERVICE_UNAVAILABLE,
                "moderation_disabled",
                "Chức năng kiểm duyệt đang tắt: máy chủ chưa được cấu hình mã kiểm duyệt.",
                "Moderation is disabled: the server has no moderation token configured.",
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
            Self::Internal(_) => fixed(
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

impl IntoResponse for ApiFailure {
    fn into_response(self) -> Response {
        if let Self::Internal(cause) = &self {
            tracing::error!(error = ?cause, "request failed");
        }
        let (status, code, message, message_en) = self.describe();
        let body = ApiError {
            error: code.to_owned(),
            message: message.into_owned(),
            message_en: message_en.into_owned(),
            violations: Vec::new(),
            field: None,
            retry_after: None,
        };
        let body = match self {
            Self::RuleViolation(violations) => ApiError { violations, ..body },
            Self::InvalidInput { field, .. } => ApiError {
                field: field.map(str::to_owned),
                ..body
            },
            Self::RateLimited { retry_after } | Self::TooManyThreads { retry_after } => ApiError {
                retry_after: Some(retry_after),
                ..body
            },
            _ => body,
        };
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

impl From<serde_json::Error> for ApiFailure {
    fn from(error: serde_json::Error) -> Self {
        Self::Internal(error.into())
    }
}
