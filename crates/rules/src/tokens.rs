//! Runs of letters and digits: the pieces of text that words, links and residue are made of.

use crate::fold::is_combining_mark;
use crate::letters::Tone;
use crate::letters::{self, is_letter};
use crate::spelling_cache::SpellingCache;
use crate::syllable::{Letters, Word, identity_of};
use core::ops::Range;

/// A maximal run of letters, digits and combining marks in the analysis copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Run {
    /// Where it is in the analysis copy.
    pub(crate) range: Range<usize>,
    /// Whether it holds a digit (`vie65t`, `nhacai88`, `2020`).
    pub(crate) has_digit: bool,
    /// Whether it is digits only (`2020`).
    pub(crate) digits_only: bool,
    /// The run read as a syllable, when it is letters only and not too long.
    pub(crate) word: Option<Word>,
    /// What links could be made of around it: `.` `:` `=` `]` after it, `<` right before it,
    /// the word `dot` or `chấm` next.
    pub(crate) marks: Marks,
    /// The character right before it (`@` of a mention, `<` of a tag), `\0` at the start.
    pub(crate) before: char,
}

/// What links could be made of around a run, as bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Marks(u8);

impl Marks {
    /// A dot after it (before the next run).
    pub(crate) const DOT: Marks = Marks(1);
    /// A colon after it.
    pub(crate) const COLON: Marks = Marks(2);
    /// An equals sign after it.
    pub(crate) const EQUALS: Marks = Marks(4);
    /// A closing square bracket after it.
    pub(crate) const BRACKET: Marks = Marks(8);
    /// `<` right before it.
    pub(crate) const OPENING: Marks = Marks(16);
    /// The next run is the word `dot`, `chấm` or `cham`, whatever its case.
    pub(crate) const DOT_WORD_NEXT: Marks = Marks(32);
    /// A VIQR mark (`^ ( + ' ` ? ~ .`) among the separators after it: the run may end a VIQR
    /// syllable (`Vie^.t`). Not a link mark.
    pub(crate) const VIQR: Marks = Marks(64);

    /// The bit of separator `c` after a run, if it has one.
    const fn after(c: u8) -> Marks {
        match c {
            b'.' => Marks(Marks::DOT.0 | Marks::VIQR.0),
            b':' => Marks::COLON,
            b'=' => Marks::EQUALS,
            b']' => Marks::BRACKET,
            b'^' | b'(' | b'+' | b'\'' | b'`' | b'?' | b'~' => Marks::VIQR,
            _ => Marks(0),
        }
    }

    /// Whether any of `wanted` is there.
    #[inline(always)]
    pub(crate) fn has(self, wanted: Marks) -> bool {
        self.0 & wanted.0 != 0
    }

    /// Whether none is there.
    #[inline(always)]
    pub(crate) fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// These and `more`.
    #[inline(always)]
    pub(crate) fn with(self, more: Marks) -> Marks {
        Marks(self.0 | more.0)
    }

    /// These without `left_out`.
    #[inline(always)]
    pub(crate) fn without(self, left_out: Marks) -> Marks {
        Marks(self.0 & !left_out.0)
    }
}

/// The words that disguise a dot, as [`Word::identity`] gives them.
const DOT_WORDS: [u64; 3] = [
    identity_of("dot", Tone::Level),
    identity_of("cham", Tone::Level),
    identity_of("châm", Tone::Acute),
];

/// What each ASCII character is to the tokenizer: [`IN_RUN`] for letters and digits, else
/// the marks it leaves after the run before it.
const ASCII: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut c = 0;
    while c < 128 {
        table[c] = if (c as u8).is_ascii_alphanumeric() {
            IN_RUN
        } else {
            Marks::after(c as u8).0
        };
        c += 1;
    }
    table
};
/// [`ASCII`] for a character that belongs inside a run.
const IN_RUN: u8 = 0xFF;

/// The marks separator `c` leaves after the run before it; `None` when `c` belongs inside a
/// run.
#[inline(always)]
fn separator(c: char) -> Option<Marks> {
    if c.is_ascii() {
        let class = ASCII[c as usize];
        (class != IN_RUN).then_some(Marks(class))
    } else if is_unusual_run_char(c) {
        None
    } else {
        Some(Marks(0))
    }
}

/// Whether `c` belongs inside a run.
#[inline(always)]
pub(crate) fn is_run_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || (!c.is_ascii() && is_unusual_run_char(c))
}

/// Whether `c`, not ASCII, belongs inside a run.
#[inline]
fn is_unusual_run_char(c: char) -> bool {
    is_letter(c) || is_letter_of_other_script(c) || is_combining_mark(c)
}

/// Letters of the scripts comments come in besides Vietnamese: the rest of Latin, Greek,
/// Cyrillic, Hebrew, Arabic, Thai, Lao, Khmer, kana, CJK ideographs, Hangul. A compact list
/// instead of Unicode's full `Alphabetic` table, which would weigh on the wasm.
fn is_letter_of_other_script(c: char) -> bool {
    matches!(c as u32,
        0xAA | 0xB5 | 0xBA | 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x370..=0x3FF
        | 0x400..=0x52F | 0x5D0..=0x5EA | 0x620..=0x64A | 0xE01..=0xE30 | 0xE40..=0xE46
        | 0xE81..=0xEB0 | 0x1780..=0x17B3 | 0x1E00..=0x1EFF | 0x3041..=0x3096 | 0x30A1..=0x30FA
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3)
}

/// Where the runs of `chars` are, in order, without reading them.
pub(crate) fn run_ranges(chars: &[char]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut i = 0;
    core::iter::from_fn(move || {
        let start = i + chars[i..].iter().position(|&c| is_run_char(c))?;
        let length = chars[start..].iter().position(|&c| !is_run_char(c));
        i = length.map_or(chars.len(), |length| start + length);
        Some(start..i)
    })
}

/// Every run of `chars`, in order, each read as a would-be syllable.
pub(crate) fn runs(chars: &[char]) -> Vec<Run> {
    SpellingCache::with(|cache| read_runs(chars, cache))
}

/// [`runs`], with the spellings already worked out in `cache`.
fn read_runs(chars: &[char], cache: &mut SpellingCache) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::with_capacity(chars.len() / 4);
    // The separators before the first run.
    let (mut i, mut before) = (0, '\0');
    while let Some(&c) = chars.get(i)
        && separator(c).is_some()
    {
        before = c;
        i += 1;
    }
    while i < chars.len() {
        let start = i;
        let mut word = Letters::new();
        let (mut digits, mut others) = (0, 0);
        // Each character is looked up once: letters go straight into the syllable.
        while let Some(&c) = chars.get(i) {
            let letter = letters::packed(c);
            if letter.is_letter() {
                word.push(letter);
            } else if c.is_ascii_digit() {
                digits += 1;
            } else if !c.is_ascii() && is_unusual_run_char(c) {
                others += 1;
            } else {
                break;
            }
            i += 1;
        }
        let range = start..i;
        let word = if digits + others == 0 {
            word.word_remembered(cache)
        } else {
            None
        };
        let identity = word.map_or(0, |word| word.identity);
        let dot_word =
            identity == DOT_WORDS[0] || identity == DOT_WORDS[1] || identity == DOT_WORDS[2];
        if dot_word && let Some(last) = runs.last_mut() {
            last.marks = last.marks.with(Marks::DOT_WORD_NEXT);
        }
        // The separators after it, up to the next run.
        let mut marks = if before == '<' {
            Marks::OPENING
        } else {
            Marks(0)
        };
        let run_before = before;
        while let Some(&c) = chars.get(i)
            && let Some(after) = separator(c)
        {
            marks = marks.with(after);
            before = c;
            i += 1;
        }
        runs.push(Run {
            has_digit: digits > 0,
            digits_only: digits == range.len(),
            word,
            marks,
            before: run_before,
            range,
        });
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_split_on_punctuation_and_space() {
        let chars: Vec<char> = "hay.Cảm ơn vie65t!".chars().collect();
        let found: Vec<String> = runs(&chars)
            .iter()
            .map(|r| chars[r.range.clone()].iter().collect())
            .collect();
        assert_eq!(found, ["hay", "Cảm", "ơn", "vie65t"]);
        let digits: Vec<bool> = runs(&chars).iter().map(|r| r.has_digit).collect();
        assert_eq!(digits, [false, false, false, true]);
    }
}
