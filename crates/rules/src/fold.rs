//! Characters a reader cannot see, and characters that only look like others.

/// Whether `c` is a default-ignorable code point (Unicode `Default_Ignorable_Code_Point`):
/// zero-width space and joiners, soft hyphen, bidi controls, variation selectors, tags…
#[inline]
pub(crate) fn is_default_ignorable(c: char) -> bool {
    matches!(c as u32,
        0xAD | 0x34F | 0x61C | 0x115F..=0x1160 | 0x17B4..=0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF)
}

/// The character `c` stands for when it is a look-alike: fullwidth forms and ideographic
/// stops become ASCII, `Ð` (eth) and `Ɖ` become `Đ`, the old tone marks U+0340/U+0341 become
/// grave and acute.
#[inline]
pub(crate) fn fold_lookalike(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        0x3000 => ' ',
        0x3002 | 0xFF61 | 0x2024 | 0xFE52 => '.',
        0xD0 | 0x189 => 'Đ',
        0x340 => '\u{300}',
        0x341 => '\u{301}',
        _ => c,
    }
}

/// Compositions outside Vietnamese that NFC makes of Latin-1 letters (ä å ç ñ ö ü ÿ …), so
/// that text typed decomposed reads the same as precomposed text.
pub(crate) fn compose_latin(base: char, mark: char) -> Option<char> {
    let composed = match (base, mark) {
        ('a', '\u{308}') => 'ä',
        ('e', '\u{308}') => 'ë',
        ('i', '\u{308}') => 'ï',
        ('o', '\u{308}') => 'ö',
        ('u', '\u{308}') => 'ü',
        ('y', '\u{308}') => 'ÿ',
        ('A', '\u{308}') => 'Ä',
        ('E', '\u{308}') => 'Ë',
        ('I', '\u{308}') => 'Ï',
        ('O', '\u{308}') => 'Ö',
        ('U', '\u{308}') => 'Ü',
        ('Y', '\u{308}') => 'Ÿ',
        ('a', '\u{30A}') => 'å',
        ('A', '\u{30A}') => 'Å',
        ('c', '\u{327}') => 'ç',
        ('C', '\u{327}') => 'Ç',
        ('n', '\u{303}') => 'ñ',
        ('N', '\u{303}') => 'Ñ',
        _ => return None,
    };
    Some(composed)
}

/// The most combining marks kept after one character, by the analysis and in storage: a
/// decomposed Vietnamese letter needs two (`e` + circumflex + dot below), and one more is
/// left for other scripts. More are "Zalgo" text, drawn over the lines around it: dropped.
pub const MAX_COMBINING_MARKS: usize = 3;

/// Whether `c` is a combining mark that belongs to the letter before it.
#[inline]
pub(crate) fn is_combining_mark(c: char) -> bool {
    matches!(c as u32,
        0x300..=0x36F | 0x483..=0x489 | 0x591..=0x5BD | 0x610..=0x61A | 0x64B..=0x65F
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_are_ignorable() {
        for c in [
            '\u{200B}', '\u{200D}', '\u{AD}', '\u{202E}', '\u{FE0F}', '\u{FEFF}', '\u{2060}',
        ] {
            assert!(is_default_ignorable(c), "{c:?}");
        }
        assert!(!is_default_ignorable('a'));
        assert!(!is_default_ignorable(' '));
    }

    #[test]
    fn lookalikes_fold() {
        assert_eq!(fold_lookalike('ｃ'), 'c');
        assert_eq!(fold_lookalike('．'), '.');
        assert_eq!(fold_lookalike('。'), '.');
        assert_eq!(fold_lookalike('Ð'), 'Đ');
        assert_eq!(fold_lookalike('\u{341}'), '\u{301}');
        assert_eq!(fold_lookalike('ê'), 'ê');
    }
}
