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

use crate::letters::{Tone, form_code, letter};

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

/// The plain letter's code (1–26) under each form code: `ă` `â` → `a`, `đ` → `d`, …
const PLAIN: [u8; 34] = {
    let mut plain = [0u8; 34];
    let mut code = 1;
    while code < 27 {
        plain[code] = code as u8;
        code += 1;
    }
    let marked = [
        ('ă', 'a'),
        ('â', 'a'),
        ('đ', 'd'),
        ('ê', 'e'),
        ('ô', 'o'),
        ('ơ', 'o'),
        ('ư', 'u'),
    ];
    let mut i = 0;
    while i < marked.len() {
        plain[form_code(marked[i].0) as usize] = form_code(marked[i].1);
        i += 1;
    }
    plain
};

/// Reads `chars` (letters only) as a syllable. `None` when a character is not a Latin or
/// Vietnamese letter, when there are more than [`MAX_LETTERS`], or when `chars` is empty.
pub(crate) fn read(chars: &[char]) -> Option<Word> {
    if chars.is_empty() || chars.len() > MAX_LETTERS {
        return None;
    }
    let mut codes = [0u8; MAX_LETTERS];
    let mut tone = Tone::Level;
    let mut tones = 0;
    let mut marked = false;
    let mut plain = 0u64;
    let mut packed = 0u64;
    let mut uppers = 0;
    for (i, &c) in chars.iter().enumerate() {
        let l = letter(c)?;
        if l.tone != Tone::Level {
            tone = l.tone;
            tones += 1;
        }
        let code = form_code(l.form);
        marked |= l.tone != Tone::Level || code > 26;
        uppers += usize::from(l.upper);
        codes[i] = code;
        plain = plain << 5 | u64::from(PLAIN[usize::from(code)]);
        packed = packed << BITS | u64::from(code);
    }
    let first_upper = letter(chars[0]).is_some_and(|l| l.upper);
    let case = match uppers {
        0 => Case::Lower,
        1 if first_upper => Case::Capitalized,
        n if n == chars.len() => Case::Upper,
        _ => Case::Mixed,
    };
    let capitalised = matches!(case, Case::Capitalized | Case::Upper);
    let names = NameRules {
        highland: capitalised,
        k_anywhere: capitalised && chars.len() >= 3,
    };
    let spelling = if tones > 1 {
        Spelling::Invalid
    } else {
        spelling(&codes[..chars.len()], packed, tone, names)
    };
    Some(Word {
        case,
        spelling,
        marked,
        plain,
        identity: packed << 3 | tone as u64,
    })
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
        let letter = match char::from_u32(code) {
            Some(letter) => letter,
            None => panic!("not a letter"),
        };
        packed = packed << BITS | form_code(letter) as u64;
        i += width;
    }
    packed
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

const fn packs<const N: usize>(texts: [&str; N]) -> [u64; N] {
    let mut packed = [0u64; N];
    let mut i = 0;
    while i < N {
        packed[i] = pack(texts[i]);
        i += 1;
    }
    packed
}

/// Slots of the rhyme hash set: a power of two, about three times the number of rhymes.
const RHYME_SLOTS: usize = 512;

#[inline]
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

/// Whether the letters `rhyme`, packed as `key`, are one of [`RHYMES`].
#[inline]
fn is_rhyme_key(rhyme: &[u8], key: u64) -> bool {
    if rhyme.is_empty() || rhyme.len() > MAX_RHYME {
        return false;
    }
    let key = key as u32;
    let mut at = slot_of(key);
    loop {
        match RHYME_SET[at] {
            0 => return false,
            found if found == key => return true,
            _ => at = (at + 1) % RHYME_SLOTS,
        }
    }
}

// Onsets, packed.
const B: u64 = pack("b");
const C: u64 = pack("c");
const CH: u64 = pack("ch");
const D: u64 = pack("d");
const DD: u64 = pack("đ");
const G: u64 = pack("g");
const GH: u64 = pack("gh");
const GI: u64 = pack("gi");
const H: u64 = pack("h");
const K: u64 = pack("k");
const KH: u64 = pack("kh");
const L: u64 = pack("l");
const M: u64 = pack("m");
const N: u64 = pack("n");
const NG: u64 = pack("ng");
const NGH: u64 = pack("ngh");
const NH: u64 = pack("nh");
const P: u64 = pack("p");
const PH: u64 = pack("ph");
const QU: u64 = pack("qu");
const R: u64 = pack("r");
const S: u64 = pack("s");
const T: u64 = pack("t");
const TH: u64 = pack("th");
const TR: u64 = pack("tr");
const V: u64 = pack("v");
const X: u64 = pack("x");

/// Whether `onset` (packed) is one of the onsets.
#[inline]
fn is_onset(onset: u64) -> bool {
    matches!(
        onset,
        NGH | NG
            | NH
            | CH
            | GH
            | GI
            | KH
            | PH
            | QU
            | TH
            | TR
            | B
            | C
            | D
            | DD
            | G
            | H
            | K
            | L
            | M
            | N
            | P
            | R
            | S
            | T
            | V
            | X
    )
}

/// Cluster onsets of Central Highlands names (Krông, Prông, Đrăng, Kông Chro), packed.
fn is_highland_onset(onset: u64) -> bool {
    const CLUSTERS: [u64; 10] =
        packs(["chr", "kr", "kl", "pl", "pr", "gr", "br", "bl", "dr", "đr"]);
    CLUSTERS.contains(&onset)
}

/// A word's toneless letters (codes of [`form_code`]) with the same letters packed.
#[derive(Clone, Copy)]
struct Form<'a> {
    codes: &'a [u8],
    packed: u64,
}

impl<'a> Form<'a> {
    /// The letters from `at` on, packed.
    #[inline]
    fn tail(self, at: usize) -> u64 {
        // At most MAX_LETTERS letters: the shift stays below 64.
        let bits = BITS * (self.codes.len() - at) as u32;
        self.packed & ((1 << bits) - 1)
    }
}

fn spelling(codes: &[u8], packed: u64, tone: Tone, names: NameRules) -> Spelling {
    if names.highland && codes.last() == Some(&form_code('k')) {
        // Đắk, Lắk, Búk: a `k` coda reads as `c`, and names write it with or without a tone.
        let mut as_c = [0u8; MAX_LETTERS];
        as_c[..codes.len()].copy_from_slice(codes);
        as_c[codes.len() - 1] = form_code('c');
        let form = Form {
            codes: &as_c[..codes.len()],
            packed: packed & !0x3F | C,
        };
        return if rhyme_of(form, names).is_some() {
            Spelling::Valid
        } else {
            Spelling::Invalid
        };
    }
    let Some(rhyme) = rhyme_of(Form { codes, packed }, names) else {
        return Spelling::Invalid;
    };
    let code = |letter: char| form_code(letter);
    let stop = match *rhyme {
        [.., last] if last == code('c') || last == code('p') || last == code('t') => true,
        [.., c, h] => c == code('c') && h == code('h'),
        _ => false,
    };
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
fn rhyme_of(form: Form<'_>, names: NameRules) -> Option<&[u8]> {
    let codes = form.codes;
    let mut prefixes = [0u64; 4];
    for length in 1..=codes.len().min(3) {
        prefixes[length] = prefixes[length - 1] << BITS | u64::from(codes[length - 1]);
    }
    for length in (1..=codes.len().min(3)).rev().chain([0]) {
        let onset = prefixes[length];
        let highland = names.highland && length > 0 && is_highland_onset(onset);
        if length > 0 && !highland && !is_onset(onset) {
            continue;
        }
        let rhyme = &codes[length..];
        let key = form.tail(length);
        let fits = rhyme_fits(onset, rhyme, key, names) || (highland && is_rhyme_key(rhyme, key));
        if fits {
            return Some(rhyme);
        }
    }
    None
}

/// Whether `rhyme` (packed as `key`) may follow `onset` (packed; 0 for none).
fn rhyme_fits(onset: u64, rhyme: &[u8], key: u64, names: NameRules) -> bool {
    let code = |letter: char| form_code(letter);
    let Some(&first) = rhyme.first() else {
        return false;
    };
    let second = rhyme.get(1).copied();
    if first == code('y') {
        return match onset {
            0 => Y_ALONE.contains(&key),
            QU => Y_AFTER_QU.contains(&key),
            _ => rhyme.len() == 1 && Y_ONSETS.contains(&onset),
        };
    }
    let front = first == code('e') || first == code('ê') || first == code('i');
    let listed =
        is_rhyme_key(rhyme, key) || (names.highland && onset == 0 && key == const { pack("ea") });
    match onset {
        QU => {
            key == const { pack("ôc") }
                || (listed
                    && [
                        code('a'),
                        code('ă'),
                        code('â'),
                        code('e'),
                        code('ê'),
                        code('i'),
                        code('ơ'),
                    ]
                    .contains(&first))
        }
        GI => first != code('i') && (listed || key == const { pack("êng") }),
        C => {
            let medial = (first == code('o')
                && second.is_some_and(|s| s == code('a') || s == code('ă') || s == code('e')))
                || (first == code('u')
                    && second.is_some_and(|s| {
                        s == code('y') || s == code('â') || s == code('ê') || s == code('ơ')
                    }));
            listed && !front && !medial
        }
        K => listed && (front || names.k_anywhere),
        G => listed && first != code('e') && first != code('ê'),
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
        let codes: Vec<u8> = rhyme.chars().map(form_code).collect();
        !codes.contains(&0) && codes.len() <= MAX_LETTERS && is_rhyme_key(&codes, pack(rhyme))
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
