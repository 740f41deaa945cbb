//! A fuzz harness on stable Rust: random and adversarial text through `check`,
//! `normalize_for_storage` and `normalize_for_analysis`, which must never panic, must keep
//! their spans inside the text, and must leave no run of more than `MAX_COMBINING_MARKS`
//! combining marks in what is stored.
//!
//! The suite runs 3,000 cases; the long run is a documented command:
//! `BINHLUAN_FUZZ_CASES=1000000 cargo test --release -p binhluan-rules --test fuzz`.
//! (Time on long text is a benchmark's job: `cargo bench -p binhluan-rules --bench check`.)

#![cfg(not(target_arch = "wasm32"))]

use binhluan_rules::{
    ContactPolicy, LinkPolicy, MAX_COMBINING_MARKS, Policy, check, normalize_for_analysis,
    normalize_for_storage,
};
use proptest::prelude::*;
use unicode_normalization::char::is_combining_mark;

/// Cases per property: `BINHLUAN_FUZZ_CASES`, else 3,000.
fn cases() -> u32 {
    std::env::var("BINHLUAN_FUZZ_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(3_000)
}

/// What attacks are made of: combining marks of several scripts, invisible and bidi
/// characters, look-alikes, link punctuation, surrogate-adjacent and private-use code points,
/// Vietnamese letters in every form, and legacy-encoding bytes.
const HOSTILE: &str = "\u{300}\u{301}\u{302}\u{303}\u{309}\u{323}\u{316}\u{35C}\u{36F}\u{489}\
    \u{591}\u{5BD}\u{610}\u{64B}\u{1AB0}\u{1DC0}\u{20D0}\u{FE20}\u{E31}\u{E48}\u{94D}\
    \u{200B}\u{200C}\u{200D}\u{200E}\u{202E}\u{2066}\u{FEFF}\u{AD}\u{180E}\u{E0001}\u{E007F}\
    \u{FE0F}\u{1F3FB}\u{FF0E}\u{3002}\u{FF43}\u{FF4F}\u{FF4D}\u{D7FF}\u{E000}\u{FFFD}\u{10FFFF}\
    aeiouyđăâêôơưAEIOUYĐ ệỆếẾữỮ.:/@#?=&%-_ wwhttpscomvn 0123456789 ¸µÕ¶×Þ\n\t\r";

fn hostile_text() -> impl Strategy<Value = String> {
    let chars: Vec<char> = HOSTILE.chars().collect();
    prop::collection::vec(prop::sample::select(chars), 0..400).prop_map(|v| v.into_iter().collect())
}

/// A short piece repeated into long text: the shapes that make scanners go quadratic.
fn repeated_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a\u{301}\u{301}\u{301}\u{301}",
        "w.",
        "http://",
        "a.b",
        "Tie^'ng ",
        "c¸c TiÕng ",
        ". . ",
        "😀\u{200D}",
        "\u{202E}",
        "ngu ",
        "1.000.",
    ]);
    (pieces, 1usize..3_000).prop_map(|(piece, times)| piece.repeat(times))
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), hostile_text(), repeated_text()]
}

fn policy() -> impl Strategy<Value = Policy> {
    (
        0usize..20,
        any::<bool>(),
        (0usize..3, 0usize..3),
        0usize..5_000,
    )
        .prop_map(
            |(min_words, require_diacritics, (links, contacts), max_chars)| Policy {
                min_words,
                require_diacritics,
                links: [LinkPolicy::Reject, LinkPolicy::Hold, LinkPolicy::Allow][links],
                contacts: [
                    ContactPolicy::Reject,
                    ContactPolicy::Hold,
                    ContactPolicy::Allow,
                ][contacts],
                max_chars,
                banned_words: vec!["ngu".to_owned(), "lừa đảo".to_owned()],
                ..Policy::default()
            },
        )
}

/// The longest run of combining marks in `text`.
fn longest_mark_run(text: &str) -> usize {
    let (mut longest, mut run) = (0, 0);
    for c in text.chars() {
        run = if is_combining_mark(c) { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn check_never_panics_and_its_spans_lie_inside_the_text(text in text(), policy in policy()) {
        let verdict = check(&text, &policy);
        let length = text.chars().count();
        for violation in &verdict.violations {
            for span in &violation.spans {
                prop_assert!(span.0 <= span.1 && span.1 <= length, "{span:?} of {length}");
            }
        }
        prop_assert_eq!(verdict.ok, verdict.violations.is_empty());
    }

    #[test]
    fn storage_bounds_combining_marks_and_is_idempotent(text in text()) {
        let stored = normalize_for_storage(&text);
        prop_assert!(longest_mark_run(&stored) <= MAX_COMBINING_MARKS);
        prop_assert_eq!(normalize_for_storage(&stored), stored.clone());
    }

    #[test]
    fn the_analysis_copy_never_panics(text in text()) {
        let copy = normalize_for_analysis(&text);
        prop_assert!(copy.chars().count() <= text.chars().count());
    }
}
