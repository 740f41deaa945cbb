//! Vietnamese syllables (chữ): whether a run of letters is valid Vietnamese orthography.
//!
//! A syllable is an onset (b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x,
//! or none), then a rhyme: an optional medial (o, u), a nucleus and an optional coda. The
//! spelling rules that decide between look-alike onsets are enforced: `gh`/`ngh` only before
//! e ê i; `k` only before e ê i y; `c` elsewhere; `q` only as `qu`; `g`/`ng` never before e ê
//! (nor `ng` before i). A rhyme ending in a stop (c ch p t) takes only the sắc or nặng tone.
//! The tone may sit on either vowel (hòa and hoà, thủy and thuỷ). Capitalised words (proper
//! names, at least three letters) may also use the Central Highlands spellings: a `k` coda
//! (Đắk Lắk), `k` before any vowel (Kon Tum), cluster onsets (Krông, Pleiku, Đrăng) and `ea`
//! (Ea Súp).

use crate::letters::{self, Packed, Tone, form_code};
use crate::spelling_cache::SpellingCache;

/// How a run of letters is capitalised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    /// all lower case.
    Lower,
    /// First letter upper case, the rest lower case (also a single upper-case letter).
    Capitalized,
    /// Two or more letters, all upper case.
    Upper,
    /// Anything else (`iPhone`, `ViỆt`).
    Mixed,
}

/// What the spelling of a run of letters says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Spelling {
    /// A valid Vietnamese syllable.
    Valid,
    /// A valid syllable but for its missing tone: a stop coda with no tone mark, as in the
    /// unaccented `viet`, `rat`, `tac`. Only unaccented typing produces these.
    MissingTone,
    /// Not Vietnamese.
    Invalid,
}

/// A run of letters read as a would-be Vietnamese syllable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    /// How it is capitalised.
    pub(crate) case: Case,
    /// Whether its spelling is Vietnamese.
    pub(crate) spelling: Spelling,
    /// Whether any letter carries a Vietnamese mark (tone, ă â ê ô ơ ư, or đ).
    pub(crate) marked: bool,
    /// Its letters with every mark removed, packed by [`pack_plain`].
    pub(crate) plain: u64,
    /// Its toneless letters and its tone, case-folded: two spellings of one word (hòa, hoà;
    /// Hòa, HOÀ) share it.
    pub(crate) identity: u64,
}

/// The longest run of letters read as a syllable (Vietnamese syllables have at most 7).
pub(crate) const MAX_LETTERS: usize = 10;

/// Bits per letter in a packed form (letter codes are below 64, see [`form_code`]).
const BITS: u32 = 6;

/// Reads `chars` (letters only) as a syllable. `None` when a character is not a Latin or
/// Vietnamese letter, when there are more than [`MAX_LETTERS`], or when `chars` is empty.
pub(crate) fn read(chars: &[char]) -> Option<Word> {
    if chars.len() > MAX_LETTERS {
        return None;
    }
    let mut letters = Letters::new();
    for &c in chars {
        let letter = letters::packed(c);
        if !letter.is_letter() {
            return None;
        }
        letters.push(letter);
    }
    letters.word(Reading::of)
}

/// The letters of a would-be syllable, taken in one at a time (the tokenizer reads each run
/// this way while it finds it).
#[derive(Clone, Copy)]
pub(crate) struct Letters {
    len: usize,
    /// The letters' codes, packed [`BITS`] bits each.
    packed: u64,
    /// Four bits per letter, the last lowest: its tone (as [`Packed::tone_bits`] gives it) in
    /// the low three, and upper case in the fourth. Taken in with two shifts and an or, so
    /// that a letter costs the tokenizer no branch and no more: case and tones are worked
    /// out once, at the end of the word.
    marks: u64,
}

/// Bits per letter in [`Letters::marks`].
const MARK_BITS: u32 = 4;
/// The upper-case bit of every letter in [`Letters::marks`].
const UPPER_BITS: u64 = 0x8888_8888_8888_8888;
/// The lowest bit of every letter in [`Letters::marks`].
const LOW_BITS: u64 = 0x1111_1111_1111_1111;

impl Letters {
    /// No letters yet.
    pub(crate) const fn new() -> Letters {
        Letters {
            len: 0,
            packed: 0,
            marks: 0,
        }
    }

    /// Takes in the next letter (beyond [`MAX_LETTERS`] letters, only their number counts).
    #[inline(always)]
    pub(crate) fn push(&mut self, letter: Packed) {
        self.marks = self.marks << MARK_BITS | u64::from(letter.marks());
        self.packed = self.packed << BITS | u64::from(letter.code());
        self.len += 1;
    }

    /// The letters read as a word, their form read by `read`; `None` when there are none or
    /// more than [`MAX_LETTERS`].
    #[inline]
    fn word(self, read: impl FnOnce(Form, Tone, NameRules) -> Reading) -> Option<Word> {
        if self.len == 0 || self.len > MAX_LETTERS {
            return None;
        }
        // At most MAX_LETTERS letters: the shifts stay below 64.
        let every_upper = UPPER_BITS & ((1 << (MARK_BITS * self.len as u32)) - 1);
        let first_upper = 1 << (MARK_BITS * self.len as u32 - 1);
        let case = match self.marks & UPPER_BITS {
            0 => Case::Lower,
            upper if upper == first_upper => Case::Capitalized,
            upper if upper == every_upper => Case::Upper,
            _ => Case::Mixed,
        };
        // A bit at the lowest place of each letter that carries a tone; the lowest of those is
        // the last tone written.
        let tones = self.marks & !UPPER_BITS;
        let toned = (tones | tones >> 1 | tones >> 2) & LOW_BITS;
        let tone = Tone::from_bits((tones >> (toned.trailing_zeros() & 60) & 7) as u16);
        let capitalised = matches!(case, Case::Capitalized | Case::Upper);
        let names = NameRules {
            highland: capitalised,
            k_anywhere: capitalised && self.len >= 3,
        };
        let form = Form {
            packed: self.packed,
            len: self.len,
        };
        let reading = read(form, tone, names);
        Some(Word {
            case,
            // Two letters with a tone: no syllable has two.
            spelling: if toned & toned.wrapping_sub(1) != 0 {
                Spelling::Invalid
            } else {
                reading.spelling
            },
            marked: reading.modified || toned != 0,
            plain: reading.plain,
            identity: identity(self.packed, tone),
        })
    }

    /// The letters read as a word, as [`read`] reads them, with forms already read taken from
    /// `cache`.
    #[inline(always)]
    pub(crate) fn word_remembered(self, cache: &mut SpellingCache) -> Option<Word> {
        self.word(|form, tone, names| {
            // At most 60 bits of letters (never 0), the tone and whether names' rules apply
            // (the other name rule follows from the number of letters): one number says all
            // that the reading depends on.
            let key = form.packed << 4 | (tone as u64) << 1 | u64::from(names.highland);
            Reading::from_bits(cache.get(key, || Reading::of(form, tone, names).to_bits()))
        })
    }
}

/// What a word's toneless letters say, worked out once per form (and remembered by the
/// [`SpellingCache`]): the spelling with its tone, and what depends on the letters alone.
#[derive(Clone, Copy)]
struct Reading {
    spelling: Spelling,
    /// The letters with every mark removed ([`Word::plain`]).
    plain: u64,
    /// Whether a letter is one of ă â đ ê ô ơ ư.
    modified: bool,
}

impl Reading {
    /// Reads `form` with `tone` under the name rules `names`.
    fn of(form: Form, tone: Tone, names: NameRules) -> Reading {
        let (mut plain, mut modified) = (0, false);
        for at in (0..form.len).rev() {
            let code = (form.packed >> (BITS as usize * at) & 0x3F) as u8;
            plain = plain << 5 | u64::from(letters::plain_code_of(code));
            modified |= letters::is_modified_code(code);
        }
        Reading {
            spelling: spelling(form, tone, names),
            plain,
            modified,
        }
    }

    /// In one number, for the [`SpellingCache`]: the plain letters (at most 50 bits), whether a
    /// letter is modified, and the spelling.
    fn to_bits(self) -> u64 {
        self.plain << 3 | u64::from(self.modified) << 2 | self.spelling as u64
    }

    fn from_bits(bits: u64) -> Reading {
        Reading {
            spelling: match bits & 3 {
                0 => Spelling::Valid,
                1 => Spelling::MissingTone,
                _ => Spelling::Invalid,
            },
            plain: bits >> 3,
            modified: bits & 4 != 0,
        }
    }
}

/// The [`Word::identity`] of letters packed by [`pack`] with `tone`.
const fn identity(packed: u64, tone: Tone) -> u64 {
    packed << 3 | tone as u64
}

/// The [`Word::identity`] of `letters` (toneless, lower case) written with `tone`.
pub(crate) const fn identity_of(letters: &str, tone: Tone) -> u64 {
    identity(pack(letters), tone)
}

/// Packs plain lowercase ASCII letters (at most [`MAX_LETTERS`]) the way [`Word::plain`] is.
pub(crate) fn pack_plain(word: &str) -> Option<u64> {
    if word.is_empty() || word.len() > MAX_LETTERS || !word.bytes().all(|b| b.is_ascii_lowercase())
    {
        return None;
    }
    Some(
        word.bytes()
            .fold(0, |packed, b| packed << 5 | u64::from(b - b'a' + 1)),
    )
}

/// Toneless lowercase letters packed [`BITS`] bits each, the last letter lowest, so that an
/// onset or a rhyme compares as one integer. Built at compile time for the tables below.
const fn pack(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let mut packed = 0u64;
    let mut i = 0;
    while i < bytes.len() {
        // The letters are ASCII or two-byte UTF-8 (ă â đ ê ô ơ ư).
        let (code, width) = if bytes[i] < 0x80 {
            (bytes[i] as u32, 1)
        } else {
            (
                (bytes[i] as u32 & 0x1F) << 6 | (bytes[i + 1] as u32 & 0x3F),
                2,
            )
        };
        let Some(letter) = char::from_u32(code) else {
            panic!("not a letter")
        };
        packed = packed << BITS | form_code(letter) as u64;
        i += width;
    }
    packed
}

const fn packs<const N: usize>(texts: [&str; N]) -> [u64; N] {
    let mut packed = [0u64; N];
    let mut i = 0;
    while i < N {
        packed[i] = pack(texts[i]);
        i += 1;
    }
    packed
}

/// Some letters of a word (codes of [`form_code`]) packed [`BITS`] bits each, the last
/// letter lowest, and how many there are. Letter codes are never 0, so the packed number alone
/// tells the letters apart.
#[derive(Clone, Copy)]
struct Form {
    packed: u64,
    len: usize,
}

impl Form {
    /// The code of letter `i`.
    #[inline(always)]
    fn letter(self, i: usize) -> u64 {
        self.packed >> (BITS * (self.len - 1 - i) as u32) & 0x3F
    }

    /// The first `n` letters.
    #[inline(always)]
    fn head(self, n: usize) -> Form {
        Form {
            packed: self.packed >> (BITS * (self.len - n) as u32),
            len: n,
        }
    }

    /// The letters from `at` on.
    #[inline(always)]
    fn tail(self, at: usize) -> Form {
        // At most MAX_LETTERS letters: the shift stays below 64.
        let len = self.len - at;
        Form {
            packed: self.packed & ((1 << (BITS * len as u32)) - 1),
            len,
        }
    }
}

/// Rhymes (medial, nucleus, coda) that follow an onset or stand alone, sorted bytewise.
const RHYMES: [&str; 154] = [
    "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay", "e", "ec",
    "em", "en", "eng", "eo", "ep", "et", "i", "ia", "ich", "im", "in", "inh", "ip", "it", "iu",
    "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu", "o", "oa", "oac", "oach", "oai", "oam",
    "oan", "oang", "oanh", "oao", "oap", "oat", "oay", "oc", "oe", "oen", "oeo", "oet", "oi", "om",
    "on", "ong", "ooc", "oong", "op", "ot", "oăc", "oăm", "oăn", "oăng", "oăt", "u", "ua", "uc",
    "ui", "um", "un", "ung", "up", "ut", "uy", "uya", "uych", "uynh", "uyp", "uyt", "uyu", "uyên",
    "uyêt", "uân", "uâng", "uât", "uây", "uê", "uêch", "uênh", "uêt", "uôc", "uôi", "uôm", "uôn",
    "uông", "uôt", "uơ", "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây", "ê", "êch", "êm", "ên",
    "ênh", "êp", "êt", "êu", "ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt", "ăc", "ăm", "ăn",
    "ăng", "ăp", "ăt", "ơ", "ơi", "ơm", "ơn", "ơp", "ơt", "ư", "ưa", "ưc", "ưi", "ưm", "ưn", "ưng",
    "ưt", "ưu", "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu",
];

/// The longest rhyme, in letters.
const MAX_RHYME: usize = 4;

/// Rhymes written with `y` first: alone (ý, yêu, yên) or after `qu` (quyết, quỳnh).
const Y_ALONE: [u64; 5] = packs(["y", "yêm", "yên", "yêt", "yêu"]);
const Y_AFTER_QU: [u64; 6] = packs(["y", "ych", "ynh", "yt", "yên", "yêt"]);
/// Onsets before which a bare `y` is written (lý, mỹ, kỳ, thủy…).
const Y_ONSETS: [u64; 14] = packs([
    "b", "d", "đ", "h", "k", "kh", "l", "m", "n", "s", "t", "th", "v", "x",
]);

/// Slots of the rhyme hash set: a power of two, about three times the number of rhymes.
const RHYME_SLOTS: usize = 512;

#[inline(always)]
const fn slot_of(key: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B1) >> (32 - RHYME_SLOTS.trailing_zeros())) as usize
}

/// [`RHYMES`] packed by [`pack`] in an open-addressing hash set built at compile time (0
/// marks an empty slot): a lookup is one multiplication and a probe or two.
const RHYME_SET: [u32; RHYME_SLOTS] = {
    let mut set = [0u32; RHYME_SLOTS];
    let mut i = 0;
    while i < RHYMES.len() {
        let key = pack(RHYMES[i]) as u32;
        let mut at = slot_of(key);
        while set[at] != 0 {
            at = (at + 1) % RHYME_SLOTS;
        }
        set[at] = key;
        i += 1;
    }
    set
};

/// Whether `rhyme` is one of [`RHYMES`].
#[inline]
fn is_listed_rhyme(rhyme: Form) -> bool {
    if rhyme.len == 0 || rhyme.len > MAX_RHYME {
        return false;
    }
    let key = rhyme.packed as u32;
    let mut at = slot_of(key);
    loop {
        match RHYME_SET[at] {
            0 => return false,
            found if found == key => return true,
            _ => at = (at + 1) % RHYME_SLOTS,
        }
    }
}

/// Letters and onsets the spelling rules name, packed.
const A: u64 = pack("a");
const AW: u64 = pack("ă");
const AA: u64 = pack("â");
const C: u64 = pack("c");
const CH: u64 = pack("ch");
const CHR: u64 = pack("chr");
const E: u64 = pack("e");
const EE: u64 = pack("ê");
const G: u64 = pack("g");
const GH: u64 = pack("gh");
const GI: u64 = pack("gi");
const I: u64 = pack("i");
const K: u64 = pack("k");
const NG: u64 = pack("ng");
const NGH: u64 = pack("ngh");
const O: u64 = pack("o");
const OW: u64 = pack("ơ");
const P: u64 = pack("p");
const QU: u64 = pack("qu");
const T: u64 = pack("t");
const U: u64 = pack("u");
const Y: u64 = pack("y");

/// Two-letter onsets as bit sets: bit `second letter` of entry `first letter`.
const fn pairs<const N: usize>(onsets: [&str; N]) -> [u64; 34] {
    let mut bits = [0u64; 34];
    let mut i = 0;
    while i < N {
        let packed = pack(onsets[i]);
        bits[(packed >> BITS) as usize] |= 1 << (packed & 0x3F);
        i += 1;
    }
    bits
}

/// The one-letter onsets as a bit set of letter codes.
const ONSETS_OF_ONE: u64 = {
    let letters = packs([
        "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
    ]);
    let mut bits = 0;
    let mut i = 0;
    while i < letters.len() {
        bits |= 1 << letters[i];
        i += 1;
    }
    bits
};
/// The two-letter onsets.
const ONSETS_OF_TWO: [u64; 34] =
    pairs(["ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr"]);
/// Two-letter cluster onsets of Central Highlands names (Krông, Prông, Đrăng).
const HIGHLAND_PAIRS: [u64; 34] = pairs(["kr", "kl", "pl", "pr", "gr", "br", "bl", "dr", "đr"]);

/// Whether `onset` (one to three letters) is one of the onsets.
#[inline(always)]
fn is_onset(onset: Form) -> bool {
    match onset.len {
        1 => ONSETS_OF_ONE >> onset.packed & 1 != 0,
        2 => ONSETS_OF_TWO[(onset.packed >> BITS) as usize] >> (onset.packed & 0x3F) & 1 != 0,
        _ => onset.packed == NGH,
    }
}

/// Whether `onset` (one to three letters) is a cluster onset of Central Highlands names
/// (Krông, Prông, Đrăng, Kông Chro).
#[inline(always)]
fn is_highland_onset(onset: Form) -> bool {
    match onset.len {
        1 => false,
        2 => HIGHLAND_PAIRS[(onset.packed >> BITS) as usize] >> (onset.packed & 0x3F) & 1 != 0,
        _ => onset.packed == CHR,
    }
}

fn spelling(form: Form, tone: Tone, names: NameRules) -> Spelling {
    if names.highland && form.packed & 0x3F == K {
        // Đắk, Lắk, Búk: a `k` coda reads as `c`, and names write it with or without a tone.
        let as_c = Form {
            packed: form.packed & !0x3F | C,
            len: form.len,
        };
        return if rhyme_of(as_c, names).is_some() {
            Spelling::Valid
        } else {
            Spelling::Invalid
        };
    }
    let Some(rhyme) = rhyme_of(form, names) else {
        return Spelling::Invalid;
    };
    let last = rhyme.packed & 0x3F;
    let stop =
        last == C || last == P || last == T || (rhyme.len >= 2 && rhyme.packed & 0xFFF == CH);
    match (stop, tone) {
        (false, _) | (true, Tone::Acute | Tone::Dot) => Spelling::Valid,
        (true, Tone::Level) => Spelling::MissingTone,
        (true, _) => Spelling::Invalid,
    }
}

/// Which of the rules for proper names apply to a word.
#[derive(Clone, Copy)]
struct NameRules {
    /// Capitalised: Central Highlands spellings are allowed.
    highland: bool,
    /// Capitalised and at least three letters: `k` may stand before any vowel (Kon Tum).
    k_anywhere: bool,
}

/// The rhyme of `form` once a fitting onset is taken off, if there is one. Onsets are tried
/// longest first (`ngh` before `ng`, `gi` before `g`), then no onset.
fn rhyme_of(form: Form, names: NameRules) -> Option<Form> {
    let mut length = form.len.min(3);
    while length > 0 {
        let onset = form.head(length);
        let highland = names.highland && is_highland_onset(onset);
        if highland || is_onset(onset) {
            let rhyme = form.tail(length);
            if rhyme_fits(onset.packed, rhyme, names) || (highland && is_listed_rhyme(rhyme)) {
                return Some(rhyme);
            }
        }
        length -= 1;
    }
    rhyme_fits(0, form, names).then_some(form)
}

/// Whether `rhyme` may follow `onset` (packed; 0 for none).
fn rhyme_fits(onset: u64, rhyme: Form, names: NameRules) -> bool {
    if rhyme.len == 0 {
        return false;
    }
    let first = rhyme.letter(0);
    if first == Y {
        return match onset {
            0 => Y_ALONE.contains(&rhyme.packed),
            QU => Y_AFTER_QU.contains(&rhyme.packed),
            _ => rhyme.len == 1 && Y_ONSETS.contains(&onset),
        };
    }
    let front = first == E || first == EE || first == I;
    let listed = is_listed_rhyme(rhyme)
        || (names.highland && onset == 0 && rhyme.packed == const { pack("ea") });
    match onset {
        QU => {
            rhyme.packed == const { pack("ôc") }
                || (listed && (matches!(first, A | AW | AA | E | EE | I | OW)))
        }
        GI => first != I && (listed || rhyme.packed == const { pack("êng") }),
        C => {
            let second = if rhyme.len >= 2 { rhyme.letter(1) } else { 0 };
            let medial = (first == O && matches!(second, A | AW | E))
                || (first == U && matches!(second, Y | AA | EE | OW));
            listed && !front && !medial
        }
        K => listed && (front || names.k_anywhere),
        G => listed && first != E && first != EE,
        GH | NGH => listed && front,
        NG => listed && !front,
        _ => listed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spelled(word: &str) -> Spelling {
        let chars: Vec<char> = word.chars().collect();
        read(&chars).map_or(Spelling::Invalid, |w| w.spelling)
    }

    /// Whether the letters of `rhyme` are a listed rhyme.
    fn is_rhyme(rhyme: &str) -> bool {
        let len = rhyme.chars().count();
        let letters = rhyme.chars().all(|c| form_code(c) != 0);
        letters
            && len <= MAX_LETTERS
            && is_listed_rhyme(Form {
                packed: pack(rhyme),
                len,
            })
    }

    #[test]
    fn every_listed_rhyme_is_found_and_others_are_not() {
        assert!(RHYMES.iter().all(|r| is_rhyme(r)));
        for other in ["", "b", "ea", "aa", "iê", "uyênh", "ngh", "ươngg"] {
            assert!(!is_rhyme(other), "{other}");
        }
    }

    #[test]
    fn rhymes_are_sorted() {
        assert!(RHYMES.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()));
    }

    #[test]
    fn valid_syllables() {
        for word in [
            "nghiêng",
            "nghĩ",
            "ghế",
            "ghi",
            "kể",
            "kỳ",
            "kì",
            "quốc",
            "quyết",
            "quý",
            "quí",
            "qua",
            "gì",
            "giữ",
            "gia",
            "giếng",
            "giường",
            "hòa",
            "hoà",
            "thủy",
            "thuỷ",
            "khuya",
            "uyên",
            "yêu",
            "ý",
            "Đắk",
            "Lắk",
            "Krông",
            "Pắc",
            "Kon",
            "Prông",
            "Đrăng",
            "Búk",
            "xoong",
            "được",
            "người",
            "anh",
            "em",
            "Việt",
            "tiếng",
            "chuyện",
            "oẳn",
            "thuở",
            "huơ",
            "Ea",
            "pin",
            "lý",
            "mỹ",
            "ĐẮK",
            "VIỆT",
            "ừ",
            "ở",
            "a",
        ] {
            assert_eq!(spelled(word), Spelling::Valid, "{word}");
        }
    }

    #[test]
    fn invalid_syllables() {
        for word in [
            "ghan",
            "kan",
            "ca\u{302}",
            "ge",
            "nge",
            "ngi",
            "ce",
            "ci",
            "ky\u{301}t",
            "qa",
            "hàt",
            "hảc",
            "UBND",
            "TP",
            "HCM",
            "the\u{301}\u{300}",
            "iPhone",
            "Baif",
            "vieets",
            "kon",
            "ko",
            "dc",
            "thanks",
            "great",
            "tieng",
            "zalo",
            "fan",
            "wow",
            "coa",
            "cuy",
        ] {
            assert_ne!(spelled(word), Spelling::Valid, "{word}");
        }
    }

    #[test]
    fn unaccented_stop_syllables_miss_their_tone() {
        for word in ["rat", "tac", "cach", "hop", "mat"] {
            assert_eq!(spelled(word), Spelling::MissingTone, "{word}");
        }
    }

    #[test]
    fn tone_placement_and_case_share_an_identity() {
        let id = |w: &str| read(&w.chars().collect::<Vec<_>>()).unwrap().identity;
        assert_eq!(id("hòa"), id("hoà"));
        assert_eq!(id("HOÀ"), id("hòa"));
        assert_ne!(id("hòa"), id("hóa"));
        assert_ne!(id("ma"), id("mà"));
    }

    #[test]
    fn plain_forms_drop_every_mark() {
        let plain = |w: &str| read(&w.chars().collect::<Vec<_>>()).unwrap().plain;
        assert_eq!(plain("Được"), pack_plain("duoc").unwrap());
        assert_eq!(pack_plain("Duoc"), None);
    }
}
