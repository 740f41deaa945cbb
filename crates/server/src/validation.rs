//! Checks of the parts of a request that are not the comment itself: the author's name and
//! e-mail, and the `Idempotency-Key` and `X-Reader-Id` headers.

use binhluan_api::{IDEMPOTENCY_KEY_HEADER, READER_ID_HEADER};
use binhluan_rules::{LinkPolicy, Policy, Rule, check};

use crate::error::ApiFailure;

/// The shortest and longest author names, in characters after trimming.
const NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=50;
/// The longest e-mail address (RFC 5321's path limit less the brackets).
const MAX_EMAIL_CHARS: usize = 254;
/// The longest local part of an e-mail address.
const MAX_EMAIL_LOCAL_CHARS: usize = 64;
/// The longest `Idempotency-Key`.
const MAX_IDEMPOTENCY_KEY_CHARS: usize = 100;
/// The shortest and longest `X-Reader-Id`.
const READER_ID_CHARS: std::ops::RangeInclusive<usize> = 8..=64;

/// The author's name, trimmed: 2 to 50 characters, no control characters, no links (as the
/// rules crate detects them).
pub fn author_name(raw: &str) -> Result<String, ApiFailure> {
    let name = raw.trim();
    let length = name.chars().count();
    if !NAME_CHARS.contains(&length) {
        return Err(ApiFailure::invalid(
            "author_name",
            "Tên cần từ 2 đến 50 ký tự.",
            "The name must be 2 to 50 characters long.",
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(ApiFailure::invalid(
            "author_name",
            "Tên không được chứa ký tự điều khiển.",
            "The name must not contain control characters.",
        ));
    }
    if contains_link(name) {
        return Err(ApiFailure::invalid(
            "author_name",
            "Tên không được chứa liên kết.",
            "The name must not contain a link.",
        ));
    }
    Ok(binhluan_rules::normalize_for_storage(name))
}

/// Whether the rules crate sees a link in `text`.
fn contains_link(text: &str) -> bool {
    let links_only = Policy {
        min_words: 0,
        require_diacritics: false,
        links: LinkPolicy::Reject,
        max_chars: usize::MAX,
        banned_words: Vec::new(),
    };
    check(text, &links_only)
        .violations
        .iter()
        .any(|violation| violation.rule == Rule::NoLinks)
}

/// The author's e-mail, trimmed; blank counts as not given. A given one must look like
/// `local@domain.tld` and fit in 254 characters.
pub fn author_email(raw: Option<&str>) -> Result<Option<String>, ApiFailure> {
    let Some(email) = raw.map(str::trim).filter(|email| !email.is_empty()) else {
        return Ok(None);
    };
    if is_plausible_email(email) {
        Ok(Some(email.to_owned()))
    } else {
        Err(ApiFailure::invalid(
            "author_email",
            "Địa chỉ e-mail không hợp lệ.",
            "The e-mail address is not valid.",
        ))
    }
}

fn is_plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.rsplit_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.chars().count() <= MAX_EMAIL_LOCAL_CHARS
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.chars().count() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    email.chars().count() <= MAX_EMAIL_CHARS && local_ok && domain_ok
}

/// The `Idempotency-Key` header: 1 to 100 visible ASCII characters.
pub fn idempotency_key(raw: Option<&[u8]>) -> Result<String, ApiFailure> {
    let Some(raw) = raw else {
        return Err(ApiFailure::invalid(
            IDEMPOTENCY_KEY_HEADER,
            "Thiếu tiêu đề Idempotency-Key (một mã ngẫu nhiên cho mỗi bình luận).",
            "The Idempotency-Key header (a random key per comment) is required.",
        ));
    };
    if raw.is_empty()
        || raw.len() > MAX_IDEMPOTENCY_KEY_CHARS
        || !raw.iter().all(u8::is_ascii_graphic)
    {
        return Err(ApiFailure::invalid(
            IDEMPOTENCY_KEY_HEADER,
            "Idempotency-Key phải gồm 1 đến 100 ký tự ASCII nhìn thấy được.",
            "The Idempotency-Key must be 1 to 100 visible ASCII characters.",
        ));
    }
    Ok(String::from_utf8_lossy(raw).into_owned())
}

/// The `X-Reader-Id` header: 8 to 64 of `A-Z a-z 0-9 - _`.
pub fn reader_id(raw: &[u8]) -> Result<String, ApiFailure> {
    let valid = READER_ID_CHARS.contains(&raw.len())
        && raw
            .iter()
            .all(|byte| byte.is_ascii_alphanumeric() || *byte == b'-' || *byte == b'_');
    if valid {
        Ok(String::from_utf8_lossy(raw).into_owned())
    } else {
        Err(ApiFailure::invalid(
            READER_ID_HEADER,
            "X-Reader-Id phải gồm 8 đến 64 ký tự A-Z, a-z, 0-9, - hoặc _.",
            "The X-Reader-Id must be 8 to 64 characters of A-Z, a-z, 0-9, - or _.",
        ))
    }
}

/// The `400` for a missing `X-Reader-Id`.
pub fn missing_reader_id() -> ApiFailure {
    ApiFailure::invalid(
        READER_ID_HEADER,
        "Thiếu tiêu đề X-Reader-Id (mã ẩn danh của người đọc).",
        "The X-Reader-Id header (the reader's anonymous id) is required.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(author_name("  Nguyễn Văn An  ").unwrap(), "Nguyễn Văn An");
        assert!(author_name(" A ").is_err());
        assert!(author_name(&"ă".repeat(50)).is_ok());
        assert!(author_name(&"ă".repeat(51)).is_err());
        assert!(author_name("An\nBình").is_err());
    }

    #[test]
    fn emails_are_optional_and_checked() {
        assert_eq!(author_email(None).unwrap(), None);
        assert_eq!(author_email(Some("  ")).unwrap(), None);
        assert_eq!(
            author_email(Some(" an@bao.vn ")).unwrap().as_deref(),
            Some("an@bao.vn")
        );
        for bad in [
            "an",
            "an@",
            "@bao.vn",
            "an@bao",
            "an bình@bao.vn",
            "an@bao..vn",
            "a..n@bao.vn",
        ] {
            assert!(author_email(Some(bad)).is_err(), "{bad} is refused");
        }
        let fits = format!(
            "{}@{}.vn",
            "a".repeat(64),
            vec!["b".repeat(60); 3].join(".")
        );
        assert_eq!(fits.len(), 250);
        assert!(author_email(Some(&fits)).is_ok());
        let too_long = format!(
            "{}@{}.vn",
            "a".repeat(64),
            vec!["b".repeat(63); 3].join(".")
        );
        assert!(too_long.len() > 254);
        assert!(author_email(Some(&too_long)).is_err());
    }

    #[test]
    fn header_values_are_checked() {
        assert!(idempotency_key(None).is_err());
        assert!(idempotency_key(Some(b"")).is_err());
        assert!(idempotency_key(Some(b"has space")).is_err());
        assert!(idempotency_key(Some("x".repeat(101).as_bytes())).is_err());
        assert_eq!(idempotency_key(Some(b"abc-123")).unwrap(), "abc-123");
        assert!(reader_id(b"short").is_err());
        assert!(reader_id(b"reader-0001").is_ok());
        assert!(reader_id(b"reader 0001").is_err());
    }
}
