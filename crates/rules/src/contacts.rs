//! Contacts: the telephone numbers, messenger handles and e-mail addresses that Vietnamese
//! comment spam advertises (`LH 0912 345 678`, `zalo 09xx.xxx.xxx`, `+84 912…`).
//!
//! Found on the analysis copy by hand-written scanning, like links. The detectors:
//!
//! * a telephone number: digits in groups split by one space, dot or dash (`0912 345 678`,
//!   `0912.345.678`, `091-234-5678`, `0 9 1 2 3 4 5 6 7 8`), with `+84`, `(+84)` or `0084`, or
//!   an area code in brackets (`(028) 3822 1234`), that make a Vietnamese number: a mobile
//!   number (ten digits from `03` `05` `07` `08` `09`) or a landline (eleven from `02`);
//! * after a contact cue (`LH`, `liên hệ`, `zalo`, `sđt`, `đt`, `điện thoại`, `hotline`,
//!   `call`, `tel`, `gọi`, `fax`…, at most two short words before the number, or glued to it:
//!   `sdt0912345678`): nine to eleven digits from `0`, eight to ten after a country code, or a
//!   `1800`/`1900` hotline; also partly masked (`09xx.xxx.xxx`, `0912 xxx 678`) or with spaced
//!   punctuation (`( 84 . 4 ) 8529126`);
//! * digits spelled out in Vietnamese, with or without marks, numerals mixed in or not: nine
//!   in a row, five of them words (`không chín một hai ba bốn năm sáu bảy tám`, `khong chin
//!   mot hai…`), or seven after a cue. Counting (`một hai ba … chín`) is not a number;
//! * a handle after a messenger's name, with a digit, dot or underscore in it (`zalo: tuan_88`,
//!   `zalo @hoa.kim`, `telegram nv123`);
//! * an e-mail address: a link with a local part (`ten@gmail.com`, `ten [at] gmail [dot] com`,
//!   `ten@gmail. com`, `a còng`), also before it with spaces (`ten @ gmail.com`, in lower
//!   case: `Bunraku @ PuppetBuilding.com` names a site).
//!
//! What keeps ordinary writing out: a number needs a Vietnamese number's length and leading
//! digits, so years, dates (`12/05/2024`, `05.03.2024`), times (`14h30`, `9:15`), money
//! (`1.500.000 đồng`, `2,5 tỷ`, `500k`), scores (`3-1`), decree numbers (`100/2019/NĐ-CP`)
//! and statistics (`98.000.000 dân`) never are. Without a cue, groups are split by one
//! character and the first has three or four digits (two for a country code), so that lists
//! of times (`07.30-08.45-09.15`) are not numbers. Digits glued to letters (`14h30`, `A5`,
//! `iPhone15`, `pnas.0508989102`) are not a number, nor those right after `MST`, `mã số
//! thuế`, `CCCD`, `CMND`, `ISBN` or `ISSN` (tax, identity and book numbers), nor those inside
//! a link other than Zalo's.

use crate::letters::{Tone, packed};
use crate::ranges;
use crate::syllable::{Word, identity_of};
use crate::tokens::{Run, is_run_char};
use core::ops::Range;

/// Where the analysis copy `chars`, cut into `runs`, holds contacts, given its `links`
/// (sorted, as `links::find` gives them): sorted, not overlapping.
pub(crate) fn find(chars: &[char], runs: &[Run], links: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut spelled = Spelled::default();
    // Where the last run of digits read ends: the runs before it are read.
    let mut done = 0;
    // One pass: most runs are words, passed over after two cheap tests.
    for (r, run) in runs.iter().enumerate() {
        let unit = match run.word {
            Some(word) => {
                let digit = digit_word(word.identity);
                if digit.is_none() && is_messenger(word) {
                    handle_after(chars, run, &mut found);
                }
                digit.map(|digit| (1, Some(digit)))
            }
            None => {
                if run.has_digit && run.range.start >= done {
                    done = number_at(chars, runs, links, r, &mut found);
                }
                numeral(chars, run).map(|length| (length, None))
            }
        };
        // Most runs are no digit, with no digits before them.
        if unit.is_some() || spelled.digits > 0 {
            spelled.take(chars, runs, r, unit, &mut found);
        }
    }
    spelled.take(chars, runs, runs.len(), None, &mut found);
    emails(chars, runs, links, &mut found);
    ranges::merge(found)
}

/// What a word says of the number after it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// Nothing.
    None,
    /// A contact follows (`LH`, `sđt`, `hotline`…).
    Contact,
    /// A messenger, whose handle may follow (`zalo`, `telegram`…); a contact cue too.
    Messenger,
    /// A tax, identity or book number follows, not a telephone number (`MST`, `CCCD`, `ISBN`).
    Other,
}

impl Cue {
    /// Whether a contact follows.
    fn is_contact(self) -> bool {
        matches!(self, Cue::Contact | Cue::Messenger)
    }
}

/// Plain lowercase ASCII letters packed five bits each, as [`crate::syllable::Word::plain`]
/// packs a word's letters once their marks are taken off.
const fn plain(word: &str) -> u64 {
    let bytes = word.as_bytes();
    let (mut packed, mut i) = (0u64, 0);
    while i < bytes.len() {
        packed = packed << 5 | (bytes[i] - b'a' + 1) as u64;
        i += 1;
    }
    packed
}

/// The keys of `pairs`, sorted, and their values in the same order: two arrays, so that the
/// values take a byte each. Sorted at compile time.
const fn sorted<T: Copy, const N: usize>(mut pairs: [(u64, T); N]) -> ([u64; N], [T; N]) {
    let mut i = 1;
    while i < N {
        let mut j = i;
        while j > 0 && pairs[j - 1].0 > pairs[j].0 {
            let swap = pairs[j - 1];
            pairs[j - 1] = pairs[j];
            pairs[j] = swap;
            j -= 1;
        }
        i += 1;
    }
    let (mut keys, mut values) = ([0; N], [pairs[0].1; N]);
    let mut k = 0;
    while k < N {
        keys[k] = pairs[k].0;
        values[k] = pairs[k].1;
        k += 1;
    }
    (keys, values)
}

/// The cue words, marks taken off (`sđt` is `sdt`, `gọi` is `goi`, `điện thoại` by its last
/// word), sorted for binary search.
const CUES: ([u64; 31], [Cue; 31]) = sorted([
    (plain("alo"), Cue::Contact),
    (plain("call"), Cue::Contact),
    (plain("cccd"), Cue::Other),
    (plain("cmnd"), Cue::Other),
    (plain("dd"), Cue::Contact),
    (plain("dt"), Cue::Contact),
    (plain("dthoai"), Cue::Contact),
    (plain("fax"), Cue::Contact),
    (plain("goi"), Cue::Contact),
    (plain("hotline"), Cue::Contact),
    (plain("ib"), Cue::Contact),
    (plain("inbox"), Cue::Contact),
    (plain("isbn"), Cue::Other),
    (plain("issn"), Cue::Other),
    (plain("lh"), Cue::Contact),
    (plain("lienhe"), Cue::Contact),
    (plain("mobile"), Cue::Contact),
    (plain("mst"), Cue::Other),
    (plain("phone"), Cue::Contact),
    (plain("sdt"), Cue::Contact),
    (plain("skype"), Cue::Messenger),
    (plain("sms"), Cue::Contact),
    (plain("tel"), Cue::Contact),
    (plain("tele"), Cue::Messenger),
    (plain("telegram"), Cue::Messenger),
    (plain("thoai"), Cue::Contact),
    (plain("thue"), Cue::Other),
    (plain("viber"), Cue::Messenger),
    (plain("whatsapp"), Cue::Messenger),
    (plain("zalo"), Cue::Messenger),
    (plain("zl"), Cue::Messenger),
]);

/// What the word of plain letters `key` cues.
fn cue_of(key: u64) -> Cue {
    CUES.0
        .binary_search(&key)
        .map_or(Cue::None, |at| CUES.1[at])
}

/// The plain letters of run `r`, when it is a word.
fn plain_of(runs: &[Run], r: usize) -> Option<u64> {
    runs[r].word.map(|word| word.plain)
}

/// Two-word cues whose words alone are common: `liên hệ`, `liên lạc`, `nhắn tin`, `di động`.
const PAIRS: [(u64, u64); 4] = [
    (plain("lien"), plain("he")),
    (plain("lien"), plain("lac")),
    (plain("nhan"), plain("tin")),
    (plain("di"), plain("dong")),
];

/// What run `r` cues, alone or with the run before it.
fn cue_at(runs: &[Run], r: usize) -> Cue {
    let Some(key) = plain_of(runs, r) else {
        return Cue::None;
    };
    let before = r.checked_sub(1).and_then(|k| plain_of(runs, k));
    match cue_of(key) {
        Cue::None if before.is_some_and(|first| PAIRS.contains(&(first, key))) => Cue::Contact,
        cue => cue,
    }
}

/// What precedes run `r`: a cue at most two short words before it, or a tax or identity word
/// right before it.
fn cue_before(runs: &[Run], r: usize) -> Cue {
    let start = runs[r].range.start;
    for back in 1..=3 {
        let Some(k) = r.checked_sub(back) else {
            break;
        };
        match cue_at(runs, k) {
            Cue::None => {}
            Cue::Other if back > 1 => return Cue::None,
            cue => return cue,
        }
        let short_word = runs[k].word.is_some() && runs[k].range.len() <= 6;
        if !short_word || start - runs[k].range.end > 24 {
            break;
        }
    }
    Cue::None
}

/// The cue that the letters of `run` before its first digit at `digit` make
/// (`sdt0912345678`, `LH0912…`).
fn glued_cue(chars: &[char], run: &Run, digit: usize) -> Cue {
    let letters = &chars[run.range.start..digit];
    if letters.len() > 8 {
        return Cue::None;
    }
    let mut key = 0u64;
    for &c in letters {
        let letter = packed(c);
        if !letter.is_letter() {
            return Cue::None;
        }
        key = key << 5 | u64::from(letter.plain_code());
    }
    cue_of(key)
}

/// The most groups of digits read in a row: a number typed digit by digit has ten or eleven.
const MAX_GROUPS: usize = 16;

/// One group of digits (and masks) of a would-be number, with what lies before it: the
/// separator from the group before, or for the first group, a plus sign or bracket.
#[derive(Clone, Copy, Default)]
struct Group {
    /// Where its first digit is.
    start: usize,
    /// One past its last digit.
    end: usize,
    /// An opening bracket or plus sign before it: a country or area code follows.
    opens: bool,
    /// One space, dot or dash before it: how numbers are written.
    simple: bool,
    /// A closing bracket, at most one space after it, before it (`(028) 3822`).
    closes: bool,
}

/// Whether `c` may stand in a number: a digit, or where a number may be masked, a mask.
fn is_number_char(c: char, masked: bool) -> bool {
    c.is_ascii_digit() || masked && matches!(c, 'x' | 'X' | '*')
}

/// Where the plus sign or opening bracket right before `at` is (`+84`, `(028)`, `( 84`),
/// spaces allowed; `at` when there is none.
fn opener(chars: &[char], at: usize) -> usize {
    let mut start = at;
    for k in (at.saturating_sub(3)..at).rev() {
        match chars[k] {
            '+' | '(' => start = k,
            ' ' => {}
            _ => break,
        }
    }
    start
}

/// Reads the groups of digits from `first` (a digit) into `groups`; returns how many. Between
/// two groups lie at most five spaces and punctuation marks, two of them marks. Digits glued
/// to letters (`14h`, `500k`) end the number without being part of it.
fn read_groups(chars: &[char], first: usize, masked: bool, groups: &mut [Group]) -> usize {
    let mut group = Group {
        opens: opener(chars, first) < first,
        ..Group::default()
    };
    let (mut count, mut at) = (0, first);
    while count < groups.len() {
        group.start = at;
        while chars.get(at).is_some_and(|&c| is_number_char(c, masked)) {
            at += 1;
        }
        if at == group.start || chars.get(at).is_some_and(|&c| is_run_char(c)) {
            break;
        }
        group.end = at;
        groups[count] = group;
        count += 1;
        // The separator after it.
        let (start, mut marks) = (at, 0);
        group = Group::default();
        while let Some(&c) = chars.get(at)
            && at - start < 5
        {
            match c {
                ' ' | '\u{A0}' => {}
                '.' | '-' | '_' | '(' | ')' | '+' => {
                    marks += 1;
                    group.opens |= matches!(c, '(' | '+');
                    group.closes |= c == ')';
                }
                _ => break,
            }
            at += 1;
        }
        let width = at - start;
        group.simple = width == 1 && matches!(chars[start], ' ' | '.' | '-');
        group.closes &= width <= 2;
        if width == 0 || marks > 2 || !chars.get(at).is_some_and(|&c| is_number_char(c, masked)) {
            break;
        }
    }
    count
}

/// Telephone numbers in the digits of run `r` and the groups of digits that follow it; returns
/// where the digits read end.
fn number_at(
    chars: &[char],
    runs: &[Run],
    links: &[Range<usize>],
    r: usize,
    found: &mut Vec<Range<usize>>,
) -> usize {
    let run = &runs[r];
    let Some(first) = chars[run.range.clone()]
        .iter()
        .position(char::is_ascii_digit)
        .map(|p| run.range.start + p)
    else {
        return run.range.end;
    };
    let mut groups = [Group::default(); MAX_GROUPS];
    // Too few digits (or masks) in a row for any number: nothing more to ask (most numbers).
    let count = read_groups(chars, first, true, &mut groups);
    let symbols: usize = groups[..count].iter().map(|g| g.end - g.start).sum();
    let read = groups[..count]
        .last()
        .map_or(0, |g| g.end)
        .max(run.range.end);
    if symbols < 8 {
        return read;
    }
    let cue = if first > run.range.start {
        // Letters before the digits make a code (`A5`, `BT2`) unless they are a cue.
        glued_cue(chars, run, first)
    } else {
        cue_before(runs, r)
    };
    let link = link_at(chars, links, first..first + 1);
    // Digits glued into a token (`pnas.0508989102`, `?id=0912345678`), outside Zalo's links.
    let token = first >= 2
        && matches!(chars[first - 1], '.' | '/' | '=' | '_' | '#' | '?' | '&')
        && chars[first - 2].is_ascii_alphanumeric();
    if first > run.range.start && !cue.is_contact() || token && link.is_none() {
        return run.range.end;
    }
    let loose = cue.is_contact();
    let count = read_groups(chars, first, loose, &mut groups);
    let groups = &groups[..count];
    // The groups are read even when they are no number, so that their tail is not taken for
    // one (`ISBN 978-0806527901`).
    let read = groups.last().map_or(run.range.end, |g| g.end);
    if cue == Cue::Other {
        return read;
    }
    let mut a = 0;
    while a < groups.len() {
        // The longest number from group `a`.
        let mut b = groups.len();
        while b > a && !is_phone(chars, &groups[a..b], loose) {
            b -= 1;
        }
        if b == a {
            a += 1;
            continue;
        }
        let number = opener(chars, groups[a].start)..groups[b - 1].end;
        if link_at(chars, links, number.clone()) != Some(false) {
            found.push(number);
        }
        a = b;
    }
    read
}

/// Whether `range` lies inside a link, and if so whether the link is Zalo's
/// (`zalo.me/0912345678` holds a contact; `abc.vn/bai-viet-0912345678` an article's number).
fn link_at(chars: &[char], links: &[Range<usize>], range: Range<usize>) -> Option<bool> {
    let next = links.partition_point(|link| link.end <= range.start);
    let link = links
        .get(next)
        .filter(|link| link.start <= range.start && range.end <= link.end)?;
    // Zalo's host comes first (`zalo.me/…`, `https://chat.zalo.me/…`).
    let host = &chars[link.start..link.end.min(link.start + 24)];
    Some(
        host.windows(4)
            .any(|w| w.iter().map(char::to_ascii_lowercase).eq("zalo".chars())),
    )
}

/// Whether `groups` make one telephone number; `loose` after a cue.
fn is_phone(chars: &[char], groups: &[Group], loose: bool) -> bool {
    let mut digits = [0u8; 14];
    let mut len = 0;
    for c in groups.iter().flat_map(|g| &chars[g.start..g.end]) {
        let Some(slot) = digits.get_mut(len) else {
            return false;
        };
        *slot = *c as u8;
        len += 1;
    }
    let first = &groups[0];
    let first_len = first.end - first.start;
    // A bracket or plus sign opens a number: none inside one.
    if groups[1..].iter().any(|g| g.opens) {
        return false;
    }
    let (body, international) = match &digits[..len] {
        [b'0', b'0', b'8', b'4', rest @ ..] => (rest, true),
        [b'8', b'4', rest @ ..] if first.opens || loose && first_len == 2 => (rest, true),
        all => (all, false),
    };
    let (lead, second) = (body.first().copied(), body.get(1).copied());
    if loose {
        let hotline =
            first_len == 4 && matches!(&digits[..4], b"1800" | b"1900") && matches!(len, 8 | 10);
        let number = if international {
            matches!(body.len(), 8..=10) && lead != Some(b'0')
        } else {
            lead == Some(b'0') && matches!(body.len(), 9..=11)
        };
        return digits[..2].iter().all(u8::is_ascii_digit) && (hotline || number);
    }
    // Mobile numbers: ten digits from 03 05 07 08 09; landlines: eleven from 02.
    let valid = matches!(
        (international, body.len(), lead, second),
        (true, 9, Some(b'3' | b'5' | b'7' | b'8' | b'9'), _)
            | (true, 10, Some(b'2'), _)
            | (
                false,
                10,
                Some(b'0'),
                Some(b'3' | b'5' | b'7' | b'8' | b'9')
            )
            | (false, 11, Some(b'0'), Some(b'2'))
    );
    // Without a cue, a written number's shape: one-character separators (or a closing bracket
    // after a bracketed first group), and a first group of three or four digits (two for a
    // country code), unless every group is one digit or the number is one group.
    let shaped = groups[1..]
        .iter()
        .enumerate()
        .all(|(i, g)| g.simple || i == 0 && g.closes && first.opens);
    let first_fits = match first_len {
        1 => groups.iter().all(|g| g.end - g.start == 1),
        2 => international,
        3 | 4 => true,
        _ => groups.len() == 1,
    };
    valid && shaped && first_fits
}

/// The words that spell digits, marked and unmarked, as [`crate::syllable::Word::identity`]
/// gives them, sorted for binary search; with the digit each stands for.
const DIGIT_WORDS: ([u64; 20], [u8; 20]) = sorted([
    (identity_of("không", Tone::Level), 0),
    (identity_of("khong", Tone::Level), 0),
    (identity_of("linh", Tone::Level), 0),
    (identity_of("môt", Tone::Dot), 1),
    (identity_of("mot", Tone::Level), 1),
    (identity_of("hai", Tone::Level), 2),
    (identity_of("ba", Tone::Level), 3),
    (identity_of("bôn", Tone::Acute), 4),
    (identity_of("bon", Tone::Level), 4),
    (identity_of("năm", Tone::Level), 5),
    (identity_of("nam", Tone::Level), 5),
    (identity_of("sau", Tone::Acute), 6),
    (identity_of("sau", Tone::Level), 6),
    (identity_of("bay", Tone::Hook), 7),
    (identity_of("bây", Tone::Hook), 7),
    (identity_of("bay", Tone::Level), 7),
    (identity_of("tam", Tone::Acute), 8),
    (identity_of("tam", Tone::Level), 8),
    (identity_of("chin", Tone::Acute), 9),
    (identity_of("chin", Tone::Level), 9),
]);

/// Numbers of a short list (word identities, plain forms) in 1,024 buckets, as bits: most
/// words are told apart from the list by one bit test that is seldom passed, so seldom
/// mispredicted (with 64 buckets, one word of real text in three passed the digit words' test).
struct Buckets([u64; 16]);

impl Buckets {
    /// The buckets of `keys`, leaving out 0 (no word packs to 0).
    const fn of(keys: &[u64]) -> Buckets {
        let mut bits = [0; 16];
        let mut i = 0;
        while i < keys.len() {
            let bucket = bucket(keys[i]);
            if keys[i] != 0 {
                bits[bucket / 64] |= 1 << (bucket % 64);
            }
            i += 1;
        }
        Buckets(bits)
    }

    /// Whether `key` may be one of the list's.
    #[inline(always)]
    fn may_hold(&self, key: u64) -> bool {
        let bucket = bucket(key);
        self.0[bucket / 64] >> (bucket % 64) & 1 != 0
    }
}

/// The bucket of 1,024 `key` falls in.
const fn bucket(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54) as usize
}

/// The buckets of [`DIGIT_WORDS`].
const DIGIT_BUCKETS: Buckets = Buckets::of(&DIGIT_WORDS.0);

/// The digit a word of [`crate::syllable::Word::identity`] `identity` spells.
fn digit_word(identity: u64) -> Option<u8> {
    if !DIGIT_BUCKETS.may_hold(identity) {
        return None;
    }
    let at = DIGIT_WORDS.0.binary_search(&identity).ok()?;
    Some(DIGIT_WORDS.1[at])
}

/// The fewest digits in a row that make a spelled-out number.
const SPELLED: usize = 9;
/// The same, right after a contact cue.
const SPELLED_AFTER_CUE: usize = 7;
/// The fewest of them spelled as words (`năm 1946 sau 20 năm` is not a number).
const SPELLED_WORDS: usize = 5;

/// How many digits a numeral of at most four digits stands for in a row of spelled digits;
/// years are left out (`năm 1946 sau 20 năm`).
fn numeral(chars: &[char], run: &Run) -> Option<usize> {
    let numeral = &chars[run.range.clone()];
    let year = numeral.len() == 4 && matches!(numeral[0], '1' | '2');
    (run.digits_only && numeral.len() <= 4 && !year).then_some(numeral.len())
}

/// Digits in a row, spelled as words or not, for numbers spelled out digit by digit.
#[derive(Default)]
struct Spelled {
    /// The run they start at.
    first: usize,
    /// How many digits.
    digits: usize,
    /// How many of them are words.
    words: usize,
    /// The last word's digit.
    last: u8,
    /// Whether the words count up one by one (`một hai ba…`).
    counting: bool,
}

impl Spelled {
    /// Takes in run `r` (`runs.len()` at the end), which stands for `unit`: how many digits,
    /// and the digit a word spells; `None` when it is no digit.
    fn take(
        &mut self,
        chars: &[char],
        runs: &[Run],
        r: usize,
        unit: Option<(usize, Option<u8>)>,
        found: &mut Vec<Range<usize>>,
    ) {
        let joined = self.digits > 0 && unit.is_some() && {
            let gap = &chars[runs[r - 1].range.end..runs[r].range.start];
            gap.len() <= 3 && gap.iter().all(|c| matches!(c, ' ' | ',' | '.' | '-' | '_'))
        };
        if self.digits > 0 && !joined {
            let enough = self.words >= SPELLED_WORDS
                && !self.counting
                && (self.digits >= SPELLED
                    || self.digits >= SPELLED_AFTER_CUE
                        && cue_before(runs, self.first).is_contact());
            if enough {
                found.push(runs[self.first].range.start..runs[r - 1].range.end);
            }
            self.digits = 0;
        }
        let Some((length, digit)) = unit else {
            return;
        };
        if self.digits == 0 {
            (self.first, self.words, self.counting) = (r, 0, true);
        }
        match digit {
            Some(digit) => {
                self.counting &= self.words == 0 || digit == self.last + 1;
                self.words += 1;
                self.last = digit;
            }
            None => self.counting = false,
        }
        self.digits += length;
    }
}

/// The longest handle taken, in characters.
const LONGEST_HANDLE: usize = 32;

/// The plain forms of the messengers' names.
const MESSENGERS: Buckets = {
    let mut names = [0; CUES.0.len()];
    let mut i = 0;
    while i < names.len() {
        if matches!(CUES.1[i], Cue::Messenger) {
            names[i] = CUES.0[i];
        }
        i += 1;
    }
    Buckets::of(&names)
};

/// Whether `word` names a messenger (`zalo`, `telegram`…).
fn is_messenger(word: Word) -> bool {
    // Most words are passed over by the bit test.
    MESSENGERS.may_hold(word.plain) && cue_of(word.plain) == Cue::Messenger
}

/// The handle after `run`, a messenger's name: `zalo: tuan_88`, `zalo @hoa.kim`,
/// `telegram nv123`.
fn handle_after(chars: &[char], run: &Run, found: &mut Vec<Range<usize>>) {
    let mut start = run.range.end;
    while start - run.range.end < 4
        && chars
            .get(start)
            .is_some_and(|c| matches!(c, ' ' | ':' | '-' | '@'))
    {
        start += 1;
    }
    // At most one character past the longest handle: work bounded per name.
    let mut end = start;
    while end - start <= LONGEST_HANDLE
        && chars
            .get(end)
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_'))
    {
        end += 1;
    }
    // A word that goes on in Vietnamese letters is no handle (`zalo nhé`).
    if chars.get(end).is_some_and(|&c| is_run_char(c)) {
        return;
    }
    while end > start && chars[end - 1] == '.' {
        end -= 1;
    }
    let handle = &chars[start..end];
    let letters = handle.iter().any(char::is_ascii_alphabetic);
    let digits = handle.iter().any(char::is_ascii_digit);
    let joined = handle.iter().any(|c| matches!(c, '.' | '_'));
    let first = handle.first().is_some_and(char::is_ascii_alphanumeric);
    if first && (3..=LONGEST_HANDLE).contains(&handle.len()) && letters && (digits || joined) {
        found.push(start..end);
    }
}

/// E-mail addresses: the links that have a local part, inside (`ten@gmail.com`,
/// `ten [at] gmail [dot] com`) or before them with spaces (`ten @ gmail.com`).
fn emails(chars: &[char], runs: &[Run], links: &[Range<usize>], found: &mut Vec<Range<usize>>) {
    for link in links {
        let mut at = link.start;
        at -= usize::from(at >= 1 && chars[at - 1] == ' ');
        let local = if at >= 2 && chars[at - 1] == '@' {
            let end = at - 1 - usize::from(chars[at - 2] == ' ');
            // In lower case: `Bunraku @ PuppetBuilding.com` names a site.
            let length = chars[..end]
                .iter()
                .rev()
                .take_while(|c| {
                    c.is_ascii_lowercase()
                        || c.is_ascii_digit()
                        || matches!(c, '.' | '_' | '-' | '+')
                })
                .count();
            let start = end - length;
            let whole = start == 0 || !is_run_char(chars[start - 1]);
            (length > 0 && whole).then_some(start)
        } else {
            None
        };
        if let Some(start) = local {
            found.push(start..link.end);
        } else if is_email(chars, runs, link) {
            found.push(link.clone());
        }
    }
}

/// Whether `link` is an e-mail address: a label in it follows `@`, or it has a bracketed `at`
/// or `a còng`.
fn is_email(chars: &[char], runs: &[Run], link: &Range<usize>) -> bool {
    let first = runs.partition_point(|run| run.range.start < link.start);
    let mut previous = 0;
    for run in runs[first..]
        .iter()
        .take_while(|run| run.range.end <= link.end)
    {
        let key = run.word.map_or(0, |word| word.plain);
        let bracket = chars[link.start..run.range.start]
            .iter()
            .rev()
            .find(|c| **c != ' ');
        let at = key == const { plain("at") } && matches!(bracket, Some('(' | '[' | '{'));
        let cong = key == const { plain("acong") }
            || key == const { plain("cong") } && previous == const { plain("a") };
        let local = run.before == '@' && run.range.start > link.start;
        if local || at || cong {
            return true;
        }
        previous = key;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analysis;
    use crate::tokens::runs;

    fn contacts(text: &str) -> Vec<String> {
        let analysis = Analysis::new(text);
        let chars = analysis.chars();
        let runs = runs(chars);
        let links = crate::links::find(chars, &runs);
        find(chars, &runs, &links)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn tables_are_sorted_and_unique() {
        assert!(CUES.0.windows(2).all(|w| w[0] < w[1]));
        assert!(DIGIT_WORDS.0.windows(2).all(|w| w[0] < w[1]));
        assert!(cue_of(plain("zalo")) == Cue::Messenger);
        assert!(cue_of(plain("zaloo")) == Cue::None);
    }

    #[test]
    fn bucket_tests_pass_every_listed_word_and_few_others() {
        assert!(DIGIT_WORDS.0.iter().all(|&w| DIGIT_BUCKETS.may_hold(w)));
        let messengers = CUES
            .0
            .iter()
            .zip(CUES.1)
            .filter(|(_, c)| *c == Cue::Messenger);
        assert!(messengers.clone().count() >= 7);
        assert!(
            messengers
                .into_iter()
                .all(|(&name, _)| MESSENGERS.may_hold(name))
        );
        // Other words (packed plain forms of two to four letters) seldom pass.
        let others = (1..=26).flat_map(|a| (1..=26).map(move |b| a << 10 | b << 5 | 1));
        let passed = others
            .clone()
            .filter(|&w| DIGIT_BUCKETS.may_hold(w))
            .count();
        assert!(passed * 20 < others.count(), "{passed} passed");
    }

    #[test]
    fn mobile_and_landline_numbers_in_every_shape() {
        for (text, number) in [
            ("LH 0912 345 678 nhé", "0912 345 678"),
            ("gọi 0912345678", "0912345678"),
            ("số mình 0912.345.678 ạ", "0912.345.678"),
            ("091-234-5678", "091-234-5678"),
            ("0 9 1 2 3 4 5 6 7 8", "0 9 1 2 3 4 5 6 7 8"),
            ("+84 912 345 678", "+84 912 345 678"),
            ("+84912345678", "+84912345678"),
            ("(+84) 912 345 678", "(+84) 912 345 678"),
            ("0084 912 345 678", "0084 912 345 678"),
            ("(028) 3822 1234", "(028) 3822 1234"),
            ("024 3825 1234", "024 3825 1234"),
            ("sdt0912345678", "0912345678"),
            ("năm 2024 0987654321", "0987654321"),
            ("ở Q.1 0912 345 678", "0912 345 678"),
            ("0912.345.678 1.000.000đ", "0912.345.678"),
            ("zalo.me/0912345678", "0912345678"),
        ] {
            assert_eq!(contacts(text), [number], "{text}");
        }
        assert_eq!(
            contacts("0912345678 0987654321"),
            ["0912345678", "0987654321"]
        );
    }

    #[test]
    fn after_a_cue_numbers_may_be_masked_or_loose() {
        for (text, number) in [
            ("zalo 09xx.xxx.xxx", "09xx.xxx.xxx"),
            ("LH: 0912 xxx 678", "0912 xxx 678"),
            ("liên hệ em 09.12.34.56.78", "09.12.34.56.78"),
            ("Hotline 1900 6868", "1900 6868"),
            ("Điện thoại : ( 84 . 4 ) 8529126 .", "( 84 . 4 ) 8529126"),
            ("sđt 012 3456 7890", "012 3456 7890"),
        ] {
            assert_eq!(contacts(text), [number], "{text}");
        }
        for text in ["09xx.xxx.xxx", "1900 6868", "09.12.34.56.78"] {
            assert!(contacts(text).is_empty(), "{text}: {:?}", contacts(text));
        }
    }

    #[test]
    fn spelled_digits() {
        for text in [
            "không chín một hai ba bốn năm sáu bảy tám",
            "khong chin mot hai ba bon nam sau bay tam",
            "KHÔNG CHÍN MỘT HAI BA BỐN NĂM SÁU BẢY TÁM",
            "0 chín 1 hai 3 bốn 5 sáu 7 tám",
            "0912 ba bốn năm sáu bảy tám",
            "không-chín-một-hai-ba-bốn-năm-sáu-bảy",
        ] {
            assert_eq!(contacts(text), [text], "{text}");
        }
        assert_eq!(
            contacts("zalo không chín một hai ba bốn năm"),
            ["không chín một hai ba bốn năm"]
        );
        for text in [
            "một hai ba bốn năm sáu bảy tám chín",
            "không chín một hai ba bốn năm sáu",
            "ba năm sau bảy tám người",
        ] {
            assert!(contacts(text).is_empty(), "{text}: {:?}", contacts(text));
        }
    }

    #[test]
    fn handles_and_emails() {
        assert_eq!(contacts("zalo: tuan_88 nhé"), ["tuan_88"]);
        assert_eq!(contacts("add zalo @hoa.kim"), ["hoa.kim"]);
        assert_eq!(contacts("zalo nv123"), ["nv123"]);
        assert_eq!(contacts("ten@gmail.com"), ["ten@gmail.com"]);
        assert_eq!(
            contacts("ten [at] gmail [dot] com"),
            ["ten [at] gmail [dot] com"]
        );
        assert_eq!(contacts("ten @ gmail.com"), ["ten @ gmail.com"]);
        assert_eq!(
            contacts("abc a còng gmail chấm com"),
            ["abc a còng gmail chấm com"]
        );
        for text in [
            "Zalo Pay tiện lắm",
            "dùng zalo nhé",
            "Zalo 2.0 ra mắt",
            "@hung cảm ơn",
            "xem abc.com/a/0912345678",
            "xem abc.com",
            "địa chỉ \"@me.com\" vẫn dùng được",
            "ISBN 1-55963-703-X. at Global",
            "Rối Bunraku @ PuppetBuilding.com",
        ] {
            assert!(contacts(text).is_empty(), "{text}: {:?}", contacts(text));
        }
    }

    #[test]
    fn ordinary_numbers_are_not_contacts() {
        for text in [
            "năm 2024",
            "ngày 12/05/2024",
            "ngày 3.4",
            "ngày 05.03.2024 lúc 09:15",
            "lúc 14h30",
            "1.500.000 đồng",
            "2,5 tỷ",
            "500k",
            "tăng 95%",
            "tỷ số 3-1",
            "thắng 2 - 0",
            "Chỉ thị 05",
            "Quy định 28",
            "Nghị định 100/2019/NĐ-CP",
            "Điều 5 khoản 2",
            "98.000.000 dân",
            "19.000 - 26.000 đồng",
            "07.30-08.45-09.15",
            "MST 0312345678",
            "mã số thuế: 0312345678",
            "CCCD 001099012345",
            "A5 0912",
            "84.912.345.678 đồng",
            "iPhone 15 Pro",
            "gọi 115",
            "ISBN 0738202754",
            "ISBN 978-0806527901",
            "doi:10.1073/pnas.0508989102",
            "ngày 02011-10-31 31 tháng 10",
            "năm 1946 sau 20 năm bất bại",
            "năm 464. Năm 508, sau đó",
        ] {
            assert!(contacts(text).is_empty(), "{text}: {:?}", contacts(text));
        }
    }
}
