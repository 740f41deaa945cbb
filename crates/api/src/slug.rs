//! The one rule for an article's slug, shared by the embed (`data-article`), the app's
//! addresses and the server.

/// Whether `text` can be an article's slug: 1 to 200 of `A-Z a-z 0-9 - _ .`, not starting
/// with a dot (so never `.` or `..`).
pub fn is_slug(text: &str) -> bool {
    (1..=200).contains(&text.len())
        && !text.starts_with('.')
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

#[cfg(test)]
mod tests {
    use super::is_slug;

    #[test]
    fn slugs_are_lowercase_words_and_hyphens() {
        assert!(is_slug("lan-toa-viec-hoc-va-lam-theo-bac"));
        assert!(is_slug("Bai_Viet-2024.html"));
        assert!(is_slug("12345"));
        for bad in [
            "",
            "bài-viết",
            "a/b",
            "a b",
            "..",
            ".x",
            "a?b",
            &"a".repeat(201),
        ] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
