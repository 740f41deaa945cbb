//! What each run of letters in a comment is: a Vietnamese word, unaccented Vietnamese,
//! keyboard residue, legacy mojibake, a foreign word, or something that is not judged.

use crate::analysis::Analysis;
use crate::keyboard;
use crate::letters::is_lower;
use crate::odds;
use crate::syllable::{Case, Spelling};
use crate::tokens::Run;
use core::cell::Cell;
use core::ops::Range;

/// What a run is. Its word, where it has one, is the run's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A valid Vietnamese syllable. `counted` says whether it counts as a word (acronyms and
    /// repeats beyond the second do not).
    Vietnamese { counted: bool },
    /// Vietnamese typed without marks that Vietnamese spelling needs (`viet`, `nguoi`).
    Unaccented,
    /// Telex or VNI keystrokes (`vieets`, `vie65t`).
    Residue,
    /// Part of a legacy-encoded or VIQR syllable.
    Legacy,
    /// A word that is not Vietnamese. `english` marks common English words.
    Foreign { english: bool },
    /// Not judged: numbers, acronyms, links, @mentions, #hashtags.
    Ignored,
}

/// Common English words that are not also Vietnamese syllables.
const ENGLISH: [&str; 39] = [
    "about", "and", "are", "article", "author", "be", "but", "do", "for", "from", "good", "great",
    "have", "i", "if", "is", "it", "just", "like", "news", "not", "of", "please", "read", "really",
    "so", "thank", "thanks", "that", "the", "this", "very", "was", "we", "what", "will", "with",
    "you", "your",
];

/// Reads every run of `analysis`, given where its links and legacy syllables are: what each
/// run is, in order.
pub(crate) fn read(
    analysis: &Analysis,
    runs: &[Run],
    links: &[Range<usize>],
    legacy: &[Range<usize>],
) -> Vec<Kind> {
    let chars = analysis.chars();
    let mut kinds = Vec::with_capacity(runs.len());
    // Whether capitals are shouting is known only at the end: the few runs whose kind depends
    // on it wait until then, and so do all-capitals words without marks, which count only
    // beside marked ones (`VIỆT NAM`).
    let (mut words, mut capitals) = (0, 0);
    let (mut waiting, mut acronyms) = (Vec::new(), Vec::new());
    let mut seen = Tally::with_room_for(runs.len());
    // Links are sorted and apart, and so are runs: the first link not behind the run only
    // moves forward. Legacy pieces may overlap one another, and are rare: searched.
    let mut link = 0;
    for (i, run) in runs.iter().enumerate() {
        let range = &run.range;
        if range.len() >= 2 && !run.has_digit {
            words += 1;
            capitals += usize::from(is_all_capitals(chars, run));
        }
        while links.get(link).is_some_and(|l| l.end <= range.start) {
            link += 1;
        }
        let linked = links.get(link).is_some_and(|l| l.start < range.end);
        let tagged = matches!(run.before, '@' | '#');
        let kind = if tagged || linked {
            Kind::Ignored
        } else if !legacy.is_empty() && overlaps(legacy, range) {
            Kind::Legacy
        } else if let Some(word) = run.word
            && word.spelling == Spelling::Valid
            && word.case != Case::Mixed
        {
            // A valid syllable (most runs), as `classify` reads it.
            Kind::Vietnamese { counted: false }
        } else if let Some(word) = run.word
            && word.case == Case::Upper
            && word.spelling != Spelling::Valid
        {
            waiting.push(i);
            Kind::Ignored
        } else {
            classify(&chars[range.clone()], run, false)
        };
        let kind = match (kind, run.word) {
            (Kind::Vietnamese { .. }, Some(word)) if word.case == Case::Upper && !word.marked => {
                acronyms.push(i);
                kind
            }
            (Kind::Vietnamese { .. }, Some(word)) => Kind::Vietnamese {
                counted: seen.add(word.identity) <= 2,
            },
            _ => kind,
        };
        kinds.push(kind);
    }
    let shouting = capitals >= 3 && capitals * 2 > words;
    for i in waiting {
        kinds[i] = classify(&chars[runs[i].range.clone()], &runs[i], shouting);
    }
    count_acronyms(&mut kinds, runs, &acronyms, &mut seen, shouting);
    kinds
}

/// Whether `run` overlaps one of `ranges` (sorted by start).
fn overlaps(ranges: &[Range<usize>], run: &Range<usize>) -> bool {
    let i = ranges.partition_point(|r| r.end <= run.start);
    ranges.get(i).is_some_and(|r| r.start < run.end)
}

fn classify(run: &[char], read: &Run, shouting: bool) -> Kind {
    let (word, has_digit) = (read.word, read.has_digit);
    if read.digits_only {
        return Kind::Ignored;
    }
    let valid = word.is_some_and(|w| w.spelling == Spelling::Valid && w.case != Case::Mixed);
    if !valid && keyboard::replay(run).is_some() {
        return Kind::Residue;
    }
    if has_digit {
        return Kind::Ignored;
    }
    let Some(word) = word else {
        return foreign(run);
    };
    match (word.spelling, word.case) {
        (_, Case::Mixed) => foreign(run),
        (Spelling::Valid, _) => Kind::Vietnamese { counted: false },
        (_, Case::Upper) if !shouting => Kind::Ignored,
        (Spelling::MissingTone, _) => Kind::Unaccented,
        (Spelling::Invalid, _) if !word.marked && odds::weight(word.plain).is_some() => {
            Kind::Unaccented
        }
        (Spelling::Invalid, _) => foreign(run),
    }
}

/// Whether `run` has no lower-case letter: a word of a comment written mostly in capitals (at
/// least three words of two letters or more, most of them all capitals) is shouting, not an
/// acronym.
fn is_all_capitals(chars: &[char], run: &Run) -> bool {
    match run.word {
        // Letters only: a lower-case letter makes the case anything but `Upper`.
        Some(word) => word.case == Case::Upper,
        None => chars[run.range.clone()].iter().all(|&c| !is_lower(c)),
    }
}

fn foreign(run: &[char]) -> Kind {
    // The run in lower case as a number, when it is short enough and ASCII, looked up.
    let mut key = 0u64;
    let english = run.len() <= 8
        && run.iter().all(|&c| {
            key = key << 8 | u64::from(c.to_ascii_lowercase() as u8);
            c.is_ascii()
        })
        && ENGLISH_KEYS.binary_search(&key).is_ok();
    Kind::Foreign { english }
}

/// [`ENGLISH`], each word as the number its bytes make (words up to eight letters), sorted.
const ENGLISH_KEYS: [u64; ENGLISH.len()] = {
    let mut keys = [0; ENGLISH.len()];
    let mut i = 0;
    while i < ENGLISH.len() {
        let word = ENGLISH[i].as_bytes();
        assert!(word.len() <= 8);
        let mut key = 0;
        let mut j = 0;
        while j < word.len() {
            key = key << 8 | word[j] as u64;
            j += 1;
        }
        // Insertion sort: the keys before `i` are in order.
        let mut at = i;
        while at > 0 && keys[at - 1] > key {
            keys[at] = keys[at - 1];
            at -= 1;
        }
        keys[at] = key;
        i += 1;
    }
    keys
};

/// Decides whether the all-capitals Vietnamese words without marks at `acronyms` count: not
/// when they are acronyms, that is unless the comment is `shouting` or a marked all-capitals
/// word stands beside (`VIỆT NAM`). Each distinct word (same letters and tone, whatever the
/// case or tone placement) counts at most twice, as `seen` tallies.
fn count_acronyms(
    kinds: &mut [Kind],
    runs: &[Run],
    acronyms: &[usize],
    seen: &mut Tally,
    shouting: bool,
) {
    // The word of run `i` when it is (still) read as Vietnamese, in capitals, with marks.
    let shouting_with_marks = |kinds: &[Kind], i: usize| match kinds.get(i) {
        Some(Kind::Vietnamese { .. }) => runs[i]
            .word
            .is_some_and(|word| word.case == Case::Upper && word.marked),
        _ => false,
    };
    for &i in acronyms {
        let Some(word) = runs[i].word else {
            continue;
        };
        kinds[i] = if !shouting
            && !i
                .checked_sub(1)
                .is_some_and(|before| shouting_with_marks(kinds, before))
            && !shouting_with_marks(kinds, i + 1)
        {
            Kind::Ignored
        } else {
            Kind::Vietnamese {
                counted: seen.add(word.identity) <= 2,
            }
        };
    }
}

/// How many times each word identity was seen, up to "more than once": a small
/// open-addressing hash table (cheaper in wasm than `HashMap`). Each thread keeps its table
/// between checks, and a slot counts only if the current check filled it, so the table is
/// never cleared.
struct Tally {
    slots: Vec<Slot>,
    /// The slots in use, less one (a power of two, less one).
    mask: usize,
    /// The current check's number (never 0, the number of a slot never filled).
    check: u32,
}

/// One slot of a [`Tally`].
#[derive(Clone, Copy, Default)]
struct Slot {
    /// An identity (below 2^63), with the top bit set once it was seen again.
    identity: u64,
    /// The check that filled it.
    check: u32,
}

thread_local! {
    /// This thread's table and the number of the last check that used it.
    static TALLY: Cell<(Vec<Slot>, u32)> = const { Cell::new((Vec::new(), 0)) };
}

impl Tally {
    const AGAIN: u64 = 1 << 63;
    /// The largest table a thread keeps for the next check (32 KB; longer texts than a
    /// thousand words get their own).
    const KEPT_SLOTS: usize = 2048;

    /// This thread's table, with room for `words` words.
    fn with_room_for(words: usize) -> Tally {
        let (mut slots, last) = TALLY.take();
        let used = (2 * words).next_power_of_two().max(16);
        let mut check = last.wrapping_add(1);
        if slots.len() < used || check == 0 {
            slots = vec![Slot::default(); used];
            check = 1;
        }
        Tally {
            slots,
            mask: used - 1,
            check,
        }
    }

    /// Counts one more `identity`; returns how many times it has been seen now (1, 2, or 3
    /// for any more).
    #[inline(always)]
    fn add(&mut self, identity: u64) -> u32 {
        let mut at = (identity.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & self.mask;
        loop {
            let slot = &mut self.slots[at];
            // All ones (32 of them) when the slot was filled by this check, else 0.
            let filled = (u64::from(slot.check ^ self.check)).wrapping_sub(1) >> 32;
            // Not 0 only when the slot holds another word (then the next slot is tried):
            // whether the word was seen before, as likely as not, is not branched on.
            if (slot.identity & !Self::AGAIN ^ identity).min(filled) != 0 {
                at = (at + 1) & self.mask;
                continue;
            }
            let seen = filled != 0;
            let times = 1 + u32::from(seen) * (1 + u32::from(slot.identity & Self::AGAIN != 0));
            *slot = Slot {
                identity: identity | (u64::from(seen) * Self::AGAIN),
                check: self.check,
            };
            return times;
        }
    }
}

impl Drop for Tally {
    fn drop(&mut self) {
        if self.slots.len() <= Self::KEPT_SLOTS {
            TALLY.set((core::mem::take(&mut self.slots), self.check));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Policy, check};

    /// Common English words are looked up by halves, as numbers.
    #[test]
    fn english_words_are_found() {
        assert!(super::ENGLISH_KEYS.is_sorted());
        let foreign = |word: &str| super::foreign(&word.chars().collect::<Vec<_>>());
        assert_eq!(foreign("Thanks"), super::Kind::Foreign { english: true });
        assert_eq!(
            foreign("thanksgiving"),
            super::Kind::Foreign { english: false }
        );
    }

    /// The table kept between checks forgets each check's words: the same comment counts the
    /// same the next time, after a longer one, and after one of other words.
    #[test]
    fn each_check_counts_its_own_repeats() {
        let policy = Policy::default();
        let repeated = "hay hay hay quá quá quá";
        assert_eq!(check(repeated, &policy).words, 4);
        assert_eq!(check(repeated, &policy).words, 4);
        let long = "hay quá ".repeat(3_000);
        assert_eq!(
            check(
                &long,
                &Policy {
                    max_chars: usize::MAX,
                    ..policy.clone()
                }
            )
            .words,
            4
        );
        assert_eq!(check("quá hay", &policy).words, 2);
        assert_eq!(check(repeated, &policy).words, 4);
    }
}
