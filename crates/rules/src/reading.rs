//! What each run of letters in a comment is: a Vietnamese word, unaccented Vietnamese,
//! keyboard residue, legacy mojibake, a foreign word, or something that is not judged.

use crate::analysis::Analysis;
use crate::keyboard;
use crate::letters::is_lower;
use crate::odds;
use crate::syllable::{Case, Spelling, Word};
use crate::tokens::Run;
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
const ENGLISH: [&str; 40] = [
    "about", "and", "are", "article", "author", "be", "but", "can't", "do", "for", "from", "good",
    "great", "have", "i", "if", "is", "it", "just", "like", "news", "not", "of", "please", "read",
    "really", "so", "thank", "thanks", "that", "the", "this", "very", "was", "we", "what", "will",
    "with", "you", "your",
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
    let shouting = is_shouting(chars, runs);
    let mut kinds = Vec::with_capacity(runs.len());
    let mut vietnamese = 0;
    // Links are sorted and apart, and so are runs: the first link not behind the run only
    // moves forward. Legacy pieces may overlap one another, and are rare: searched.
    let mut link = 0;
    for run in runs {
        let range = &run.range;
        while links.get(link).is_some_and(|l| l.end <= range.start) {
            link += 1;
        }
        let linked = links.get(link).is_some_and(|l| l.start < range.end);
        let tagged = range.start > 0 && matches!(chars[range.start - 1], '@' | '#');
        let kind = if tagged || linked {
            Kind::Ignored
        } else if !legacy.is_empty() && overlaps(legacy, range) {
            Kind::Legacy
        } else {
            classify(&chars[range.clone()], run, shouting)
        };
        vietnamese += usize::from(matches!(kind, Kind::Vietnamese { .. }));
        kinds.push(kind);
    }
    count_words(&mut kinds, runs, vietnamese, shouting);
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

/// Whether the comment is written mostly in capitals (at least three words of two letters or
/// more, most of them all capitals): then capitals are shouting, not acronyms.
fn is_shouting(chars: &[char], runs: &[Run]) -> bool {
    let (mut total, mut capitals) = (0, 0);
    for run in runs.iter().filter(|r| r.range.len() >= 2 && !r.has_digit) {
        let upper = match run.word {
            // Letters only: a lower-case letter makes the case anything but `Upper`.
            Some(word) => word.case == Case::Upper,
            None => chars[run.range.clone()].iter().all(|&c| !is_lower(c)),
        };
        total += 1;
        capitals += usize::from(upper);
    }
    capitals >= 3 && capitals * 2 > total
}

fn foreign(run: &[char]) -> Kind {
    let english = ENGLISH.iter().any(|word| {
        word.len() == run.len() && run.iter().map(|c| c.to_ascii_lowercase()).eq(word.chars())
    });
    Kind::Foreign { english }
}

/// Decides which Vietnamese words count: not acronyms (unless the comment is `shouting`, an
/// unmarked all-capitals word counts only beside a marked all-capitals word, as in
/// `VIỆT NAM`), and each distinct word (same letters and tone, whatever the case or tone
/// placement) at most twice. `vietnamese` is how many runs are Vietnamese words.
fn count_words(kinds: &mut [Kind], runs: &[Run], vietnamese: usize, shouting: bool) {
    // The word of run `i` when it is (still) read as Vietnamese.
    let word = |kinds: &[Kind], i: usize| match kinds.get(i) {
        Some(Kind::Vietnamese { .. }) => runs[i].word,
        _ => None,
    };
    let shouting_with_marks =
        |word: Option<Word>| word.is_some_and(|word| word.case == Case::Upper && word.marked);
    let mut seen = Tally::with_room_for(vietnamese);
    for i in 0..kinds.len() {
        let Some(this) = word(kinds, i) else {
            continue;
        };
        if this.case == Case::Upper
            && !shouting
            && !this.marked
            && !shouting_with_marks(i.checked_sub(1).and_then(|before| word(kinds, before)))
            && !shouting_with_marks(word(kinds, i + 1))
        {
            kinds[i] = Kind::Ignored;
            continue;
        }
        let times = seen.add(this.identity);
        kinds[i] = Kind::Vietnamese {
            counted: times <= 2,
        };
    }
}

/// How many times each word identity was seen, up to "more than once": a small
/// open-addressing hash table (cheaper in wasm than `HashMap`).
struct Tally {
    /// An identity (below 2^63, never 0: 0 marks an empty slot), with the top bit set once it
    /// was seen again.
    slots: Vec<u64>,
}

impl Tally {
    const AGAIN: u64 = 1 << 63;

    fn with_room_for(words: usize) -> Tally {
        Tally {
            slots: vec![0; (2 * words).next_power_of_two().max(16)],
        }
    }

    /// Counts one more `identity`; returns how many times it has been seen now (1, 2, or 3
    /// for any more).
    fn add(&mut self, identity: u64) -> u32 {
        let mask = self.slots.len() - 1;
        let mut at = (identity.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask;
        loop {
            let slot = &mut self.slots[at];
            if *slot == 0 {
                *slot = identity;
                return 1;
            }
            if *slot & !Self::AGAIN == identity {
                let times = if *slot & Self::AGAIN == 0 { 2 } else { 3 };
                *slot |= Self::AGAIN;
                return times;
            }
            at = (at + 1) & mask;
        }
    }
}
