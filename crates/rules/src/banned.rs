//! Words the newsroom bans, matched as whole words, also when lightly disguised.
//!
//! A banned word listed without marks (`ngu`) matches every marked form (`ngu`, `ngủ`, `NGỤ`);
//! one listed with marks (`ngủ`) matches only those marks, in either tone placement. Case never
//! matters. Disguises caught: invisible characters inside (gone from the analysis copy),
//! letters spelled out with spaces, dots, dashes or stars between them (`n g u`, `n.g.u`),
//! letters repeated (`nguuuu`), and digits for look-alike letters (`ng0`, `l0n`). A banned
//! entry of several words matches those words in a row.

use crate::analysis::Analysis;
use crate::letters::{self, Tone, form_code, letter, lower, strip_form};
use crate::ranges;
use crate::tokens::{Run, run_ranges};
use core::ops::Range;

/// A word brought to the forms banned words are compared in.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Forms {
    /// Lower case, marks removed, repeated letters collapsed, digits read as letters.
    plain: String,
    /// Lower case, tone removed but ă â ê ô ơ ư đ kept, repeats collapsed.
    toneless: String,
    /// The tone.
    tone: Tone,
    /// Whether any mark was written.
    marked: bool,
    /// The letter code ([`form_code`]) of the first letter of the form the word is compared
    /// in (toneless when `marked`, else plain); 0 when that is no letter.
    first: u8,
}

impl Forms {
    fn of(chars: impl Iterator<Item = char>) -> Forms {
        let mut forms = Forms {
            plain: String::new(),
            toneless: String::new(),
            tone: Tone::Level,
            marked: false,
            first: 0,
        };
        for c in chars {
            let (toneless, plain, tone, marked) = read(c);
            if tone != Tone::Level {
                forms.tone = tone;
            }
            forms.marked |= marked;
            if !forms.toneless.ends_with(toneless) {
                forms.toneless.push(toneless);
            }
            if !forms.plain.ends_with(plain) {
                forms.plain.push(plain);
            }
        }
        let compared = if forms.marked {
            &forms.toneless
        } else {
            &forms.plain
        };
        forms.first = compared.chars().next().map_or(0, form_code);
        forms
    }

    /// Whether a word whose first character reads `first` (as [`read`] reads it) could be
    /// the banned word `self`.
    fn may_start_with(&self, first: (char, char, Tone, bool)) -> bool {
        let (toneless, plain, _, _) = first;
        if self.marked {
            self.toneless.starts_with(toneless)
        } else {
            self.plain.starts_with(plain)
        }
    }

    /// Whether the comment's word `chars` is the banned word `self`: the same as
    /// `Forms::of(chars).matches(self)`, without building the word's forms (it stops at the
    /// first letter that differs).
    fn is_spelled_by(&self, chars: &[char]) -> bool {
        let mut expected = if self.marked {
            self.toneless.chars()
        } else {
            self.plain.chars()
        };
        let mut last = None;
        let mut tone = Tone::Level;
        for &c in chars {
            let (toneless, plain, letter_tone, _) = read(c);
            if letter_tone != Tone::Level {
                tone = letter_tone;
            }
            let form = if self.marked { toneless } else { plain };
            // Repeated letters count once.
            if last != Some(form) {
                last = Some(form);
                if expected.next() != Some(form) {
                    return false;
                }
            }
        }
        expected.next().is_none() && (!self.marked || tone == self.tone)
    }
}

/// One character as banned words are compared: its toneless lower-case form, its plain form
/// (marks removed, digits read as the letters they look like), its tone, and whether it
/// carries a Vietnamese mark.
#[inline]
fn read(c: char) -> (char, char, Tone, bool) {
    if c.is_ascii_alphabetic() {
        let lower = c.to_ascii_lowercase();
        return (lower, lower, Tone::Level, false);
    }
    match letter(c) {
        Some(l) => (l.form, strip_form(l.form), l.tone, l.is_marked()),
        None => {
            let lower = lower(look_alike_digit(c).unwrap_or(c));
            (lower, lower, Tone::Level, false)
        }
    }
}

fn look_alike_digit(c: char) -> Option<char> {
    Some(match c {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        _ => return None,
    })
}

/// The newsroom's banned entries, each as a sequence of words.
pub(crate) struct Banned {
    entries: Vec<Vec<Forms>>,
    /// The plain letters (codes of [`form_code`], as bits) an entry without marks starts
    /// with, and the toneless letters an entry with marks starts with: most words are passed
    /// over on their first letter.
    plain_starts: u64,
    toneless_starts: u64,
}

impl Banned {
    /// Reads the newsroom's list.
    pub(crate) fn new(words: &[String]) -> Banned {
        let entries = words
            .iter()
            .map(|entry| {
                let analysis = Analysis::new(entry);
                let chars = analysis.chars();
                run_ranges(chars)
                    .map(|range| Forms::of(chars[range].iter().copied()))
                    .collect::<Vec<_>>()
            })
            .filter(|entry: &Vec<Forms>| !entry.is_empty())
            .collect::<Vec<_>>();
        let (mut plain_starts, mut toneless_starts) = (0u64, 0u64);
        for first in entries.iter().map(|entry| &entry[0]) {
            // A form that starts with no letter can only be met by a word starting with no
            // letter, and those are all looked at closely.
            let starts = if first.marked {
                &mut toneless_starts
            } else {
                &mut plain_starts
            };
            *starts |= 1 << first.first & !1;
        }
        Banned {
            entries,
            plain_starts,
            toneless_starts,
        }
    }

    /// Where the comment (analysis copy `chars`, cut into `runs`) uses a banned entry.
    pub(crate) fn find(&self, chars: &[char], runs: &[Run]) -> Vec<Range<usize>> {
        if self.entries.is_empty() {
            return Vec::new();
        }
        let mut found = Vec::new();
        for (start, run) in runs.iter().enumerate() {
            // Most words differ from every entry in their first letter.
            let c = chars[run.range.start];
            let letter = letters::packed(c);
            let (code, plain) = (letter.code(), letter.plain_code());
            if letter.is_letter()
                && (self.plain_starts >> plain | self.toneless_starts >> code) & 1 == 0
            {
                continue;
            }
            for entry in &self.entries {
                let first = &entry[0];
                let may = if !letter.is_letter() {
                    first.may_start_with(read(c))
                } else if first.marked {
                    first.first == code
                } else {
                    first.first == plain
                };
                let fits = may
                    && start + entry.len() <= runs.len()
                    && entry
                        .iter()
                        .zip(&runs[start..])
                        .all(|(banned, run)| banned.is_spelled_by(&chars[run.range.clone()]));
                if fits {
                    found.push(run.range.start..runs[start + entry.len() - 1].range.end);
                }
            }
        }
        let singles = || self.entries.iter().filter(|entry| entry.len() == 1);
        if singles().next().is_some() {
            for letters in spelled_out(chars, runs) {
                for entry in singles() {
                    found.extend(spelled_matches(chars, letters, &entry[0]));
                }
            }
        }
        ranges::sort(&mut found);
        found.dedup();
        found
    }
}

/// Where the one-letter runs `letters` (spelled out one by one) spell `banned`, letters in a
/// row. Each start grows only while the letters could still become the banned word; they are
/// compared as they come, the way [`Forms::of`] reads them.
fn spelled_matches(chars: &[char], letters: &[Run], banned: &Forms) -> Vec<Range<usize>> {
    let form = if banned.marked {
        &banned.toneless
    } else {
        &banned.plain
    };
    let mut found = Vec::new();
    for start in 0..letters.len() {
        let mut expected = form.chars();
        let (mut last, mut tone) = (None, Tone::Level);
        for end in start..letters.len() {
            let (toneless, plain, letter_tone, _) = read(chars[letters[end].range.start]);
            if letter_tone != Tone::Level {
                tone = letter_tone;
            }
            let next = if banned.marked { toneless } else { plain };
            // Repeated letters count once; any other must be the next of the banned word.
            if last != Some(next) {
                last = Some(next);
                if expected.next() != Some(next) {
                    break;
                }
            }
            if expected.as_str().is_empty() && (!banned.marked || tone == banned.tone) {
                found.push(letters[start].range.start..letters[end].range.end);
                break;
            }
        }
    }
    found
}

/// Letters spelled out one by one with one space, dot, dash, underscore or star between them
/// (`n g u`, `đ.m`): each such stretch of at least two one-letter runs.
fn spelled_out<'a>(chars: &[char], runs: &'a [Run]) -> Vec<&'a [Run]> {
    let single = |r: &Run| r.range.len() == 1 && !r.has_digit;
    let joined = |a: &Run, b: &Run| {
        single(a)
            && single(b)
            && b.range.start == a.range.end + 1
            && matches!(chars[a.range.end], ' ' | '.' | '-' | '_' | '*')
    };
    let mut spelled = Vec::new();
    let mut i = 0;
    while i + 1 < runs.len() {
        // Most runs are longer than one letter: passed over at once.
        if runs[i].range.len() != 1 || !joined(&runs[i], &runs[i + 1]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j + 1 < runs.len() && joined(&runs[j], &runs[j + 1]) {
            j += 1;
        }
        spelled.push(&runs[i..=j]);
        i = j + 1;
    }
    spelled
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::runs;

    fn found(banned: &[&str], text: &str) -> Vec<String> {
        let list: Vec<String> = banned
            .iter()
            .map(std::string::ToString::to_string)
            .collect();
        let analysis = Analysis::new(text);
        let chars = analysis.chars();
        Banned::new(&list)
            .find(chars, &runs(chars))
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn unmarked_entries_match_any_marks_and_case() {
        assert_eq!(
            found(&["ngu"], "đồ NGU, ngủ đi, Ngụ"),
            ["NGU", "ngủ", "Ngụ"]
        );
        assert!(found(&["ngu"], "Nguyễn ngụy").is_empty());
    }

    #[test]
    fn marked_entries_match_those_marks() {
        assert_eq!(found(&["ngủ"], "ngu ngủ NGỦ"), ["ngủ", "NGỦ"]);
        assert_eq!(found(&["hòa"], "hoà"), ["hoà"]);
    }

    #[test]
    fn disguises_are_caught() {
        assert_eq!(found(&["ngu"], "n g u"), ["n g u"]);
        assert_eq!(found(&["ngu"], "n g u n g u"), ["n g u", "n g u"]);
        assert_eq!(found(&["ngu"], "n.g.u"), ["n.g.u"]);
        assert_eq!(found(&["ngu"], "nguuuu"), ["nguuuu"]);
        assert_eq!(found(&["ngu"], "n\u{200B}gu"), ["ngu"]);
        assert_eq!(found(&["lon"], "l0n"), ["l0n"]);
    }

    #[test]
    fn phrases_match_words_in_a_row() {
        assert_eq!(found(&["đồ ngốc"], "Đồ   ngốc!"), ["Đồ   ngốc"]);
        assert!(found(&["đồ ngốc"], "đồ ăn ngốc").is_empty());
    }
}
