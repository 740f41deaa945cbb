//! Text garbled by a legacy Vietnamese encoding, or typed in VIQR.
//!
//! Before Unicode, Vietnamese was written in 8-bit font encodings. Pasted as Unicode, TCVN3
//! (ABC) `Tiếng Việt` reads `TiÕng ViÖt`, VNI-Windows reads `Tieáng Vieät`; VIQR writes the
//! marks as ASCII after the vowel, `Tie^'ng Vie^.t`. A piece of text is flagged when it is not
//! Vietnamese as it stands but decodes to a Vietnamese syllable with marks.

use crate::analysis::Analysis;
use crate::letters::{Letter, Modifier, Tone, compose, is_upper, letter, lower};
use crate::ranges;
use crate::stack_vec::StackVec;
use crate::syllable::{self, MAX_LETTERS, Spelling};
use crate::tokens::{Marks, Run};
use core::ops::Range;

/// TCVN3 (ABC) bytes 0xA1..=0xFF, read as Latin-1, to the letters they stand for (space:
/// not a letter). Derived from the TCVN 5712 VN1 code chart, which TCVN3 fonts share.
const TCVN3: &str = "ĂÂÊÔƠƯĐăâêôơưđ      àảãáạ ằẳẵắ       ặầẩẫấậè ẻẽéẹềểễếệìỉ   ĩíịò ỏõóọồổỗốộờởỡớợù ủũúụừửữứựỳỷỹýỵ ";

/// Where the analysis copy holds a legacy-encoded or VIQR syllable.
pub(crate) fn find(analysis: &Analysis, runs: &[Run]) -> Vec<Range<usize>> {
    let chars = analysis.chars();
    let latin1 = |c: char| ('\u{A1}'..='\u{FF}').contains(&c);
    let mut found = Vec::new();
    let symbols = analysis.has_soft_hyphens() || analysis.has_latin1_symbols();
    if symbols {
        // TCVN3 writes letters with symbol bytes (`c¸c`): pieces may join several runs.
        for range in pieces(chars, |c| c.is_ascii_alphanumeric() || latin1(c)) {
            let piece = &chars[range.clone()];
            let hyphenated = range
                .clone()
                .skip(1)
                .any(|i| analysis.soft_hyphen_before(i));
            let suspect = hyphenated || piece.iter().any(|&c| latin1(c) && letter(c).is_none());
            let plain_run =
                !suspect && (!piece.iter().any(|&c| latin1(c)) || is_valid_run(runs, &range));
            if !plain_run && is_eight_bit_mojibake(analysis, range.clone()) {
                found.push(range);
            }
        }
    } else {
        // Only letters: a run that is not Vietnamese as it stands may still be VNI or TCVN3.
        for run in runs {
            if run.word.is_some_and(|w| w.spelling == Spelling::Valid) {
                continue;
            }
            let piece = &chars[run.range.clone()];
            if !piece.iter().all(char::is_ascii)
                && piece
                    .iter()
                    .all(|&c| c.is_ascii_alphanumeric() || latin1(c))
                && is_eight_bit_mojibake(analysis, run.range.clone())
            {
                found.push(run.range.clone());
            }
        }
    }
    let mut viqr: Vec<(Range<usize>, bool)> = Vec::new();
    let mut covered = 0;
    for run in runs {
        // Most runs have no VIQR mark after them.
        if !run.marks.has(Marks::VIQR) || run.range.end < covered {
            continue;
        }
        if let Some(piece) = viqr_piece(chars, run.range.end) {
            covered = piece.end;
            if let Some(strong) = viqr_strength(&chars[piece.clone()]) {
                viqr.push((piece, strong));
            }
        }
    }
    // A lone tone-only form is more likely English (`I'm`) than VIQR.
    let weak_ok = viqr.len() >= 2;
    found.extend(
        viqr.into_iter()
            .filter(|(_, strong)| *strong || weak_ok)
            .map(|(range, _)| range),
    );
    ranges::sort(&mut found);
    found
}

/// Whether `range` is exactly a run that reads as a valid Vietnamese syllable.
fn is_valid_run(runs: &[Run], range: &Range<usize>) -> bool {
    let at = runs.partition_point(|r| r.range.start < range.start);
    runs.get(at)
        .is_some_and(|r| r.range == *range && r.word.is_some_and(|w| w.spelling == Spelling::Valid))
}

/// The piece of ASCII letters and VIQR marks around a run that ends at `end` with an ASCII
/// letter followed by a VIQR mark, if it does. A mark right after a letter ends a run, so
/// only the ends of runs need looking at (most text has no mark there but sentence stops).
fn viqr_piece(chars: &[char], end: usize) -> Option<Range<usize>> {
    if !chars.get(end).is_some_and(|&c| is_viqr_mark(c)) || !chars[end - 1].is_ascii_alphabetic() {
        return None;
    }
    let member = |c: char| c.is_ascii_alphabetic() || is_viqr_mark(c);
    let start = chars[..end]
        .iter()
        .rposition(|&c| !member(c))
        .map_or(0, |k| k + 1);
    let stop = chars[end..]
        .iter()
        .position(|&c| !member(c))
        .map_or(chars.len(), |k| end + k);
    Some(start..stop)
}

/// Maximal runs of characters for which `member` holds.
fn pieces(chars: &[char], member: impl Fn(char) -> bool) -> impl Iterator<Item = Range<usize>> {
    let mut i = 0;
    core::iter::from_fn(move || {
        while i < chars.len() && !member(chars[i]) {
            i += 1;
        }
        if i >= chars.len() {
            return None;
        }
        let start = i;
        while i < chars.len() && member(chars[i]) {
            i += 1;
        }
        Some(start..i)
    })
}

#[inline(always)]
fn is_viqr_mark(c: char) -> bool {
    matches!(c, '^' | '(' | '+' | '\'' | '`' | '?' | '~' | '.')
}

fn is_vietnamese_with_marks(letters: &[char]) -> bool {
    syllable::read(letters).is_some_and(|w| w.spelling == Spelling::Valid && w.marked)
}

fn is_eight_bit_mojibake(analysis: &Analysis, range: Range<usize>) -> bool {
    let raw = &analysis.chars()[range.clone()];
    let soft_hyphen = range
        .clone()
        .skip(1)
        .any(|i| analysis.soft_hyphen_before(i));
    if (raw.iter().all(char::is_ascii) && !soft_hyphen)
        || syllable::read(raw).is_some_and(|w| w.spelling == Spelling::Valid)
    {
        return false;
    }
    let tcvn3: Option<Vec<char>> = range
        .clone()
        .flat_map(|i| {
            let hyphen = (i > range.start && analysis.soft_hyphen_before(i)).then_some('\u{AD}');
            hyphen.into_iter().chain([analysis.chars()[i]])
        })
        .map(from_tcvn3)
        .collect();
    tcvn3.is_some_and(|t| is_vietnamese_with_marks(&t))
        || from_vni_windows(raw).is_some_and(|v| is_vietnamese_with_marks(&v))
}

fn from_tcvn3(c: char) -> Option<char> {
    match c {
        _ if c.is_ascii_alphabetic() => Some(c),
        '\u{A1}'..='\u{FF}' => TCVN3.chars().nth(c as usize - 0xA1).filter(|&l| l != ' '),
        _ => None,
    }
}

/// Decodes VNI-Windows: a base letter followed by a mark byte (`e` + `á` = `ế`), plus the
/// single bytes for ơ ư đ and the toned i.
fn from_vni_windows(raw: &[char]) -> Option<Syllable> {
    // More letters than a syllable has can only decode to something that is not one.
    let mut letters: StackVec<Letter, MAX_LETTERS> = StackVec::new();
    let plain = |form, tone| Letter {
        form,
        tone,
        upper: false,
    };
    for &c in raw {
        if c.is_ascii_alphabetic() {
            letters.push(letter(c)?)?;
            continue;
        }
        let upper = is_upper(c);
        let standalone = match lower(c) {
            'ô' => Some(plain('ơ', Tone::Level)),
            'ö' => Some(plain('ư', Tone::Level)),
            'ñ' => Some(plain('đ', Tone::Level)),
            'í' => Some(plain('i', Tone::Acute)),
            'ì' => Some(plain('i', Tone::Grave)),
            'æ' => Some(plain('i', Tone::Hook)),
            'ó' => Some(plain('i', Tone::Tilde)),
            'ò' => Some(plain('i', Tone::Dot)),
            _ => None,
        };
        if let Some(l) = standalone {
            letters.push(Letter { upper, ..l })?;
            continue;
        }
        let (modifier, tone) = vni_mark(lower(c))?;
        let last = letters
            .last_mut()
            .filter(|l| l.is_vowel() && l.tone == Tone::Level)?;
        if let Some(m) = modifier {
            last.form = m.apply(last.form)?;
        }
        last.tone = tone;
    }
    compose_all(&letters)
}

/// At most the letters of one syllable.
type Syllable = StackVec<char, MAX_LETTERS>;

/// The letters put together (`None` if one does not exist).
fn compose_all(letters: &[Letter]) -> Option<Syllable> {
    let mut composed = Syllable::new();
    for l in letters {
        composed.push(compose(l.form, l.tone, l.upper)?)?;
    }
    Some(composed)
}

/// What a VNI-Windows mark byte (as its Latin-1 letter) adds to the vowel before it.
fn vni_mark(mark: char) -> Option<(Option<Modifier>, Tone)> {
    let circumflex = Some(Modifier::Circumflex);
    let breve = Some(Modifier::Breve);
    Some(match mark {
        'â' => (circumflex, Tone::Level),
        'á' => (circumflex, Tone::Acute),
        'à' => (circumflex, Tone::Grave),
        'å' => (circumflex, Tone::Hook),
        'ã' => (circumflex, Tone::Tilde),
        'ä' => (circumflex, Tone::Dot),
        'ê' => (breve, Tone::Level),
        'é' => (breve, Tone::Acute),
        'è' => (breve, Tone::Grave),
        'ú' => (breve, Tone::Hook),
        'ü' => (breve, Tone::Tilde),
        'ë' => (breve, Tone::Dot),
        'ù' => (None, Tone::Acute),
        'ø' => (None, Tone::Grave),
        'û' => (None, Tone::Hook),
        'õ' => (None, Tone::Tilde),
        'ï' => (None, Tone::Dot),
        _ => return None,
    })
}

/// Whether `raw` is a VIQR syllable: `Some(true)` when it uses a modifier or `dd` (surely
/// VIQR), `Some(false)` when only a tone mark inside the word shows it (`ca'c`).
fn viqr_strength(raw: &[char]) -> Option<bool> {
    // Only a modifier, `dd`, or a mark with letters after it can make VIQR: most pieces are
    // words before a sentence's full stop or question mark (`hay.`, `không?`).
    let first_mark = raw.iter().position(|c| !c.is_ascii_alphabetic())?;
    let modifier = raw[first_mark..]
        .iter()
        .any(|c| matches!(c, '^' | '(' | '+'));
    let dd = raw.len() > 2 && raw[..2].iter().all(|c| c.eq_ignore_ascii_case(&'d'));
    if !(modifier || dd || raw[first_mark..].iter().any(char::is_ascii_alphabetic)) {
        return None;
    }
    // More letters than a syllable has can only decode to something that is not one.
    let mut letters: StackVec<Letter, MAX_LETTERS> = StackVec::new();
    let mut strong = false;
    let mut tone_inside = false;
    for (i, &c) in raw.iter().enumerate() {
        if c.is_ascii_alphabetic() {
            if c.eq_ignore_ascii_case(&'d')
                && letters.last().is_some_and(|l| l.form == 'd')
                && letters.len() == 1
            {
                letters[0].form = 'đ';
                strong = true;
            } else {
                letters.push(letter(c)?)?;
            }
            continue;
        }
        let last = letters.last_mut().filter(|l| l.is_vowel())?;
        let modifier = match c {
            '^' => Some(Modifier::Circumflex),
            '(' => Some(Modifier::Breve),
            '+' => Some(Modifier::Horn),
            _ => None,
        };
        if let Some(m) = modifier {
            last.form = m.apply(last.form)?;
            strong = true;
            continue;
        }
        if last.tone != Tone::Level {
            return None;
        }
        last.tone = match c {
            '\'' => Tone::Acute,
            '`' => Tone::Grave,
            '?' => Tone::Hook,
            '~' => Tone::Tilde,
            _ => Tone::Dot,
        };
        tone_inside |= raw[i + 1..].iter().any(char::is_ascii_alphabetic);
    }
    if !(strong || tone_inside) {
        return None;
    }
    compose_all(&letters)
        .is_some_and(|d| is_vietnamese_with_marks(&d))
        .then_some(strong)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flagged(text: &str) -> Vec<String> {
        let analysis = Analysis::new(text);
        find(&analysis, &crate::tokens::runs(analysis.chars()))
            .into_iter()
            .map(|r| analysis.chars()[r].iter().collect())
            .collect()
    }

    #[test]
    fn tcvn3_mojibake_is_found() {
        assert_eq!(flagged("TiÕng ViÖt"), ["TiÕng", "ViÖt"]);
        assert_eq!(flagged("Hµ Néi c¸c"), ["Hµ", "Néi", "c¸c"]);
        assert_eq!(flagged("ng\u{AD}êi"), ["ngêi"]);
    }

    #[test]
    fn vni_windows_mojibake_is_found() {
        assert_eq!(flagged("Tieáng Vieät"), ["Tieáng", "Vieät"]);
        assert_eq!(flagged("Ñaø Naüng"), ["Ñaø", "Naüng"]);
    }

    #[test]
    fn viqr_is_found() {
        assert_eq!(flagged("Tie^'ng Vie^.t"), ["Tie^'ng", "Vie^.t"]);
        assert_eq!(flagged("ca'c ba.n"), ["ca'c", "ba.n"]);
    }

    #[test]
    fn genuine_text_is_not_flagged() {
        for text in [
            "Tiếng Việt",
            "Hà Nội",
            "hay.Nhưng",
            "I'm fine",
            "Ai?",
            "abc.com",
            "Café Müller",
            "hay.",
        ] {
            assert!(flagged(text).is_empty(), "{text}");
        }
    }
}
