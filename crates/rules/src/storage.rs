//! The text the server stores.

use crate::fold::is_default_ignorable;
use crate::letters::{Modifier, Tone};
use unicode_normalization::UnicodeNormalization;

/// The text the server stores: NFC, with default-ignorable code points removed, except those a
/// visible emoji is made of (the joiner inside 👨‍👩‍👧, the selector of ❤️, the tags of a
/// subdivision flag). Combining marks typed tone-first (`e` + acute + circumflex) are put in
/// the order that composes (`ế`). Unlike `check`, this uses full Unicode NFC, so it is meant
/// for the server; an app that never calls it does not carry the normalization tables.
pub fn normalize_for_storage(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut kept: Vec<char> = Vec::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_default_ignorable(c) && !emoji_needs(&kept, c, chars.get(i + 1).copied()) {
            continue;
        }
        kept.push(c);
    }
    put_modifiers_first(&mut kept);
    kept.into_iter().nfc().collect()
}

/// Whether the default-ignorable `c`, after the kept `before` and before `next`, is part of an
/// emoji.
fn emoji_needs(before: &[char], c: char, next: Option<char>) -> bool {
    let previous = before.last().copied();
    let pictograph = |c: Option<char>| {
        c.is_some_and(|c| matches!(c as u32, 0x2190..=0x2BFF | 0x1F000..=0x1FAFF))
    };
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

/// Within each run of combining marks, moves the Vietnamese modifiers (circumflex, breve,
/// horn) before the tone marks, so that NFC composes them into one letter.
fn put_modifiers_first(chars: &mut [char]) {
    let mut start = 0;
    while start < chars.len() {
        let mut end = start;
        while end < chars.len() && ('\u{300}'..='\u{36F}').contains(&chars[end]) {
            end += 1;
        }
        if end > start + 1 {
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
    fn keeps_what_emoji_are_made_of() {
        let family = "👨\u{200D}👩\u{200D}👧";
        assert_eq!(normalize_for_storage(family), family);
        assert_eq!(normalize_for_storage("❤\u{FE0F}"), "❤\u{FE0F}");
        assert_eq!(normalize_for_storage("a\u{200D}b\u{FE0F}"), "ab");
    }
}
