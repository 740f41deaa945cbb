//! Words the newsroom bans, matched as whole words, also when lightly disguised.
//!
//! A banned word listed without marks (`ngu`) matches every marked form (`ngu`, `ngủ`, `NGỤ`);
//! one listed with marks (`ngủ`) matches only those marks, in either tone placement. Case never
//! matters. Disguises caught: invisible characters inside (gone from the analysis copy),
//! letters spelled out with spaces, dots, dashes or stars between them (`n g u`, `n.g.u`),
//! letters repeated (`nguuuu`), and digits for look-alike letters (`ng0`, `l0n`). A banned
//! entry of several words matches those words in a row.

use crate::analysis::Analysis;
use crate::letters::{Tone, letter, lower, strip_form};
use crate::ranges;
use crate::tokens::{Run, runs};
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
}

impl Forms {
    fn of(chars: impl Iterator<Item = char>) -> Forms {
        let mut forms = Forms {
            plain: String::new(),
            toneless: String::new(),
            tone: Tone::Level,
            marked: false,
        };
        for c in chars {
            let (toneless, plain) = match letter(c) {
                Some(l) => {
                    if l.tone != Tone::Level {
                        forms.tone = l.tone;
                    }
                    forms.marked |= l.is_marked();
                    (l.form, strip_form(l.form))
                }
                None => {
                    let read = look_alike_digit(c).unwrap_or(c);
                    let lower = lower(read);
                    (lower, lower)
                }
            };
            if !forms.toneless.ends_with(toneless) {
                forms.toneless.push(toneless);
            }
            if !forms.plain.ends_with(plain) {
                forms.plain.push(plain);
            }
        }
        forms
    }

    /// Whether more letters after these could still spell `banned`.
    fn could_become(&self, banned: &Forms) -> bool {
        if banned.marked {
            banned.toneless.starts_with(&self.toneless)
        } else {
            banned.plain.starts_with(&self.plain)
        }
    }

    /// Whether this word of the comment is the banned word `banned`.
    fn matches(&self, banned: &Forms) -> bool {
        if banned.marked {
            self.toneless == banned.toneless && self.tone == banned.tone
        } else {
            self.plain == banned.plain
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
}

impl Banned {
    /// Reads the newsroom's list.
    pub(crate) fn new(words: &[String]) -> Banned {
        let entries = words
            .iter()
            .map(|entry| {
                let analysis = Analysis::new(entry);
                let chars = analysis.chars();
                runs(chars)
                    .iter()
                    .map(|run| Forms::of(chars[run.range.clone()].iter().copied()))
                    .collect::<Vec<_>>()
            })
            .filter(|entry: &Vec<Forms>| !entry.is_empty())
            .collect();
        Banned { entries }
    }

    /// Where the comment (analysis copy `chars`, cut into `runs`) uses a banned entry.
    pub(crate) fn find(&self, chars: &[char], runs: &[Run]) -> Vec<Range<usize>> {
        if self.entries.is_empty() {
            return Vec::new();
        }
        let words: Vec<Forms> = runs
            .iter()
            .map(|run| Forms::of(chars[run.range.clone()].iter().copied()))
            .collect();
        let mut found = Vec::new();
        for entry in &self.entries {
            for start in 0..words.len() {
                let fits = start + entry.len() <= words.len()
                    && entry
                        .iter()
                        .zip(&words[start..])
                        .all(|(banned, word)| word.matches(banned));
                if fits {
                    found.push(runs[start].range.start..runs[start + entry.len() - 1].range.end);
                }
            }
            if let [single] = entry.as_slice() {
                for letters in spelled_out(chars, runs) {
                    found.extend(spelled_matches(chars, &letters, single));
                }
            }
        }
        ranges::sort(&mut found);
        found.dedup();
        found
    }
}

/// Where the letters at positions `letters` (spelled out one by one) spell `banned`, letters
/// in a row. Each start grows only while it could still become the banned word.
fn spelled_matches(chars: &[char], letters: &[usize], banned: &Forms) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    for start in 0..letters.len() {
        for end in start..letters.len() {
            let spelled = Forms::of(letters[start..=end].iter().map(|&i| chars[i]));
            if spelled.matches(banned) {
                found.push(letters[start]..letters[end] + 1);
                break;
            }
            if !spelled.could_become(banned) {
                break;
            }
        }
    }
    found
}

/// Letters spelled out one by one with one space, dot, dash, underscore or star between them
/// (`n g u`, `đ.m`): the positions of the letters of each such run of at least two.
fn spelled_out(chars: &[char], runs: &[Run]) -> Vec<Vec<usize>> {
    let single = |r: &Run| r.range.len() == 1 && !r.has_digit;
    let joined = |a: &Run, b: &Run| {
        b.range.start == a.range.end + 1
            && matches!(chars[a.range.end], ' ' | '.' | '-' | '_' | '*')
    };
    let mut spelled = Vec::new();
    let mut i = 0;
    while i < runs.len() {
        let mut j = i;
        while single(&runs[j])
            && j + 1 < runs.len()
            && single(&runs[j + 1])
            && joined(&runs[j], &runs[j + 1])
        {
            j += 1;
        }
        if j > i {
            spelled.push(runs[i..=j].iter().map(|r| r.range.start).collect());
        }
        i = j + 1;
    }
    spelled
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(banned: &[&str], text: &str) -> Vec<String> {
        let list: Vec<String> = banned.iter().map(|s| s.to_string()).collect();
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
