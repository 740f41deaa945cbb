//! Checks of the parts of a request that are not the comment itself: the author's name and
//! e-mail (by `binhluan_api::author`, shared with the app), and the `Idempotency-Key` and
//! `X-Reader-Id` headers, and a policy an admin saves.

use binhluan_api::author::{self, AuthorProblem};
use binhluan_api::{IDEMPOTENCY_KEY_HEADER, Policy, READER_ID_HEADER};

use crate::error::ApiFailure;

/// The longest `Idempotency-Key`.
const MAX_IDEMPOTENCY_KEY_CHARS: usize = 100;
/// The shortest and longest `X-Reader-Id`.
const READER_ID_CHARS: std::ops::RangeInclusive<usize> = 8..=64;

/// The author's name as stored, exactly as `binhluan_api::author` (the checks the app runs
/// too) validated it: trimmed and normalized, 2 to 50 characters, no control characters, no
/// links.
pub fn author_name(raw: &str) -> Result<String, ApiFailure> {
    author::author_name(raw).map_err(author_failure)
}

/// The author's e-mail, trimmed, if given (blank counts as not given) and plausible.
pub fn author_email(raw: Option<&str>) -> Result<Option<String>, ApiFailure> {
    let email = author::author_email(raw).map_err(author_failure)?;
    Ok(email.map(str::to_owned))
}

fn author_failure(problem: AuthorProblem) -> ApiFailure {
    match problem {
        AuthorProblem::NameTooShort | AuthorProblem::NameTooLong => ApiFailure::invalid(
            "author_name",
            "Tên cần từ 2 đến 50 ký tự.",
            "The name must be 2 to 50 characters long.",
        ),
        AuthorProblem::NameHasControl => ApiFailure::invalid(
            "author_name",
            "Tên không được chứa ký tự điều khiển.",
            "The name must not contain control characters.",
        ),
        AuthorProblem::NameHasLink => ApiFailure::invalid(
            "author_name",
            "Tên không được chứa liên kết.",
            "The name must not contain a link.",
        ),
        AuthorProblem::EmailInvalid => ApiFailure::invalid(
            "author_email",
            "Địa chỉ e-mail không hợp lệ.",
            "The e-mail address is not valid.",
        ),
    }
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

/// The `X-Reader-Id` header: 8 to 64 of `A-Z a-z 0-9 - _ .`.
pub fn reader_id(raw: &[u8]) -> Result<String, ApiFailure> {
    let valid = READER_ID_CHARS.contains(&raw.len())
        && raw
            .iter()
            .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.'));
    if valid {
        Ok(String::from_utf8_lossy(raw).into_owned())
    } else {
        Err(ApiFailure::invalid(
            READER_ID_HEADER,
            "X-Reader-Id phải gồm 8 đến 64 ký tự A-Z, a-z, 0-9, -, _ hoặc dấu chấm.",
            "The X-Reader-Id must be 8 to 64 characters of A-Z, a-z, 0-9, -, _ or dots.",
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

/// The fewest and most characters a policy may allow a comment: the most keeps a comment's
/// body within the API's largest body (16 bytes a character).
const POLICY_MAX_CHARS: core::ops::RangeInclusive<usize> = 100..=10_000;
/// The most words a policy may ask a comment for.
const POLICY_MAX_MIN_WORDS: usize = 100;
/// The most entries in each of the policy's word lists, and the most characters in one.
const POLICY_WORDS: (usize, usize) = (500, 64);

/// A policy an admin saves: every number within bounds a comment section can live with,
/// every listed word a non-empty trimmed phrase.
pub fn policy(policy: &Policy) -> Result<(), ApiFailure> {
    if policy.min_words > POLICY_MAX_MIN_WORDS {
        return Err(ApiFailure::invalid(
            "min_words",
            format!("Số chữ tối thiểu phải từ 0 đến {POLICY_MAX_MIN_WORDS}."),
            format!("The minimum word count must be between 0 and {POLICY_MAX_MIN_WORDS}."),
        ));
    }
    if !POLICY_MAX_CHARS.contains(&policy.max_chars) {
        let (low, high) = (POLICY_MAX_CHARS.start(), POLICY_MAX_CHARS.end());
        return Err(ApiFailure::invalid(
            "max_chars",
            format!("Độ dài tối đa phải từ {low} đến {high} ký tự."),
            format!("The maximum length must be between {low} and {high} characters."),
        ));
    }
    if policy.auto_close_after_days.is_some_and(|days| days > 3650) {
        return Err(ApiFailure::invalid(
            "auto_close_after_days",
            "Số ngày tự đóng bình luận phải từ 0 đến 3650.",
            "Comments close after 0 to 3650 days.",
        ));
    }
    if policy
        .hide_after_reports
        .is_some_and(|readers| !(1..=1000).contains(&readers))
    {
        return Err(ApiFailure::invalid(
            "hide_after_reports",
            "Số báo cáo để ẩn bình luận phải từ 1 đến 1000.",
            "Reports that hide a comment: 1 to 1000.",
        ));
    }
    word_list("banned_words", &policy.banned_words)?;
    word_list("suspect_words", &policy.suspect_words)
}

fn word_list(field: &'static str, words: &[String]) -> Result<(), ApiFailure> {
    let (most, longest) = POLICY_WORDS;
    if words.len() > most {
        return Err(ApiFailure::invalid(
            field,
            format!("Danh sách từ có tối đa {most} mục."),
            format!("A word list has at most {most} entries."),
        ));
    }
    let bad =
        |word: &String| word.trim() != word || word.is_empty() || word.chars().count() > longest;
    if let Some(word) = words.iter().find(|word| bad(word)) {
        return Err(ApiFailure::invalid(
            field,
            format!("“{word}”: mỗi mục là một từ hay cụm từ, từ 1 đến {longest} ký tự."),
            format!("“{word}”: each entry is a word or phrase of 1 to {longest} characters."),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_fields_are_trimmed_normalized_and_refused_with_their_field() {
        assert_eq!(author_name("  Nguyễn Văn An  ").unwrap(), "Nguyễn Văn An");
        assert_eq!(
            author_name("Le\u{302} Hu\u{31b}ng").unwrap(),
            "Lê Hưng",
            "stored NFC"
        );
        for bad in [
            " A ",
            "An\nBình",
            "\u{200B}\u{200B}",
            "\u{FEFF}\u{FEFF}\u{FEFF}",
            "\u{2060}\u{2060}",
            "\u{AD}\u{AD}",
            "A\u{200B}",
        ] {
            assert!(
                matches!(
                    author_name(bad),
                    Err(ApiFailure::InvalidInput {
                        field: Some("author_name"),
                        ..
                    })
                ),
                "{bad:?}"
            );
        }
        assert_eq!(
            author_email(Some(" an@bao.vn ")).unwrap().as_deref(),
            Some("an@bao.vn")
        );
        assert_eq!(author_email(Some("  ")).unwrap(), None);
        assert!(matches!(
            author_email(Some("an@")),
            Err(ApiFailure::InvalidInput {
                field: Some("author_email"),
                ..
            })
        ));
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
