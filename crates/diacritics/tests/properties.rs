//! Properties of the restoration over generated texts: plain and marked syllables, names,
//! numbers, links, punctuation, emoji and arbitrary characters.

#![cfg(not(target_arch = "wasm32"))]

use binhluan_diacritics::{PieceKind, pieces, restore};
use binhluan_rules::strip_marks;
use proptest::prelude::*;

const PLAIN: &[&str] = &[
    "toi", "di", "hoc", "o", "ha", "noi", "bai", "viet", "hay", "nhung", "khong", "dong", "y",
    "nguoi", "duong", "nam", "thang", "cua", "va", "la", "Toi", "HOC", "Ha", "nGuoi", "ban",
];
const MARKED: &[&str] = &[
    "tôi",
    "đi",
    "học",
    "ở",
    "Hà",
    "Nội",
    "bài",
    "viết",
    "những",
    "không",
    "đồng",
    "ý",
    "người",
    "đường",
    "năm",
    "tháng",
    "của",
    "và",
    "là",
    "Đường",
    "NGƯỜI",
];
const OTHER: &[&str] = &[
    "15",
    "2024",
    "iPhone",
    "UBND",
    "abc.com",
    "https://vnexpress.net/x",
    "ten@gmail.com",
    ",",
    ".",
    "!",
    "?",
    "😀",
    "👍🏽",
    "-",
    "(",
    ")",
    "hello",
    "world",
    "\u{200b}",
    "e\u{301}",
];

fn word(list: &'static [&'static str]) -> impl Strategy<Value = String> {
    proptest::sample::select(list).prop_map(str::to_owned)
}

/// Texts of plain and marked syllables and other pieces, with spaces or not between them.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => word(PLAIN),
        2 => word(MARKED),
        2 => word(OTHER),
        1 => "\\PC{1,4}",
    ];
    proptest::collection::vec((piece, prop_oneof![Just(" "), Just(""), Just("\n")]), 0..40)
        .prop_map(|parts| parts.into_iter().map(|(p, s)| p + s).collect())
}

/// Plain texts: plain syllables with spaces and punctuation.
fn plain_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        (word(PLAIN), prop_oneof![Just(" "), Just(", "), Just(". ")]),
        1..40,
    )
    .prop_map(|parts| parts.into_iter().map(|(p, s)| p + s).collect())
}

fn words(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    pieces(&chars)
        .into_iter()
        .filter(|p| p.kind == PieceKind::Word)
        .map(|p| chars[p.start..p.end].iter().collect())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("BINHLUAN_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256)
    ))]

    #[test]
    fn the_number_of_words_and_characters_never_changes(text in text()) {
        let restored = restore(&text);
        prop_assert_eq!(words(&restored.text).len(), words(&text).len());
        prop_assert_eq!(restored.text.chars().count(), text.chars().count());
    }

    #[test]
    fn marked_words_and_everything_but_plain_words_stay_as_typed(text in text()) {
        let restored = restore(&text);
        let (before, after) = (words(&text), words(&restored.text));
        for (b, a) in before.iter().zip(&after) {
            if !b.chars().all(|c| c.is_ascii_alphabetic()) {
                prop_assert_eq!(a, b);
            }
        }
        let outside = |t: &str| -> String {
            let chars: Vec<char> = t.chars().collect();
            let mut keep = vec![true; chars.len()];
            for p in pieces(&chars).into_iter().filter(|p| p.kind == PieceKind::Word) {
                keep[p.start..p.end].iter_mut().for_each(|k| *k = false);
            }
            chars.iter().zip(keep).filter(|(_, k)| *k).map(|(c, _)| *c).collect()
        };
        prop_assert_eq!(outside(&restored.text), outside(&text));
    }

    #[test]
    fn a_text_that_has_marks_is_never_touched(
        marked in proptest::collection::vec(word(MARKED), 1..30),
        plain in proptest::collection::vec(word(PLAIN), 0..30),
    ) {
        let plain = &plain[..plain.len().min(marked.len())];
        let text = marked.iter().zip(plain.iter().map(Some).chain(std::iter::repeat(None)))
            .flat_map(|(m, p)| [Some(m), p].into_iter().flatten().cloned())
            .collect::<Vec<_>>()
            .join(" ");
        let restored = restore(&text);
        prop_assert_eq!(&restored.text, &text);
        prop_assert!(restored.words.is_empty());
    }

    #[test]
    fn stripping_the_restored_text_gives_back_the_input(text in plain_text()) {
        prop_assert_eq!(strip_marks(&restore(&text).text), text);
    }

    #[test]
    fn stripping_gives_back_the_stripped_input_whatever_it_is(text in text()) {
        prop_assert_eq!(strip_marks(&restore(&text).text), strip_marks(&text));
    }

    #[test]
    fn listed_words_point_at_what_was_typed(text in text()) {
        let restored = restore(&text);
        let typed: Vec<char> = text.chars().collect();
        let out: Vec<char> = restored.text.chars().collect();
        for word in &restored.words {
            let original: String = typed[word.start..word.end].iter().collect();
            let chosen: String = out[word.start..word.end].iter().collect();
            prop_assert_eq!(&word.original, &original);
            prop_assert_eq!(strip_marks(&chosen), original.clone());
            prop_assert!(chosen != original || !word.alternatives.is_empty());
            prop_assert!(!word.alternatives.contains(&chosen));
        }
    }
}
