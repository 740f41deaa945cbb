//! Characters as the reader sees them: a compact grapheme-cluster segmentation.
//!
//! This follows the parts of Unicode's extended grapheme clusters (UAX #29) that matter for
//! Vietnamese and emoji: a letter with its combining marks is one character, and so is an emoji
//! with its variation selector, skin tone, keycap, tags or ZWJ-joined partners, and a pair of
//! regional indicators (a flag). CR LF is one. Invisible format characters (zero-width space,
//! soft hyphen, bidi controls, BOM) that stand alone are not counted: a reader does not see them.
//! Scripts with their own cluster rules (Hangul jamo, Indic spacing marks) are counted per code
//! point, which only ever over-counts them.

use crate::fold::{is_combining_mark, is_default_ignorable};

/// How one code point takes part in a cluster.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Cannot be seen and belongs to no cluster.
    Invisible,
    /// Joins the cluster before it (combining marks, variation selectors, skin tones, tags).
    Extend,
    /// The zero-width joiner.
    Joiner,
    /// Half of a flag.
    RegionalIndicator,
    /// An emoji or other pictograph.
    Pictograph,
    /// Carriage return.
    CarriageReturn,
    /// Line feed.
    LineFeed,
    /// Anything else: starts a cluster.
    Base,
}

fn role(c: char) -> Role {
    let code = c as u32;
    match code {
        0x20..=0x7E | 0xC0..=0x24F | 0x1EA0..=0x1EFF => Role::Base,
        0x200D => Role::Joiner,
        0xFE00..=0xFE0F | 0xE0020..=0xE007F | 0xE0100..=0xE01EF | 0x1F3FB..=0x1F3FF => Role::Extend,
        0x1F1E6..=0x1F1FF => Role::RegionalIndicator,
        0x0D => Role::CarriageReturn,
        0x0A => Role::LineFeed,
        _ if is_combining_mark(c) => Role::Extend,
        _ if is_default_ignorable(c) => Role::Invisible,
        _ if is_pictograph(c) => Role::Pictograph,
        _ => Role::Base,
    }
}

/// Whether `c` is an emoji or another pictograph that emoji sequences are made of (Unicode's
/// `Extended_Pictographic`, compactly: the blocks and the scattered symbols emoji use). The one
/// table of pictographs: [`cluster_starts`] joins them into characters, and the stored text
/// (`stored_text`) keeps the joiners and selectors they take.
pub(crate) fn is_pictograph(c: char) -> bool {
    matches!(c as u32,
        0xA9 | 0xAE | 0x203C | 0x2049 | 0x2122 | 0x2139 | 0x2194..=0x21AA | 0x231A..=0x23FF
        | 0x24C2 | 0x25AA..=0x25FE | 0x2600..=0x27BF | 0x2934..=0x2935 | 0x2B05..=0x2B55
        | 0x3030 | 0x303D | 0x3297 | 0x3299 | 0x1F000..=0x1FAFF | 0x1FC00..=0x1FFFD)
}

/// The character offsets at which each visible character (grapheme cluster) of `text` starts.
pub(crate) fn cluster_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut open = false;
    let mut previous = Role::Base;
    let mut pictograph_before_joiner = false;
    let mut in_pictograph = false;
    let mut pending_flag_half = false;
    text.chars().enumerate().filter_map(move |(offset, c)| {
        let current = role(c);
        let joins = open
            && match current {
                Role::Extend | Role::Joiner => true,
                Role::LineFeed => previous == Role::CarriageReturn,
                Role::RegionalIndicator => pending_flag_half,
                Role::Pictograph => previous == Role::Joiner && pictograph_before_joiner,
                _ => false,
            };
        if current == Role::Invisible {
            return None;
        }
        if current == Role::Joiner {
            pictograph_before_joiner = in_pictograph;
        }
        let extends = matches!(current, Role::Extend | Role::Joiner);
        if !extends {
            in_pictograph = current == Role::Pictograph;
        }
        pending_flag_half = current == Role::RegionalIndicator && !(joins && pending_flag_half);
        previous = current;
        if joins || (extends && !is_combining_mark(c)) {
            // Joined to the cluster before, or a selector or joiner with nothing to modify.
            return None;
        }
        open = true;
        Some(offset)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(text: &str) -> usize {
        cluster_starts(text).count()
    }

    #[test]
    fn vietnamese_letters_count_once_however_typed() {
        assert_eq!(count("Việt"), 4);
        assert_eq!(count("Vie\u{302}\u{323}t"), 4);
        assert_eq!(count("Viê\u{323}t"), 4);
    }

    #[test]
    fn emoji_sequences_count_once() {
        assert_eq!(count("👨\u{200D}👩\u{200D}👧\u{200D}👦"), 1);
        assert_eq!(count("❤\u{FE0F}"), 1);
        assert_eq!(count("👍🏽"), 1);
        assert_eq!(count("🇻🇳"), 1);
        assert_eq!(count("🇻🇳🇺🇸"), 2);
        assert_eq!(count("🇻🇳🇺"), 2);
        assert_eq!(count("1\u{FE0F}\u{20E3}"), 1);
        assert_eq!(
            count("🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"),
            1
        );
    }

    #[test]
    fn invisible_characters_do_not_count() {
        assert_eq!(count("a\u{200B}b\u{AD}"), 2);
        assert_eq!(count("\r\n"), 1);
        assert_eq!(count("a\u{200D}b"), 2);
        assert_eq!(count(""), 0);
    }
}
