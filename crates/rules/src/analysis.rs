//! The analysis copy: the text as the rules read it, with a way back to the text as typed.
//!
//! Building it drops default-ignorable code points, folds look-alikes, and composes each
//! letter with the combining marks after it in any order (so `e` + acute + circumflex, NFD
//! `e` + circumflex + acute and Unikey's `ê` + acute all become `ế`). Each character of the
//! copy remembers the range of original characters it came from, so that spans found in the
//! copy index the original text.

use crate::fold::{compose_latin, fold_lookalike, is_combining_mark, is_default_ignorable};
use crate::letters::{Modifier, Tone, compose, letter};
use crate::verdict::Span;
use core::ops::Range;

/// The text as the rules read it.
pub(crate) struct Analysis {
    chars: Vec<char>,
    /// For each character of the copy, the first original character it came from.
    starts: Vec<u32>,
    /// For each character of the copy, one past the last original character it came from.
    ends: Vec<u32>,
    /// Copy positions before which a soft hyphen was dropped (TCVN3 writes `ư` with that byte).
    soft_hyphens: Vec<u32>,
}

impl Analysis {
    /// Builds the analysis copy of `text`.
    pub(crate) fn new(text: &str) -> Self {
        if !text.chars().any(needs_work) {
            // Nothing to drop, fold or compose (most comments): the copy is the text.
            let chars: Vec<char> = text.chars().collect();
            let length = chars.len() as u32;
            return Analysis {
                chars,
                starts: (0..length).collect(),
                ends: (1..=length).collect(),
                soft_hyphens: Vec::new(),
            };
        }
        let capacity = text.len();
        let mut copy = Analysis {
            chars: Vec::with_capacity(capacity),
            starts: Vec::with_capacity(capacity),
            ends: Vec::with_capacity(capacity),
            soft_hyphens: Vec::new(),
        };
        for (offset, raw) in text.chars().enumerate() {
            if raw.is_ascii() {
                copy.chars.push(raw);
                copy.starts.push(offset as u32);
                copy.ends.push(offset as u32 + 1);
                continue;
            }
            if is_default_ignorable(raw) {
                if raw == '\u{AD}' {
                    copy.soft_hyphens.push(copy.chars.len() as u32);
                }
                continue;
            }
            let c = fold_lookalike(raw);
            let offset = offset as u32;
            if is_combining_mark(c)
                && let Some(last) = copy.chars.last_mut()
                && let Some(merged) = attach_mark(*last, c)
            {
                *last = merged;
                if let Some(end) = copy.ends.last_mut() {
                    *end = offset + 1;
                }
                continue;
            }
            copy.chars.push(c);
            copy.starts.push(offset);
            copy.ends.push(offset + 1);
        }
        copy
    }

    /// The characters of the copy.
    pub(crate) fn chars(&self) -> &[char] {
        &self.chars
    }

    /// Whether a soft hyphen was dropped just before copy position `index`.
    pub(crate) fn soft_hyphen_before(&self, index: usize) -> bool {
        self.soft_hyphens.binary_search(&(index as u32)).is_ok()
    }

    /// Whether the text had any soft hyphen.
    pub(crate) fn has_soft_hyphens(&self) -> bool {
        !self.soft_hyphens.is_empty()
    }

    /// The original characters that the copy's `range` came from.
    pub(crate) fn span(&self, range: Range<usize>) -> Span {
        if range.is_empty() {
            let at = self
                .starts
                .get(range.start)
                .copied()
                .unwrap_or_else(|| self.ends.last().copied().unwrap_or(0));
            return Span(at as usize, at as usize);
        }
        Span(
            self.starts[range.start] as usize,
            self.ends[range.end - 1] as usize,
        )
    }
}

/// Whether `c` is dropped, folded or composed by the analysis copy.
fn needs_work(c: char) -> bool {
    !c.is_ascii() && (is_default_ignorable(c) || is_combining_mark(c) || fold_lookalike(c) != c)
}

/// `base` with the combining `mark` attached, when they make one letter.
fn attach_mark(base: char, mark: char) -> Option<char> {
    if let Some(l) = letter(base).filter(|l| l.is_vowel()) {
        if let Some(tone) = Tone::from_combining(mark) {
            return if l.tone == Tone::Level {
                compose(l.form, tone, l.upper)
            } else {
                None
            };
        }
        if let Some(modifier) = Modifier::from_combining(mark) {
            return modifier
                .apply(l.form)
                .and_then(|form| compose(form, l.tone, l.upper));
        }
    }
    match (base, mark) {
        ('d', '\u{335}' | '\u{336}') => Some('đ'),
        ('D', '\u{335}' | '\u{336}') => Some('Đ'),
        _ => compose_latin(base, mark),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy(text: &str) -> String {
        Analysis::new(text).chars().iter().collect()
    }

    #[test]
    fn marks_compose_in_any_order() {
        assert_eq!(copy("Vie\u{323}\u{302}t"), "Việt");
        assert_eq!(copy("Vie\u{302}\u{323}t"), "Việt");
        assert_eq!(copy("Viê\u{323}t"), "Việt");
        assert_eq!(copy("Vi\u{1EC7}t"), "Việt");
    }

    #[test]
    fn tone_typed_before_circumflex_still_composes() {
        assert_eq!(copy("tie\u{301}\u{302}ng"), "tiếng");
        assert_eq!(copy("u\u{31B}\u{300}"), "ừ");
        assert_eq!(copy("u\u{300}\u{31B}"), "ừ");
    }

    #[test]
    fn invisible_and_lookalike_characters_are_cleaned() {
        assert_eq!(copy("a\u{200B}b\u{AD}c．ｃｏｍ"), "abc.com");
        assert_eq!(copy("Ðà Lạt"), "Đà Lạt");
        assert_eq!(copy("e\u{341}"), "é");
    }

    #[test]
    fn spans_point_into_the_original() {
        let text = "x\u{200B}ye\u{302}\u{301}z";
        let a = Analysis::new(text);
        assert_eq!(a.chars(), &['x', 'y', 'ế', 'z']);
        assert_eq!(a.span(1..3), Span(2, 6));
        assert_eq!(a.span(3..4), Span(6, 7));
        assert_eq!(a.span(0..1), Span(0, 1));
    }
}
