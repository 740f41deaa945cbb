//! Links: anything a reader could follow or type into a browser, disguised or not.
//!
//! Found on the analysis copy, where zero-width characters are already gone and fullwidth
//! letters and ideographic stops already read as ASCII. The detectors:
//!
//! * a scheme: `http://`, `https://`, `hxxp://`, `ftp://` (also spelled out `h t t p s : / /`),
//!   and `javascript:`, `data:`, `vbscript:`, `mailto:` followed by something;
//! * a domain: a word, a dot-like separator and a real top-level domain ([`crate::tld`]). The
//!   separator may be disguised: `abc . com`, `abc[.]com`, `abc(dot)com`, `abc chấm com`,
//!   `abc cham com`. `www` followed by any separator is a link whatever follows;
//! * an e-mail address: a domain with a local part before `@`, `(at)`, `[at]` or `a còng`;
//! * an IP address followed by a port or a path;
//! * Markdown `[text](target)` and HTML `<a …>`, `href=`, `src=`.
//!
//! What keeps ordinary Vietnamese writing out: the last label must be a real top-level domain
//! written in lower case (`TP.HCM`, `Mr.Hùng`, `hay.Nhưng`, `PGS.TS`, `v.v` and numbers such as
//! `1.000.000` or `v2.0` never are). Capitalised or upper-case domains count only for the few
//! well-known ones (`Google.Com`, `FB.COM`), and only those count after a word with Vietnamese
//! letters (`nhà-cái.com`). A disguised separator needs an ASCII word before it. A lowercase
//! `word.tld` is a link even when both halves are also words (`xong.me`, `ok.la`): typing a
//! lowercase word right after a dot with no space is how links are written, not sentences.

use crate::letters::{compose, is_letter, is_lower, is_upper, letter};
use crate::ranges;
use crate::tld::{is_tld, is_well_known};
use crate::tokens::{Marks, Run};
use core::ops::Range;

/// Where the analysis copy `chars`, cut into `runs`, holds links: sorted, not overlapping.
pub(crate) fn find(chars: &[char], runs: &[Run]) -> Vec<Range<usize>> {
    let (labels, marks) = join_spaced_letters(chars, runs);
    let mut found = Vec::new();
    // Markdown's `](` lies between labels: looked for in the gaps, added after the rest (the
    // domain detector extends the link it found last).
    let mut markdown = Vec::new();
    let mut ahead = Lookahead::default();
    let lead = labels.first().map_or(chars.len(), |first| first.start);
    markdown_in(chars, 0..lead, &mut ahead, &mut markdown);
    for (i, (label, &around)) in labels.iter().zip(&marks).enumerate() {
        // Each detector is tried only where it can start: most labels are plain words.
        if around.without(Marks::VIQR).is_empty() {
            continue;
        }
        let end = labels.get(i + 1).map_or(chars.len(), |next| next.start);
        if around.has(Marks::BRACKET) {
            markdown_in(chars, label.end..end, &mut ahead, &mut markdown);
        }
        if around.has(Marks::DOT.with(Marks::DOT_WORD_NEXT)) {
            domain_at(chars, &labels, &marks, i, &mut ahead, &mut found);
        }
        if around.has(Marks::COLON) {
            scheme_at(chars, &labels, i, &mut ahead, &mut found);
        }
        if around.has(Marks::DOT) && end - label.end == 1 {
            ip_at(chars, &labels, i, &mut ahead, &mut found);
        }
        if around.has(Marks::EQUALS.with(Marks::OPENING)) {
            markup_at(chars, &labels, i, &mut ahead, &mut found);
        }
    }
    found.append(&mut markdown);
    ranges::merge(found)
}

/// Adds the Markdown links whose `]` lies in `range` to `markdown`.
fn markdown_in(
    chars: &[char],
    range: Range<usize>,
    ahead: &mut Lookahead,
    markdown: &mut Vec<Range<usize>>,
) {
    for i in range {
        if chars[i] == ']' {
            markdown_at(chars, i, ahead, markdown);
        }
    }
}

/// Where the next character of a kind is, remembered: the detectors look ahead from places
/// that mostly move forward, so that each character is looked at about once, however many
/// links start in adversarial text.
#[derive(Default)]
struct Ahead {
    /// `(from, at)`: no wanted character lies in `from..at`, and `at` holds one or is the end
    /// of the text.
    known: Option<(usize, usize)>,
}

impl Ahead {
    /// The first place at or after `from` where `wanted` holds, or `chars.len()`. `wanted`
    /// must be the same at every call.
    fn find(&mut self, chars: &[char], from: usize, wanted: impl Fn(char) -> bool) -> usize {
        let from = from.min(chars.len());
        let first = |range: Range<usize>| {
            chars[range.clone()]
                .iter()
                .position(|&c| wanted(c))
                .map(|p| range.start + p)
        };
        let at = match self.known {
            Some((start, at)) if start <= from && from <= at => return at,
            // Only what lies before the last search is new.
            Some((start, at)) if from < start => first(from..start).unwrap_or(at),
            _ => first(from..chars.len()).unwrap_or(chars.len()),
        };
        self.known = Some((from, at));
        at
    }
}

/// The look-aheads of one comment's link detectors.
#[derive(Default)]
struct Lookahead {
    /// Whitespace: the end of a link.
    space: Ahead,
    /// `>`: the end of an HTML tag.
    tag_end: Ahead,
    /// `)` or whitespace: the end of a Markdown link's target.
    target_end: Ahead,
}

/// Runs, with letters spelled out one by one (`w w w`, `h t t p s`, `c o m`) joined into one
/// label when there are at least three of them; and the marks around each.
fn join_spaced_letters(chars: &[char], runs: &[Run]) -> (Vec<Range<usize>>, Vec<Marks>) {
    let single = |r: &Run| r.range.len() == 1 && chars[r.range.start].is_ascii_alphabetic();
    let spaced = |a: &Run, b: &Run| {
        single(a) && single(b) && b.range.start == a.range.end + 1 && chars[a.range.end] == ' '
    };
    // Two letters standing alone in a row are rare: look for them before anything else.
    let mut spelled = false;
    for i in 1..runs.len() {
        if runs[i].range.len() == 1 && runs[i - 1].range.len() == 1 {
            spelled |= spaced(&runs[i - 1], &runs[i]);
        }
    }
    if !spelled {
        // No letters spelled out (most text): the labels are the runs.
        let labels = runs.iter().map(|run| run.range.clone()).collect();
        return (labels, runs.iter().map(|run| run.marks).collect());
    }
    let mut labels: Vec<Range<usize>> = Vec::with_capacity(runs.len());
    let mut marks: Vec<Marks> = Vec::with_capacity(runs.len());
    let mut i = 0;
    while i < runs.len() {
        let mut j = i;
        while j + 1 < runs.len() && spaced(&runs[j], &runs[j + 1]) {
            j += 1;
        }
        if j - i >= 2 {
            // What is after the last letter, and what is before the first.
            let opening = if runs[i].marks.has(Marks::OPENING) {
                Marks::OPENING
            } else {
                Marks::default()
            };
            labels.push(runs[i].range.start..runs[j].range.end);
            marks.push(runs[j].marks.without(Marks::OPENING).with(opening));
            i = j + 1;
        } else {
            labels.push(runs[i].range.clone());
            marks.push(runs[i].marks);
            i += 1;
        }
    }
    (labels, marks)
}

/// Whether a label spells `word` (lower case), whatever its case, spaces of spelled-out
/// letters left out. Allocates nothing.
fn spells(chars: &[char], label: &Range<usize>, word: &str) -> bool {
    if label.len() < word.len() / 2 || (label.len() > 2 * word.len() - 1) {
        return false;
    }
    // Most labels differ from the first letter on (a label starts with a letter or digit).
    let first = chars[label.start];
    if first.is_ascii() && word.as_bytes().first() != Some(&(first.to_ascii_lowercase() as u8)) {
        return false;
    }
    let letters = chars[label.clone()].iter().filter(|c| **c != ' ');
    let lower = letters.map(|&c| match letter(c) {
        Some(l) => compose(l.form, l.tone, false).unwrap_or(c),
        None => c,
    });
    lower.eq(word.chars())
}

fn gap<'a>(chars: &'a [char], labels: &[Range<usize>], i: usize) -> &'a [char] {
    let end = labels.get(i + 1).map_or(chars.len(), |next| next.start);
    &chars[labels[i].end..end]
}

fn trimmed(gap: &[char]) -> &[char] {
    let start = gap
        .iter()
        .position(|c| !matches!(c, ' ' | '\t'))
        .unwrap_or(gap.len());
    let end = gap
        .iter()
        .rposition(|c| !matches!(c, ' ' | '\t'))
        .map_or(start, |e| e + 1);
    &gap[start..end]
}

fn is(chars: &[char], word: &str) -> bool {
    chars.iter().copied().eq(word.chars())
}

/// How a separator between two labels looks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Separator {
    /// A plain dot with no space: `abc.com`.
    Plain,
    /// Anything else that a reader turns into a dot: `abc . com`, `abc[.]com`, `abc chấm com`.
    Disguised,
}

/// The separator after label `i`, and how many labels it takes up (0, or 1 for `dot`/`chấm`).
fn separator_after(
    chars: &[char],
    labels: &[Range<usize>],
    marks: &[Marks],
    i: usize,
) -> Option<(Separator, usize)> {
    let between = gap(chars, labels, i);
    let dot_word = marks[i].has(Marks::DOT_WORD_NEXT);
    if between == [' '] && !dot_word {
        return None;
    }
    if between == ['.'] {
        return Some((Separator::Plain, 0));
    }
    let core = trimmed(between);
    if matches!(
        core,
        ['.'] | ['[', '.', ']'] | ['(', '.', ')'] | ['{', '.', '}'] | ['<', '.', '>']
    ) {
        return Some((Separator::Disguised, 0));
    }
    if !dot_word
        || !(core.is_empty() || matches!(core, ['(' | '[' | '{' | '<']))
        || i + 2 >= labels.len()
    {
        return None;
    }
    let (open, close) = (core, trimmed(gap(chars, labels, i + 1)));
    let bracketed = [("(", ")"), ("[", "]"), ("{", "}"), ("<", ">")]
        .iter()
        .any(|(o, c)| is(open, o) && is(close, c));
    let spaced = open.is_empty()
        && close.is_empty()
        && !between.is_empty()
        && !gap(chars, labels, i + 1).is_empty();
    (bracketed || spaced).then_some((Separator::Disguised, 1))
}

/// How a label is capitalised.
fn case_of(chars: &[char]) -> (bool, bool) {
    let lower = chars.iter().any(|&c| is_lower(c));
    let upper = chars.iter().any(|&c| is_upper(c));
    (lower, upper)
}

/// Whether a label could be a top-level domain: two to eight ASCII letters (spelled out with
/// spaces or not: `com`, `c o m`), or an internationalized one (`рф`, `中国`).
fn could_be_top(label: &[char]) -> bool {
    match label {
        [first, ..] if !first.is_ascii() => !is_letter(*first) && label.len() <= 4,
        // Spelled out: a letter, then space and letter pairs.
        [_, ' ', ..] => label.len() <= 15 && label.iter().skip(1).step_by(2).all(|c| *c == ' '),
        _ => (2..=8).contains(&label.len()) && label.iter().all(char::is_ascii_alphabetic),
    }
}

/// Internationalized top-level domains that links in comments use (Cyrillic, Chinese, Korean,
/// Thai), in lower case.
const INTERNATIONAL: [&str; 14] = [
    "рф",
    "рус",
    "укр",
    "срб",
    "бел",
    "қаз",
    "мон",
    "中国",
    "中國",
    "香港",
    "台湾",
    "台灣",
    "한국",
    "ไทย",
];

/// `c` in lower case for Cyrillic capitals too (`РФ` → `рф`).
fn lower_any(c: char) -> char {
    match c as u32 {
        0x410..=0x42F => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        0x400..=0x40F => char::from_u32(c as u32 + 0x50).unwrap_or(c),
        _ => crate::letters::lower(c),
    }
}

/// Whether `a`, a plain dot, then `b` make an internationalized domain (`президент.рф`,
/// `百度.中国`): `b` one of [`INTERNATIONAL`], in lower case, or in capitals after a label
/// without lower-case letters (`ПРЕЗИДЕНТ.РФ`).
fn is_international_domain(left: &[char], right: &[char], separator: Separator) -> bool {
    let known = INTERNATIONAL
        .iter()
        .any(|top| right.iter().map(|&c| lower_any(c)).eq(top.chars()));
    let upper = right.iter().any(|&c| lower_any(c) != c);
    // Lower-case letters: Latin and Vietnamese, or Cyrillic (`а`–`я`, `ѐ`–`џ`).
    let lower = left
        .iter()
        .any(|&c| is_lower(c) || ('\u{430}'..='\u{45F}').contains(&c));
    known && separator == Separator::Plain && (!upper || !lower)
}

/// Whether `a`, a separator, then `b` make a domain: `b` a real top-level domain, as the
/// module documentation explains.
fn is_domain(chars: &[char], a: &Range<usize>, b: &Range<usize>, separator: Separator) -> bool {
    let left = &chars[a.clone()];
    let spelled = &chars[b.clone()];
    if spelled.first().is_some_and(|c| !c.is_ascii()) {
        return is_international_domain(left, spelled, separator);
    }
    // The letters of a top-level domain spelled out (`c o m`) without their spaces.
    let mut right = ['\0'; 8];
    let mut len = 0;
    for &c in spelled.iter().filter(|c| **c != ' ') {
        if len == right.len() || !c.is_ascii_alphabetic() {
            return false;
        }
        right[len] = c;
        len += 1;
    }
    let right = &right[..len];
    if len < 2 {
        return false;
    }
    let mut lower = [0u8; 8];
    for (byte, c) in lower.iter_mut().zip(right) {
        *byte = c.to_ascii_lowercase() as u8;
    }
    let top = core::str::from_utf8(&lower[..right.len()]).unwrap_or_default();
    // A masked telephone number (`09xx.xxx.xxx`) is no domain of `.xxx`.
    let masked = |c: &char| c.is_ascii_digit() || matches!(c, 'x' | 'X');
    if !is_tld(top) || top == "xxx" && left.iter().all(masked) {
        return false;
    }
    let ascii_left = left.iter().all(|c| c.is_ascii_alphanumeric() || *c == ' ');
    let digits_left = left.iter().all(char::is_ascii_digit);
    let (right_lower, right_upper) = case_of(right);
    let well_known = is_well_known(top);
    let capitalised = is_upper(right[0]) && right_lower && !right[1..].iter().any(|&c| is_upper(c));
    let left_lower = case_of(left).0;
    if digits_left || !ascii_left {
        // After Vietnamese letters: the well-known domains, in lower case, or in capitals
        // after capitals (`BỘCÔNGAN.VN`).
        let capitals = right_upper && !right_lower && !left_lower && !digits_left;
        return well_known && separator == Separator::Plain && (!right_upper || capitals);
    }
    match (right_lower, right_upper) {
        (true, false) => true,
        // In capitals: after capitals, or straight after a dot (`Example-Shop.COM`), but not
        // `.VN` and `.NET`, which sentences write in capitals (`hay.VN vô địch`, `Visual
        // Studio.NET`).
        (false, true) => {
            well_known
                && (!left_lower || separator == Separator::Plain && !matches!(top, "vn" | "net"))
        }
        _ => capitalised && well_known && separator == Separator::Plain,
    }
}

/// Domains whose top-level label starts at label `i + 1` or `i + 2`; e-mail local parts.
fn domain_at(
    chars: &[char],
    labels: &[Range<usize>],
    marks: &[Marks],
    i: usize,
    ahead: &mut Lookahead,
    found: &mut Vec<Range<usize>>,
) {
    // Without a dot word next, the top-level domain would be the next label: most dots end
    // a sentence, and what follows is no such label.
    if !marks[i].has(Marks::DOT_WORD_NEXT)
        && !labels
            .get(i + 1)
            .is_some_and(|next| could_be_top(&chars[next.clone()]))
        && !spells(chars, &labels[i], "www")
    {
        return;
    }
    let Some((separator, skipped)) = separator_after(chars, labels, marks, i) else {
        return;
    };
    let Some(b) = labels.get(i + 1 + skipped) else {
        return;
    };
    let www = spells(chars, &labels[i], "www");
    if !(www || is_domain(chars, &labels[i], b, separator)) {
        return;
    }
    // A chain of domains (`a.com.vn.com…`) is extended to the left once: when the link just
    // found reaches this label, the two merge anyway.
    let joined = found.last().is_some_and(|last| last.end >= labels[i].start);
    let start = if joined {
        labels[i].start
    } else {
        extend_left(chars, labels, marks, i, separator, found.last())
    };
    found.push(start..extend_right(chars, b.end, ahead));
}

/// The start of the domain or e-mail address whose label `i` is: earlier labels joined by
/// separators, hyphens, underscores, `@`, `(at)`, `[at]` or `a còng`.
///
/// `previous` is the link found last: reaching it, the extension stops and returns its start
/// (the two links merge), so that a long chain is walked once.
fn extend_left(
    chars: &[char],
    labels: &[Range<usize>],
    marks: &[Marks],
    mut i: usize,
    kind: Separator,
    previous: Option<&Range<usize>>,
) -> usize {
    let ascii = |k: usize| {
        chars[labels[k].clone()]
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || *c == ' ')
    };
    let joins = |k: usize, skip: usize| {
        separator_after(chars, labels, marks, k)
            .is_some_and(|(found, skipped)| skipped == skip && found == kind)
    };
    loop {
        if let Some(link) = previous
            && i >= 1
            && labels[i - 1].start >= link.start
            && labels[i - 1].start < link.end
        {
            return link.start;
        }
        if i >= 1 && ascii(i - 1) && joins(i - 1, 0) {
            i -= 1;
            continue;
        }
        if i >= 2 && ascii(i - 2) && joins(i - 2, 1) {
            i -= 2;
            continue;
        }
        if i >= 1
            && ascii(i - 1)
            && ["@", "-", "_", "+"]
                .iter()
                .any(|s| is(gap(chars, labels, i - 1), s))
        {
            i -= 1;
            continue;
        }
        // Labels of an internationalized domain (`bộ-công-an.vn`, `bộ.công.an.vn`).
        if i >= 1 && kind == Separator::Plain && matches!(gap(chars, labels, i - 1), ['-' | '.']) {
            i -= 1;
            continue;
        }
        if i >= 2 && ascii(i - 2) && spells(chars, &labels[i - 1], "at") {
            let (open, close) = (
                trimmed(gap(chars, labels, i - 2)),
                trimmed(gap(chars, labels, i - 1)),
            );
            if [("(", ")"), ("[", "]"), ("{", "}")]
                .iter()
                .any(|(o, c)| is(open, o) && is(close, c))
            {
                i -= 2;
                continue;
            }
        }
        if i >= 2 && is(trimmed(gap(chars, labels, i - 1)), "") {
            if spells(chars, &labels[i - 1], "acong") && ascii(i - 2) {
                i -= 2;
                continue;
            }
            let cong = ["cong", "còng"]
                .iter()
                .any(|w| spells(chars, &labels[i - 1], w));
            if i >= 3 && ascii(i - 3) && spells(chars, &labels[i - 2], "a") && cong {
                i -= 3;
                continue;
            }
        }
        return labels[i].start;
    }
}

/// The end of a link whose host ends at `end`: its port and path, if any.
fn extend_right(chars: &[char], end: usize, ahead: &mut Lookahead) -> usize {
    let follows_path = match chars.get(end) {
        Some('/') => true,
        Some(':') => chars.get(end + 1).is_some_and(char::is_ascii_digit),
        _ => false,
    };
    if follows_path {
        until_space(chars, end, ahead)
    } else {
        end
    }
}

/// How far a link is followed past its start, in characters: bounds the work per link, so
/// that text made of link starts (`http://http://…`) stays linear.
const LONGEST_LINK: usize = 2048;

/// The end of the non-space run starting at `from` (at most [`LONGEST_LINK`] characters),
/// trailing punctuation left out.
fn until_space(chars: &[char], from: usize, ahead: &mut Lookahead) -> usize {
    let limit = chars.len().min(from + LONGEST_LINK);
    let mut end = ahead
        .space
        .find(chars, from, char::is_whitespace)
        .min(limit)
        .max(from);
    while end > from
        && matches!(
            chars[end - 1],
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '"' | '\'' | '»' | '”'
        )
    {
        end -= 1;
    }
    end
}

/// `http://…`, `hxxps://…`, `h t t p s : / / …`, `javascript:…`, `data:…`.
fn scheme_at(
    chars: &[char],
    labels: &[Range<usize>],
    i: usize,
    ahead: &mut Lookahead,
    found: &mut Vec<Range<usize>>,
) {
    let label = &labels[i];
    let after = gap(chars, labels, i);
    let initial = chars[label.start].to_ascii_lowercase();
    if !after.contains(&':') || !matches!(initial, 'h' | 'f' | 'j' | 'd' | 'v' | 'm') {
        return;
    }
    let named = |names: &[&str]| names.iter().any(|name| spells(chars, label, name));
    let end = match () {
        () if named(&["http", "https", "hxxp", "hxxps", "ftp", "ftps"]) => {
            let marks: String = after.iter().filter(|c| !c.is_whitespace()).collect();
            if !marks.starts_with("://") {
                return;
            }
            let slashes = labels[i].end + after.iter().rposition(|c| *c == '/').unwrap_or(0) + 1;
            let body = (slashes..chars.len())
                .find(|&k| !chars[k].is_whitespace())
                .unwrap_or(chars.len());
            until_space(chars, body, ahead).max(slashes)
        }
        () if named(&["javascript", "data", "vbscript", "mailto"]) => {
            if !(after.first() == Some(&':') && after.get(1).is_some_and(|c| !c.is_whitespace())
                || after == [':'])
            {
                return;
            }
            if after == [':'] && labels.get(i + 1).is_none() {
                return;
            }
            until_space(chars, labels[i].end, ahead)
        }
        () => return,
    };
    if end > labels[i].end {
        found.push(labels[i].start..end);
    }
}

/// `192.168.1.1:8080`, `10.0.0.1/admin`: an IPv4 address with a port or a path.
fn ip_at(
    chars: &[char],
    labels: &[Range<usize>],
    i: usize,
    ahead: &mut Lookahead,
    found: &mut Vec<Range<usize>>,
) {
    if i + 3 >= labels.len() {
        return;
    }
    let octet = |k: usize| {
        let digits = &chars[labels[k].clone()];
        digits.len() <= 3
            && digits.iter().all(char::is_ascii_digit)
            && digits
                .iter()
                .fold(0, |n, &d| n * 10 + (u32::from(d) - u32::from('0')))
                <= 255
    };
    let dotted = (i..i + 3).all(|k| is(gap(chars, labels, k), "."));
    if (i..=i + 3).all(octet) && dotted {
        let end = extend_right(chars, labels[i + 3].end, ahead);
        if end > labels[i + 3].end {
            found.push(labels[i].start..end);
        }
    }
}

/// HTML: `<a …>`, `href=…`, `src=…`.
fn markup_at(
    chars: &[char],
    labels: &[Range<usize>],
    i: usize,
    ahead: &mut Lookahead,
    found: &mut Vec<Range<usize>>,
) {
    let label = &labels[i];
    let anchor = label.start >= 1
        && chars[label.start - 1] == '<'
        && chars.get(label.end).is_some_and(|c| c.is_whitespace())
        && spells(chars, label, "a");
    let attribute = trimmed(gap(chars, labels, i)).first() == Some(&'=')
        && (spells(chars, label, "href") || spells(chars, label, "src"));
    if !(anchor || attribute) {
        return;
    }
    let start = chars[label.start.saturating_sub(100)..label.start]
        .iter()
        .rposition(|c| *c == '<')
        .map_or(label.start, |p| label.start.saturating_sub(100) + p);
    let limit = chars.len().min(label.end + LONGEST_LINK);
    let tag_end = ahead.tag_end.find(chars, label.end, |c| c == '>');
    let close = if tag_end < limit {
        tag_end + 1
    } else {
        until_space(chars, label.end, ahead)
    };
    found.push(start..close.max(label.end));
}

/// Markdown `[text](target)` whose `]` is at `i`.
fn markdown_at(chars: &[char], i: usize, ahead: &mut Lookahead, found: &mut Vec<Range<usize>>) {
    if i + 2 >= chars.len()
        || chars[i + 1] != '('
        || chars[i + 2].is_whitespace()
        || chars[i + 2] == ')'
    {
        return;
    }
    let floor = i.saturating_sub(200);
    let Some(open) = chars[floor..i]
        .iter()
        .rposition(|c| *c == '[')
        .map(|p| floor + p)
    else {
        return;
    };
    if chars[open..i].contains(&'\n') {
        return;
    }
    let limit = chars.len().min(i + 2 + LONGEST_LINK);
    let close = ahead
        .target_end
        .find(chars, i + 2, |c| c == ')' || c.is_whitespace())
        .min(limit);
    found.push(open..(close + 1).min(chars.len()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analysis;
    use crate::tokens::runs;

    fn links(text: &str) -> Vec<String> {
        let analysis = Analysis::new(text);
        let chars = analysis.chars();
        find(chars, &runs(chars))
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn look_ahead_remembers_forward_and_backward() {
        let chars: Vec<char> = "ab cd>ef gh".chars().collect();
        let mut space = Ahead::default();
        let is_space = |c: char| c == ' ';
        assert_eq!(space.find(&chars, 3, is_space), 8);
        assert_eq!(space.find(&chars, 5, is_space), 8);
        assert_eq!(space.find(&chars, 0, is_space), 2);
        assert_eq!(space.find(&chars, 1, is_space), 2);
        assert_eq!(space.find(&chars, 9, is_space), chars.len());
        assert_eq!(space.find(&chars, 40, is_space), chars.len());
    }

    #[test]
    fn plain_links() {
        assert_eq!(links("xem abc.com nhé"), ["abc.com"]);
        assert_eq!(links("vào https://abc.vn/x?y=1."), ["https://abc.vn/x?y=1"]);
        assert_eq!(links("bit.ly/3abc"), ["bit.ly/3abc"]);
        assert_eq!(links("zalo.me/0912345678"), ["zalo.me/0912345678"]);
        assert_eq!(links("t.me/kenh"), ["t.me/kenh"]);
        assert_eq!(links("báo vnexpress.net.vn"), ["vnexpress.net.vn"]);
        assert_eq!(links("liên hệ a.b@gmail.com"), ["a.b@gmail.com"]);
        assert_eq!(links("192.168.1.1:8080"), ["192.168.1.1:8080"]);
        assert_eq!(links("[bấm](abc)"), ["[bấm](abc)"]);
        assert_eq!(links("<a href='x'>y</a>"), ["<a href='x'>"]);
        assert_eq!(links("javascript:alert(1)"), ["javascript:alert(1"]);
        assert_eq!(links("www.abcxyz"), ["www.abcxyz"]);
        assert_eq!(links("10.0.0.1/admin"), ["10.0.0.1/admin"]);
        assert_eq!(links("(192.168.1.1:8080/x)"), ["192.168.1.1:8080/x"]);
    }

    #[test]
    fn international_capital_and_spelled_out_domains() {
        assert_eq!(links("xem президент.рф"), ["президент.рф"]);
        assert_eq!(links("ПРЕЗИДЕНТ.РФ"), ["ПРЕЗИДЕНТ.РФ"]);
        assert_eq!(links("百度.中国"), ["百度.中国"]);
        assert_eq!(links("vào bộcôngan.vn"), ["bộcôngan.vn"]);
        assert_eq!(links("BỘCÔNGAN.VN"), ["BỘCÔNGAN.VN"]);
        assert_eq!(links("bộ-công-an.vn"), ["bộ-công-an.vn"]);
        assert_eq!(links("Example-Shop.COM"), ["Example-Shop.COM"]);
        assert_eq!(links("example.c o m"), ["example.c o m"]);
        assert_eq!(links("example . c o m"), ["example . c o m"]);
        assert_eq!(links("example.C O M"), ["example.C O M"]);
        for text in [
            "hay.VN vô địch",
            "Visual Studio.NET 2002",
            "đẹp.COM",
            "hay.CA",
            "Đúng.Được",
            "xem.РФ",
            "zalo 09xx.xxx.xxx",
            "1.2.3.4",
        ] {
            assert!(links(text).is_empty(), "{text}: {:?}", links(text));
        }
    }

    #[test]
    fn disguised_links() {
        assert_eq!(links("abc . com"), ["abc . com"]);
        assert_eq!(links("abc[.]com"), ["abc[.]com"]);
        assert_eq!(links("abc(dot)com"), ["abc(dot)com"]);
        assert_eq!(links("nhacai88 chấm com"), ["nhacai88 chấm com"]);
        assert_eq!(links("nhacai88 cham com"), ["nhacai88 cham com"]);
        assert_eq!(links("abc。com"), ["abc.com"]);
        assert_eq!(links("ａｂｃ．ｃｏｍ"), ["abc.com"]);
        assert_eq!(links("a\u{200B}bc.com"), ["abc.com"]);
        assert_eq!(links("w w w . abc . com"), ["w w w . abc . com"]);
        assert_eq!(links("h t t p s : / / abc"), ["h t t p s : / / abc"]);
        assert_eq!(links("hxxp://abc"), ["hxxp://abc"]);
        assert_eq!(
            links("abc (at) gmail (dot) com"),
            ["abc (at) gmail (dot) com"]
        );
        assert_eq!(
            links("abc a còng gmail chấm com"),
            ["abc a còng gmail chấm com"]
        );
    }

    #[test]
    fn ordinary_writing_is_not_a_link() {
        for text in [
            "TP.HCM",
            "Tp.HCM",
            "Q.1",
            "v.v.",
            "3.5",
            "15.40",
            "1.000.000 đồng",
            "2.500.000đ",
            "Mr.Hùng",
            "ThS.BS",
            "PGS.TS",
            "hay.Nhưng",
            "17.05.2020",
            "1.2.3",
            "v2.0",
            "@hung",
            "#SaPa",
            "hay. Nhưng",
            "đẹp.Com",
            "192.168.1.1",
            "data: mới",
            "http là gì",
        ] {
            assert!(links(text).is_empty(), "{text}: {:?}", links(text));
        }
    }
}
