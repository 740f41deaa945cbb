//! The one error shape every failing API call returns.

use binhluan_rules::Violation;
use serde::{Deserialize, Serialize};

/// The body of every `4xx` and `5xx` answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    /// A stable code: `rule_violation`, `invalid_input`, `payload_too_large`, `rate_limited`,
    /// `not_found`, `method_not_allowed`, `unauthorized`, `forbidden_origin`,
    /// `unsupported_media_type`, `idempotency_conflict`, `moderation_disabled`,
    /// `comments_closed`, `banned`, `internal`
    /// (see `openapi.yaml`).
    pub error: String,
    /// What went wrong, in Vietnamese.
    pub message: String,
    /// What went wrong, in English.
    pub message_en: String,
    /// For `rule_violation`: the rules the comment breaks, as `binhluan-rules` reports them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub violations: Vec<Violation>,
    /// For `invalid_input`: the field at fault, if one is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// For `rate_limited`: seconds to wait before trying again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
    /// For `banned`: when the ban ends, milliseconds since the Unix epoch; absent for a
    /// permanent ban.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<i64>,
}
