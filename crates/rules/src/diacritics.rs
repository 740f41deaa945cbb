//! Whether a comment is written in Vietnamese with its diacritics.
//!
//! A likelihood-ratio test between two ways the comment could have been written: genuine
//! accented Vietnamese, or Vietnamese typed without marks. Every syllable adds its evidence,
//! in half-nats:
//!
//! * a syllable with marks: [`MARKED`] (text typed without marks has them only by accident,
//!   about one syllable in twenty);
//! * a syllable without marks: its weight in the corpus table ([`crate::odds`]): about 0 for
//!   `anh`, `em`, `cho`, `xin`, which genuine text writes unmarked all the time, and strongly
//!   negative for `bai`, `viet`, `rat`, whose genuine spelling nearly always has marks;
//! * unaccented spellings that Vietnamese never writes (`viet`, `nguoi`), Telex/VNI residue,
//!   and legacy-encoded or VIQR syllables: [`TYPED_WITHOUT_MARKS`] each unless the table says
//!   more.
//!
//! The rule is met when the evidence for genuine text wins (the sum is positive). A comment of
//! correctly written common unmarked words and a few marked ones passes, where a "half the
//! words carry marks" rule would fail it. Before that, the comment must be Vietnamese at all:
//! at least half of its judged words Vietnamese, and not mostly common English words.

use crate::odds;
use crate::reading::Kind;
use crate::syllable::Word;
use crate::tokens::Run;
use core::ops::Range;

/// Evidence of one syllable with marks, in half-nats.
const MARKED: i32 = 6;
/// Evidence of one piece that shows the marks are missing (residue, mojibake, a spelling that
/// needs marks and is not in the table), in half-nats.
const TYPED_WITHOUT_MARKS: i32 = -6;
/// Unmarked syllables at or below this weight are pointed out as needing marks.
const NEEDS_MARKS: i32 = -3;

/// Why a comment breaks the rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cause {
    /// Vietnamese typed without marks.
    NoDiacritics,
    /// Telex or VNI keystrokes left in the text.
    KeyboardOff,
    /// TCVN3 or VNI-Windows mojibake, or VIQR.
    LegacyEncoding,
    /// Not Vietnamese.
    NotVietnamese,
}

/// A broken diacritics rule: why, and where (ranges of the analysis copy).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Failure {
    /// Why.
    pub(crate) cause: Cause,
    /// The pieces to point out.
    pub(crate) ranges: Vec<Range<usize>>,
    /// Whether the first range is worth quoting as an example of what is wrong (not so for an
    /// unmarked word that is often written without marks, such as `hay`).
    pub(crate) quotable: bool,
}

/// Judges the comment cut into `runs`, read as `kinds` (one per run), with `legacy` syllables.
/// `None` when the rule is met, or when there is nothing to judge (no letters at all).
pub(crate) fn judge(runs: &[Run], kinds: &[Kind], legacy: &[Range<usize>]) -> Option<Failure> {
    let mut score = TYPED_WITHOUT_MARKS * legacy.len() as i32;
    let (mut vietnamese, mut residue, mut foreign, mut english) = (0, 0, 0, 0);
    let mut needs_marks = 0;
    for (run, kind) in runs.iter().zip(kinds) {
        match (kind, run.word) {
            (Kind::Vietnamese { .. }, Some(word)) if word.marked => {
                vietnamese += 1;
                score += MARKED;
            }
            (Kind::Vietnamese { .. }, Some(word)) => {
                vietnamese += 1;
                let weight = unmarked_weight(word.plain);
                score += weight;
                needs_marks += usize::from(weight <= NEEDS_MARKS);
            }
            (Kind::Unaccented, Some(word)) => {
                vietnamese += 1;
                score += odds::weight(word.plain).map_or(TYPED_WITHOUT_MARKS, i32::from);
                needs_marks += 1;
            }
            (Kind::Residue, _) => {
                residue += 1;
                score += TYPED_WITHOUT_MARKS;
            }
            (
                Kind::Foreign {
                    english: is_english,
                },
                _,
            ) => {
                foreign += 1;
                english += usize::from(*is_english);
            }
            _ => {}
        }
    }
    let judged = vietnamese + residue + legacy.len() + foreign;
    if judged == 0 {
        return None;
    }
    let mostly_english = english >= 2 && english * 3 >= judged;
    let not_vietnamese = (vietnamese + residue + legacy.len()) * 2 < judged || mostly_english;
    if !not_vietnamese && score > 0 {
        return None;
    }
    // The rule is broken: now find the runs to point out.
    let of_kind = |wanted: &dyn Fn(&Kind, Option<Word>) -> bool| {
        runs.iter()
            .zip(kinds)
            .filter(|(run, kind)| wanted(kind, run.word))
            .map(|(run, _)| run.range.clone())
            .collect()
    };
    let failure = if !legacy.is_empty() && legacy.len() >= residue {
        Failure {
            cause: Cause::LegacyEncoding,
            ranges: legacy.to_vec(),
            quotable: true,
        }
    } else if not_vietnamese {
        Failure {
            cause: Cause::NotVietnamese,
            ranges: of_kind(&|k, _| matches!(k, Kind::Foreign { .. })),
            quotable: true,
        }
    } else if residue > 0 {
        Failure {
            cause: Cause::KeyboardOff,
            ranges: of_kind(&|k, _| *k == Kind::Residue),
            quotable: true,
        }
    } else if needs_marks > 0 {
        Failure {
            cause: Cause::NoDiacritics,
            ranges: of_kind(&|k, word| match (k, word) {
                (Kind::Vietnamese { .. }, Some(word)) => {
                    !word.marked && unmarked_weight(word.plain) <= NEEDS_MARKS
                }
                (Kind::Unaccented, Some(_)) => true,
                _ => false,
            }),
            quotable: true,
        }
    } else {
        Failure {
            cause: Cause::NoDiacritics,
            ranges: of_kind(
                &|k, word| matches!((k, word), (Kind::Vietnamese { .. }, Some(word)) if !word.marked),
            ),
            quotable: false,
        }
    };
    Some(failure)
}

/// The evidence of a valid Vietnamese syllable written without marks.
fn unmarked_weight(plain: u64) -> i32 {
    odds::weight(plain).map_or(0, i32::from)
}
