//! Properties of `check`, `normalize_for_storage` and `normalize_for_analysis` over generated
//! text.

#![cfg(not(target_arch = "wasm32"))]

use binhluan_rules::{
    Policy, Rule, Span, Verdict, Violation, check, merged_spans, normalize_for_analysis,
    normalize_for_storage,
};
use proptest::prelude::*;
use std::collections::BTreeSet;
use unicode_normalization::UnicodeNormalization;

/// Characters comments are made of: Vietnamese letters in both cases, ASCII, digits,
/// punctuation that links and abbreviations use, emoji and invisible characters.
const ALPHABET: &str = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ\
    AÀÁẢÃẠĂẮÂẦẤEÉÊỀẾỆIÍOÓÔỐỘƠỚƯỨỰYÝĐ bcdghklmnpqrstvx BCDGHKLMNPQRSTVX fjwz 0123456789 \
    .,:;!?/@#[]()-_'\"。．ｃｏｍ 😀👍🏽❤\u{FE0F}\u{200B}\u{200D}\u{AD}\n";

/// Pieces of real comments, for text that reaches deeper into the rules than random letters.
const PIECES: [&str; 40] = [
    "Bài viết",
    "rất hay",
    "cảm ơn",
    "tác giả",
    "anh em",
    "Sa Pa",
    "thuê xe",
    "Tiếng Việt",
    "người dân",
    "được",
    "không",
    "hòa",
    "thuỷ",
    "Đắk Lắk",
    "TP.HCM",
    "Q.1",
    "1.000.000đ",
    "abc.com",
    "bit.ly/x",
    "nhacai88 chấm com",
    "w w w",
    "Baif",
    "vieets",
    "vie65t",
    "TiÕng",
    "Tieáng",
    "Vie^.t",
    "hay.Nhưng",
    "Mr.Hùng",
    "@hung",
    "#SaPa",
    "ngu",
    "n g u",
    "😀",
    "UBND",
    "this is great",
    "bai viet rat hay",
    "hxxp://x",
    "[a](b)",
    "xoong",
];

fn alphabet_text(max: usize) -> impl Strategy<Value = String> {
    let chars: Vec<char> = ALPHABET.chars().collect();
    prop::collection::vec(prop::sample::select(chars), 0..max).prop_map(|v| v.into_iter().collect())
}

fn piece_text() -> impl Strategy<Value = String> {
    let joiners = prop::sample::select(vec![" ", " ", ", ", ". ", ".", "\n", ""]);
    prop::collection::vec((prop::sample::select(PIECES.to_vec()), joiners), 0..25)
        .prop_map(|parts| parts.into_iter().flat_map(|(p, j)| [p, j]).collect())
}

/// What names are made of: Vietnamese and ASCII letters, digits, punctuation, full-width
/// look-alikes and invisible characters (no emoji: the stored form keeps their joiners).
fn name_text() -> impl Strategy<Value = String> {
    let chars: Vec<char> = ALPHABET
        .chars()
        .filter(|&c| !matches!(c as u32, 0x1F000..|0x2764| 0xFE0F | 0x200D))
        .collect();
    prop::collection::vec(prop::sample::select(chars), 0..60).prop_map(|v| v.into_iter().collect())
}

fn comment() -> impl Strategy<Value = String> {
    prop_oneof![alphabet_text(120), piece_text(), any::<String>()]
}

fn policy() -> impl Strategy<Value = Policy> {
    (
        0usize..15,
        any::<bool>(),
        (0usize..3, 0usize..3),
        0usize..300,
        prop::collection::vec("[a-zđư ]{0,6}", 0..3),
    )
        .prop_map(
            |(min_words, require_diacritics, (links, contacts), max_chars, banned_words)| Policy {
                min_words,
                require_diacritics,
                links: [
                    binhluan_rules::LinkPolicy::Reject,
                    binhluan_rules::LinkPolicy::Hold,
                    binhluan_rules::LinkPolicy::Allow,
                ][links],
                contacts: [
                    binhluan_rules::ContactPolicy::Reject,
                    binhluan_rules::ContactPolicy::Hold,
                    binhluan_rules::ContactPolicy::Allow,
                ][contacts],
                max_chars,
                banned_words,
                auto_close_after_days: None,
                suspect_words: Vec::new(),
                hide_after_reports: None,
            },
        )
}

/// Unikey's "Unicode tổ hợp": each toned letter as its toneless precomposed letter followed by
/// the combining tone mark.
fn to_hop(text: &str) -> String {
    let tones = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    text.nfc()
        .flat_map(|c| {
            let parts: Vec<char> = c.to_string().nfd().collect();
            match parts.iter().position(|m| tones.contains(m)) {
                Some(i) if parts.len() > 1 => {
                    let tone = parts[i];
                    let rest: String = parts
                        .iter()
                        .enumerate()
                        .filter(|(k, _)| *k != i)
                        .map(|(_, c)| *c)
                        .collect();
                    rest.nfc().chain([tone]).collect::<Vec<char>>()
                }
                _ => vec![c],
            }
        })
        .collect()
}

/// A verdict with what depends on the text's exact code points (span offsets, quoted text)
/// brought to a comparable form.
fn comparable(verdict: &Verdict) -> String {
    let violations: Vec<String> = verdict
        .violations
        .iter()
        .map(|v| {
            format!(
                "{:?} {} {} {}",
                v.rule,
                v.message.nfc().collect::<String>(),
                v.message_en.nfc().collect::<String>(),
                v.spans.len()
            )
        })
        .collect();
    let hints: Vec<_> = verdict.hints.iter().map(|h| h.code).collect();
    format!(
        "{} {} {} {violations:?} {hints:?}",
        verdict.ok, verdict.words, verdict.hold
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn never_panics(text in comment(), policy in policy()) {
        let verdict = check(&text, &policy);
        prop_assert_eq!(verdict.ok, verdict.violations.is_empty());
    }

    #[test]
    fn storage_normalization_is_idempotent(text in comment()) {
        let once = normalize_for_storage(&text);
        prop_assert_eq!(normalize_for_storage(&once), once.clone());
        prop_assert!(unicode_normalization::is_nfc(&once));
    }

    #[test]
    fn the_analysis_copy_counts_names_as_stored(text in name_text()) {
        // The app checks a name's length on the analysis copy, the server on the stored form.
        for form in [text.nfc().collect::<String>(), text.nfd().collect(), to_hop(&text)] {
            prop_assert_eq!(
                normalize_for_analysis(&form).chars().count(),
                normalize_for_storage(&form).chars().count(),
                "{:?}", form
            );
        }
    }

    #[test]
    fn nfc_nfd_and_to_hop_forms_get_the_same_verdict(text in prop_oneof![alphabet_text(120), piece_text()], policy in policy()) {
        let nfc: String = text.nfc().collect();
        let expected = comparable(&check(&nfc, &policy));
        let nfd: String = text.nfd().collect();
        prop_assert_eq!(&comparable(&check(&nfd, &policy)), &expected, "NFD");
        prop_assert_eq!(&comparable(&check(&to_hop(&text), &policy)), &expected, "tổ hợp");
    }

    #[test]
    fn spans_lie_inside_the_text(text in comment(), policy in policy()) {
        let length = text.chars().count();
        for violation in check(&text, &policy).violations {
            for Span(start, end) in violation.spans {
                prop_assert!(start < end && end <= length, "{:?} {}..{} of {}", violation.rule, start, end, length);
            }
        }
    }

    #[test]
    fn each_violations_spans_are_sorted_and_apart(text in comment(), policy in policy()) {
        for violation in check(&text, &policy).violations {
            prop_assert!(
                violation.spans.windows(2).all(|w| w[0].1 < w[1].0),
                "{:?}: {:?} in {:?}", violation.rule, violation.spans, text
            );
        }
    }

    #[test]
    fn merged_spans_are_sorted_apart_and_cover_the_same_characters(
        lists in prop::collection::vec(prop::collection::vec((0usize..60, 0usize..8), 0..8), 0..5)
    ) {
        let violations: Vec<Violation> = lists
            .iter()
            .map(|list| Violation {
                rule: Rule::BannedWord,
                message: String::new(),
                message_en: String::new(),
                spans: list.iter().map(|&(start, length)| Span(start, start + length)).collect(),
            })
            .collect();
        let merged = merged_spans(&violations);
        prop_assert!(merged.iter().all(|s| s.0 < s.1), "{:?}", merged);
        prop_assert!(merged.windows(2).all(|w| w[0].1 < w[1].0), "{:?}", merged);
        let covered = |spans: &mut dyn Iterator<Item = &Span>| -> BTreeSet<usize> {
            spans.flat_map(|s| s.0..s.1).collect()
        };
        prop_assert_eq!(
            covered(&mut merged.iter()),
            covered(&mut violations.iter().flat_map(|v| &v.spans))
        );
    }

    #[test]
    fn link_spans_cover_the_link(before in piece_text(), link in prop::sample::select(vec![
        "abc.com", "bit.ly/3xY", "nhacai88 chấm com", "abc[.]com", "w w w . abc . com", "hxxps://abc", "ab\u{200B}c.vn", "ａｂｃ．ｃｏｍ",
    ]), after in piece_text()) {
        let text = format!("{before} {link} {after}");
        let start = before.chars().count() + 1;
        let end = start + link.chars().count();
        let verdict = check(&text, &Policy::default());
        let links = verdict.violations.iter().find(|v| v.rule == Rule::NoLinks);
        prop_assert!(links.is_some_and(|v| v.spans.iter().any(|s| s.0 <= start && s.1 >= end)), "{text:?}: {:?}", links);
    }

    #[test]
    fn contact_spans_cover_the_contact(before in piece_text(), contact in prop::sample::select(vec![
        "0912 345 678", "0912.345.678", "+84 912 345 678", "(028) 3822 1234", "không chín một hai ba bốn năm sáu bảy tám",
        "khong chin mot hai ba bon nam sau bay tam", "ten @ gmail.com", "09\u{200B}12345678",
    ]), after in piece_text()) {
        let text = format!("{before} {contact} {after}");
        let start = before.chars().count() + 1;
        let end = start + contact.chars().count();
        // A contact inside a refused link is told once, as the link (`w w w. 0912…`).
        let verdict = check(&text, &Policy::default());
        let covered = verdict.violations.iter()
            .filter(|v| matches!(v.rule, Rule::NoContacts | Rule::NoLinks))
            .any(|v| v.spans.iter().any(|s| s.0 <= start && s.1 >= end));
        prop_assert!(covered, "{text:?}: {:?}", verdict.violations);
    }

    #[test]
    fn banned_spans_cover_the_word(before in piece_text(), word in prop::sample::select(vec!["ngu", "NGU", "ngủ", "n g u", "nguuu", "n\u{200B}gu"]), after in piece_text()) {
        let text = format!("{before} {word} {after}");
        let start = before.chars().count() + 1;
        let end = start + word.chars().count();
        let policy = Policy { banned_words: vec!["ngu".to_owned()], ..Policy::default() };
        let verdict = check(&text, &policy);
        let banned = verdict.violations.iter().find(|v| v.rule == Rule::BannedWord);
        prop_assert!(banned.is_some_and(|v| v.spans.iter().any(|s| s.0 <= start && s.1 >= end)), "{text:?}: {:?}", banned);
    }
}

/// Text built to make a careless detector quadratic: every one must take time in proportion
/// to its length (100 KB each; quadratic work would take minutes).
#[test]
fn pathological_text_stays_linear() {
    let shapes = [
        "ab.com.",
        "http://",
        "](",
        "href=",
        "<a ",
        "a.",
        "w w ",
        "n g u ",
        "vie65t ",
        "Tie^'ng ",
        "c¸c ",
        "TiÕng",
        "hay ",
        "😀\u{200D}",
        "\u{301}",
        "1.",
        "a@",
        "(at)",
        " chấm ",
        "[.]",
        "zalo.",
        "zalo a",
        "a@gmail",
        "a@ gmail.com ",
        "0 ",
        "09.",
        "LH 09x ",
        "một ",
        "không chín ",
        "zalo.me/0912345678/",
    ];
    let policy = Policy {
        banned_words: vec!["ngu".into(), "đồ ngốc".into()],
        max_chars: 10,
        ..Policy::default()
    };
    for shape in shapes {
        let text = shape.repeat(100_000 / shape.len());
        let started = std::time::Instant::now();
        let verdict = check(&text, &policy);
        let took = started.elapsed();
        assert!(
            took.as_secs() < 10,
            "{shape:?} × {}: {took:?}",
            text.len() / shape.len()
        );
        assert!(!verdict.ok);
    }
}
