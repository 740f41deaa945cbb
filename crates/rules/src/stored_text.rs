//! The text the server stores.

use crate::fold::{MAX_COMBINING_MARKS, is_default_ignorable};
use crate::graphemes::is_pictograph;
use crate::letters::{Modifier, Tone};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The text the server stores: NFC, with default-ignorable code points removed, except those a
/// visible emoji is made of (the joiner inside 👨‍👩‍👧, the selector of ❤️, the tags of a
/// subdivision flag). Combining marks typed tone-first (`e` + acute + circumflex) are put in
/// the order that composes (`ế`). Past [`MAX_COMBINING_MARKS`] combining marks in a row, the
/// others are dropped ("Zalgo" text would draw over the page). Unlike `check`, this uses full Unicode NFC, so it is meant
/// for the server; an app that never calls it does not carry the normalization tables.
pub fn normalize_for_storage(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut kept: Vec<char> = Vec::with_capacity(chars.len());
    let mut marks_in_a_row = 0;
    for (i, &c) in chars.iter().enumerate() {
        if is_default_ignorable(c) && !emoji_needs(&kept, c, chars.get(i + 1).copied()) {
            continue;
        }
        if is_combining_mark(c) {
            if marks_in_a_row == MAX_COMBINING_MARKS {
                continue;
            }
            marks_in_a_row += 1;
        } else {
            marks_in_a_row = 0;
        }
        kept.push(c);
    }
    put_modifiers_first(&mut kept);
    // Composing may bring a precomposed letter's own marks out beside the ones after it
    // (`ệ` + three marks): bound the runs again.
    let mut marks_in_a_row = 0;
    kept.into_iter()
        .nfc()
        .filter(|&c| {
            if !is_combining_mark(c) {
                marks_in_a_row = 0;
                return true;
            }
            marks_in_a_row += 1;
            marks_in_a_row <= MAX_COMBINING_MARKS
        })
        .collect()
}

/// Whether the default-ignorable `c`, after the kept `before` and before `next`, is part of an
/// emoji.
fn emoji_needs(before: &[char], c: char, next: Option<char>) -> bool {
    let previous = before.last().copied();
    let pictograph = |c: Option<char>| c.is_some_and(is_pictograph);
    match c as u32 {
        0x200D => {
            pictograph(previous)
                || previous.is_some_and(|p| matches!(p as u32, 0xFE0F | 0x1F3FB..=0x1F3FF))
                    && pictograph(next)
        }
        0xFE0E | 0xFE0F => {
            pictograph(previous)
                || previous
                    .is_some_and(|p| p.is_ascii_digit() || matches!(p, '#' | '*' | '©' | '®'))
        }
        0xE0020..=0xE007F => {
            previous.is_some_and(|p| matches!(p as u32, 0x1F3F4 | 0xE0020..=0xE007F))
        }
        _ => false,
    }
}

/// Within each run of combining marks after a plain (ASCII) letter, moves the Vietnamese
/// modifiers (circumflex, breve, horn) before the tone marks, so that NFC composes them into
/// one letter. After a letter that already has its marks, the run is left as typed: moving
/// it would not compose, and would move again the next time (storing twice must not change
/// the text).
fn put_modifiers_first(chars: &mut [char]) {
    let mut start = 0;
    while start < chars.len() {
        let mut end = start;
        while end < chars.len() && ('\u{300}'..='\u{36F}').contains(&chars[end]) {
            end += 1;
        }
        let after_plain_letter = start > 0 && chars[start - 1].is_ascii_alphabetic();
        if end > start + 1 && after_plain_letter {
            let run = &mut chars[start..end];
            if run.iter().any(|&m| Tone::from_combining(m).is_some()) {
                run.sort_by_key(|&m| Modifier::from_combining(m).is_none());
            }
        }
        start = end.max(start + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_nfc_without_invisible_characters() {
        assert_eq!(
            normalize_for_storage("Vie\u{302}\u{323}t\u{200B} Nam\u{AD}"),
            "Việt Nam"
        );
        assert_eq!(normalize_for_storage("tie\u{301}\u{302}ng"), "tiếng");
        assert_eq!(normalize_for_storage("Viê\u{323}t"), "Việt");
    }

    #[test]
    fn drops_combining_marks_past_three_in_a_row() {
        let zalgo = format!("H{}i", "\u{301}\u{316}\u{35C}\u{489}".repeat(20));
        assert_eq!(
            normalize_for_storage(&zalgo),
            "H\u{301}\u{316}\u{35C}i".nfc().collect::<String>()
        );
        // A decomposed Vietnamese letter keeps both its marks.
        assert_eq!(normalize_for_storage("Vie\u{302}\u{323}t"), "Việt");
        // Thai marks are combining marks too.
        assert_eq!(
            normalize_for_storage("\u{E01}\u{E34}\u{E48}\u{E34}\u{E48}\u{E34}"),
            "\u{E01}\u{E34}\u{E48}\u{E34}"
        );
    }

    #[test]
    fn storing_twice_changes_nothing_after_a_letter_with_its_marks() {
        // Found by the fuzz harness: `ế` + circumflex + dot below.
        let stored = normalize_for_storage("\u{1EBF}\u{302}\u{323}");
        assert_eq!(normalize_for_storage(&stored), stored);
    }

    #[test]
    fn keeps_what_emoji_are_made_of() {
        let family = "👨\u{200D}👩\u{200D}👧";
        assert_eq!(normalize_for_storage(family), family);
        assert_eq!(normalize_for_storage("❤\u{FE0F}"), "❤\u{FE0F}");
        assert_eq!(normalize_for_storage("a\u{200D}b\u{FE0F}"), "ab");
        // The pictographs are the ones the grapheme count joins: `™️` is one character.
        assert_eq!(normalize_for_storage("™\u{FE0F}"), "™\u{FE0F}");
        assert_eq!(normalize_for_storage("⊕\u{FE0F}"), "⊕");
    }
}
