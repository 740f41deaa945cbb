//! What a comment's author fields must be, checked alike by the app (for instant feedback)
//! and by the server (for the final say).

use binhluan_rules::{LinkPolicy, Policy, Rule, check};

/// The shortest and longest author names, in characters (Unicode scalar values) of the name as
/// stored: trimmed, normalized by `binhluan_rules::normalize_for_storage`, trimmed again.
pub const NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=50;
/// The longest e-mail address (RFC 5321's path limit less the brackets).
pub const MAX_EMAIL_CHARS: usize = 254;
/// The longest local part of an e-mail address.
const MAX_EMAIL_LOCAL_CHARS: usize = 64;
/// The longest label of a domain name.
const MAX_DOMAIN_LABEL_CHARS: usize = 63;

/// Why an author field is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthorProblem {
    /// The name is shorter than 2 characters.
    NameTooShort,
    /// The name is longer than 50 characters.
    NameTooLong,
    /// The name holds a control character (a line break, say).
    NameHasControl,
    /// The name holds a link.
    NameHasLink,
    /// The e-mail is not an address.
    EmailInvalid,
}

/// The author's name as the server stores it, once it is valid: trimmed, normalized by
/// `binhluan_rules::normalize_for_storage` (NFC, invisible characters removed) and trimmed
/// again. The checks run on that stored form, so a name of invisible characters is too short
/// and a name typed decomposed counts its letters as a reader sees them: 2 to 50 characters,
/// no control characters, no links (as the rules crate detects them). The server's check.
pub fn author_name(raw: &str) -> Result<String, AuthorProblem> {
    let normalized = binhluan_rules::normalize_for_storage(raw.trim());
    let name = normalized.trim();
    match name_problem(name) {
        Some(problem) => Err(problem),
        None => Ok(name.to_owned()),
    }
}

/// What [`author_name`] would refuse the name for, judged on the rules' analysis copy
/// (`binhluan_rules::normalize_for_analysis`) instead of the stored form: the same answer but
/// for rare names (a script other than Latin that NFC composes, emoji joined by a joiner), and
/// no Unicode normalization tables in the app's wasm (about 60 KB gzip). The app's instant
/// feedback; the server's [`author_name`] has the final say.
pub fn author_name_problem(raw: &str) -> Option<AuthorProblem> {
    name_problem(binhluan_rules::normalize_for_analysis(raw.trim()).trim())
}

/// What is wrong with a normalized, trimmed name, if anything.
fn name_problem(name: &str) -> Option<AuthorProblem> {
    let length = name.chars().count();
    if length < *NAME_CHARS.start() {
        Some(AuthorProblem::NameTooShort)
    } else if length > *NAME_CHARS.end() {
        Some(AuthorProblem::NameTooLong)
    } else if name.chars().any(char::is_control) {
        Some(AuthorProblem::NameHasControl)
    } else if contains_link(name) {
        Some(AuthorProblem::NameHasLink)
    } else {
        None
    }
}

/// The author's e-mail, trimmed; blank counts as not given. A given one must look like
/// `local@domain.tld` and fit in 254 characters.
pub fn author_email(raw: Option<&str>) -> Result<Option<&str>, AuthorProblem> {
    match raw.map(str::trim).filter(|email| !email.is_empty()) {
        None => Ok(None),
        Some(email) if is_plausible_email(email) => Ok(Some(email)),
        Some(_) => Err(AuthorProblem::EmailInvalid),
    }
}

/// Whether the rules crate sees a link in `text`.
fn contains_link(text: &str) -> bool {
    let links_only = Policy {
        min_words: 0,
        require_diacritics: false,
        links: LinkPolicy::Reject,
        contacts: LinkPolicy::Allow,
        max_chars: usize::MAX,
        banned_words: Vec::new(),
        auto_close_after_days: None,
        suspect_words: Vec::new(),
        hide_after_reports: None,
    };
    check(text, &links_only)
        .violations
        .iter()
        .any(|violation| violation.rule == Rule::NoLinks)
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
                && label.chars().count() <= MAX_DOMAIN_LABEL_CHARS
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    email.chars().count() <= MAX_EMAIL_CHARS && local_ok && domain_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(
            author_name("  Nguyễn Văn An  "),
            Ok("Nguyễn Văn An".to_owned())
        );
        assert_eq!(author_name(" A "), Err(AuthorProblem::NameTooShort));
        assert!(author_name(&"ă".repeat(50)).is_ok());
        assert_eq!(
            author_name(&"ă".repeat(51)),
            Err(AuthorProblem::NameTooLong)
        );
        assert_eq!(author_name("An\nBình"), Err(AuthorProblem::NameHasControl));
    }

    /// Names too short once their invisible characters are gone.
    const INVISIBLE_NAMES: [&str; 6] = [
        "\u{200B}\u{200B}",
        "\u{FEFF}\u{FEFF}\u{FEFF}",
        "\u{2060}\u{2060}",
        "\u{AD}\u{AD}",
        "A\u{200B}",
        " \u{200B} A \u{200B} ",
    ];

    #[test]
    fn names_are_checked_as_stored_without_invisible_characters() {
        for invisible in INVISIBLE_NAMES {
            assert_eq!(
                author_name(invisible),
                Err(AuthorProblem::NameTooShort),
                "{invisible:?}"
            );
        }
        assert_eq!(author_name("A\u{200B}n"), Ok("An".to_owned()));
        assert_eq!(
            author_name("Le\u{302} Hu\u{31b}ng"),
            Ok("Lê Hưng".to_owned()),
            "NFC, as stored"
        );
        // 50 letters typed decomposed (100 code points) are 50 characters once composed.
        assert_eq!(author_name(&"a\u{306}".repeat(50)), Ok("ă".repeat(50)));
        assert_eq!(
            author_name(&"a\u{306}".repeat(51)),
            Err(AuthorProblem::NameTooLong)
        );
    }

    #[test]
    fn names_hold_no_links() {
        assert_eq!(
            author_name("Lan nhacai88.com"),
            Err(AuthorProblem::NameHasLink)
        );
        assert_eq!(author_name("ThS.BS Hùng"), Ok("ThS.BS Hùng".to_owned()));
    }

    #[test]
    fn the_apps_check_agrees_with_the_servers() {
        let names = [
            "  Nguyễn Văn An  ",
            " A ",
            "An\nBình",
            "A\u{200B}n",
            "Le\u{302} Hu\u{31b}ng",
            "Tie\u{301}\u{302}n",
            "Lan nhacai88.com",
            "Lan nhacai88 chấm com",
            "ThS.BS Hùng",
            "Ｌａｎ",
            "Ðặng Thị Hà",
        ]
        .into_iter()
        .chain(INVISIBLE_NAMES)
        .map(str::to_owned)
        .chain([
            "ă".repeat(50),
            "ă".repeat(51),
            "a\u{306}".repeat(50),
            "a\u{306}".repeat(51),
            "a\u{302}\u{301}".repeat(51),
        ]);
        for name in names {
            assert_eq!(
                author_name_problem(&name),
                author_name(&name).err(),
                "{name:?}"
            );
        }
    }

    #[test]
    fn emails_are_optional_and_checked() {
        assert_eq!(author_email(None), Ok(None));
        assert_eq!(author_email(Some("  ")), Ok(None));
        assert_eq!(author_email(Some(" an@bao.vn ")), Ok(Some("an@bao.vn")));
        for bad in [
            "an",
            "an@",
            "@bao.vn",
            "an@bao",
            "an bình@bao.vn",
            "an@bao..vn",
            "a..n@bao.vn",
        ] {
            assert_eq!(
                author_email(Some(bad)),
                Err(AuthorProblem::EmailInvalid),
                "{bad}"
            );
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
        assert!(too_long.len() > MAX_EMAIL_CHARS);
        assert_eq!(
            author_email(Some(&too_long)),
            Err(AuthorProblem::EmailInvalid)
        );
    }
}
