//! The analysis copy: the text as the rules read it, with a way back to the text as typed.
//!
//! Building it drops default-ignorable code points and the combining marks past
//! [`MAX_COMBINING_MARKS`] in a row, folds look-alikes, and composes each letter with the
//! combining marks after it in any order (so `e` + acute + circumflex, NFD
//! `e` + circumflex + acute and Unikey's `ê` + acute all become `ế`). Each character of the
//! copy remembers the range of original characters it came from, so that spans found in the
//! copy index the original text.

use crate::fold::{
    MAX_COMBINING_MARKS, compose_latin, fold_lookalike, is_combining_mark, is_default_ignorable,
};
use crate::letters::{Modifier, Tone, compose, is_letter, letter};
use crate::utf8_chunks;
use crate::verdict::Span;
use core::ops::Range;

/// The text as the rules read it.
pub(crate) struct Analysis {
    chars: Vec<char>,
    /// Where each character of the copy came from; `None` while the copy is the text itself
    /// (nothing dropped or composed, as in most comments), so that nothing is recorded.
    origins: Option<Origins>,
    /// Copy positions before which a soft hyphen was dropped (TCVN3 writes `ư` with that byte).
    soft_hyphens: Vec<u32>,
    /// Whether the copy holds a Latin-1 character that is not a Vietnamese letter.
    latin1_symbols: bool,
    /// How many characters the text as typed has.
    original_len: usize,
    /// Combining marks taken in since the last other character.
    marks_in_a_row: usize,
}

/// For each character of the copy, the range of original characters it came from.
struct Origins {
    /// The first original character.
    starts: Vec<u32>,
    /// One past the last original character.
    ends: Vec<u32>,
}

impl Analysis {
    /// Builds the analysis copy of `text`, in one pass.
    pub(crate) fn new(text: &str) -> Self {
        // Every character takes at least one byte: room for all, never grown.
        let mut chars = Vec::with_capacity(text.len() + utf8_chunks::SLACK);
        let mut latin1_symbols = false;
        // While nothing is dropped or composed (most comments, to the end), the copy is the
        // text, folded: no map back is needed.
        let copied = utf8_chunks::copy_while(text, &mut chars, |raw| {
            // ASCII and letters (most characters) are taken as they are.
            if raw.is_ascii() | is_letter(raw) {
                return Some(raw);
            }
            let c = fold_lookalike(raw);
            if is_default_ignorable(raw) || is_combining_mark(c) {
                return None;
            }
            latin1_symbols |= is_latin1_symbol(c);
            Some(c)
        });
        let mut copy = Analysis {
            chars,
            origins: None,
            soft_hyphens: Vec::new(),
            latin1_symbols,
            original_len: 0,
            marks_in_a_row: 0,
        };
        let mut offset = copy.chars.len() as u32;
        // `copied` is a character boundary: `get` never gives `None` here, and, unlike
        // indexing, brings no panic message (with its Unicode tables) into the wasm.
        for raw in text.get(copied..).unwrap_or_default().chars() {
            if raw.is_ascii() || is_letter(raw) {
                copy.push(raw, offset);
            } else {
                copy.take_unusual(raw, offset);
            }
            offset += 1;
        }
        copy.original_len = offset as usize;
        copy
    }

    /// Appends `c`, which came from original character `offset`.
    #[inline(always)]
    fn push(&mut self, c: char, offset: u32) {
        self.marks_in_a_row = 0;
        self.chars.push(c);
        if let Some(origins) = &mut self.origins {
            origins.starts.push(offset);
            origins.ends.push(offset + 1);
        }
    }

    /// Takes in a character that is neither ASCII nor a Vietnamese letter: drops, folds or
    /// composes it.
    fn take_unusual(&mut self, raw: char, offset: u32) {
        if is_default_ignorable(raw) {
            self.origins();
            if raw == '\u{AD}' {
                self.soft_hyphens.push(self.chars.len() as u32);
            }
            return;
        }
        let c = fold_lookalike(raw);
        let mark = is_combining_mark(c);
        if mark {
            if self.marks_in_a_row == MAX_COMBINING_MARKS {
                self.origins();
                return;
            }
            self.marks_in_a_row += 1;
        }
        if mark
            && let Some(&last) = self.chars.last()
            && let Some(merged) = attach_mark(last, c)
        {
            self.note(merged);
            let origins = self.origins();
            origins.ends.pop();
            origins.ends.push(offset + 1);
            self.chars.pop();
            self.chars.push(merged);
            return;
        }
        self.note(c);
        let marks_in_a_row = self.marks_in_a_row;
        self.push(c, offset);
        if mark {
            self.marks_in_a_row = marks_in_a_row;
        }
    }

    /// The map back to the original text, started when the copy first differs from it.
    fn origins(&mut self) -> &mut Origins {
        let length = self.chars.len() as u32;
        self.origins.get_or_insert_with(|| {
            let mut starts = Vec::with_capacity(self.chars.capacity());
            let mut ends = Vec::with_capacity(self.chars.capacity());
            starts.extend(0..length);
            ends.extend(1..=length);
            Origins { starts, ends }
        })
    }

    /// Records what the rules need to know of an unusual character `c` of the copy.
    fn note(&mut self, c: char) {
        self.latin1_symbols |= is_latin1_symbol(c);
    }

    /// The characters of the copy.
    pub(crate) fn chars(&self) -> &[char] {
        &self.chars
    }

    /// How many characters the text as typed has.
    pub(crate) fn original_len(&self) -> usize {
        self.original_len
    }

    /// Whether a soft hyphen was dropped just before copy position `index`.
    pub(crate) fn soft_hyphen_before(&self, index: usize) -> bool {
        self.soft_hyphens.binary_search(&(index as u32)).is_ok()
    }

    /// Whether the text had any soft hyphen.
    pub(crate) fn has_soft_hyphens(&self) -> bool {
        !self.soft_hyphens.is_empty()
    }

    /// Whether the copy holds a Latin-1 character that is not a Vietnamese letter (`¸`, `µ`,
    /// `Õ`, `ä`…), as TCVN3 mojibake does.
    pub(crate) fn has_latin1_symbols(&self) -> bool {
        self.latin1_symbols
    }

    /// The original characters that the copy's `range` came from.
    pub(crate) fn span(&self, range: Range<usize>) -> Span {
        let Some(origins) = &self.origins else {
            // The copy is the text: offsets are the same.
            if range.is_empty() {
                let at = range.start.min(self.chars.len());
                return Span(at, at);
            }
            return Span(range.start, range.end);
        };
        if range.is_empty() {
            let at = origins
                .starts
                .get(range.start)
                .copied()
                .unwrap_or_else(|| origins.ends.last().copied().unwrap_or(0));
            return Span(at as usize, at as usize);
        }
        Span(
            origins.starts[range.start] as usize,
            origins.ends[range.end - 1] as usize,
        )
    }
}

/// Whether `c` is a Latin-1 character that is not a Vietnamese letter.
fn is_latin1_symbol(c: char) -> bool {
    ('\u{A1}'..='\u{FF}').contains(&c) && !is_letter(c)
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
