//! Runs of letters and digits: the pieces of text that words, links and residue are made of.

use crate::fold::is_combining_mark;
use crate::letters::letter;
use crate::syllable::{self, Word};
use core::ops::Range;

/// A maximal run of letters, digits and combining marks in the analysis copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Run {
    /// Where it is in the analysis copy.
    pub(crate) range: Range<usize>,
    /// Whether it holds a digit (`vie65t`, `nhacai88`, `2020`).
    pub(crate) has_digit: bool,
    /// Whether it is ASCII only.
    pub(crate) ascii: bool,
    /// The run read as a syllable, when it is letters only and not too long.
    pub(crate) word: Option<Word>,
}

/// Whether `c` belongs inside a run.
pub(crate) fn is_run_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (!c.is_ascii() && (letter(c).is_some() || c.is_alphanumeric() || is_combining_mark(c)))
}

/// Every run of `chars`, in order.
pub(crate) fn runs(chars: &[char]) -> Vec<Run> {
    let mut runs = Vec::with_capacity(chars.len() / 4);
    let mut start = None;
    let mut has_digit = false;
    let mut ascii = true;
    for (i, &c) in chars.iter().enumerate() {
        if is_run_char(c) {
            if start.is_none() {
                start = Some(i);
                has_digit = false;
                ascii = true;
            }
            has_digit |=
                c.is_ascii_digit() || (!c.is_ascii() && letter(c).is_none() && c.is_numeric());
            ascii &= c.is_ascii();
        } else if let Some(s) = start.take() {
            runs.push(run(chars, s..i, has_digit, ascii));
        }
    }
    if let Some(s) = start {
        runs.push(run(chars, s..chars.len(), has_digit, ascii));
    }
    runs
}

fn run(chars: &[char], range: Range<usize>, has_digit: bool, ascii: bool) -> Run {
    let word = if has_digit {
        None
    } else {
        syllable::read(&chars[range.clone()])
    };
    Run {
        range,
        has_digit,
        ascii,
        word,
    }
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
