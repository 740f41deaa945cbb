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

use crate::letters::{Tone, letter, strip_form};

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

/// Reads `chars` (letters only) as a syllable. `None` when a character is not a Latin or
/// Vietnamese letter, when there are more than [`MAX_LETTERS`], or when `chars` is empty.
pub(crate) fn read(chars: &[char]) -> Option<Word> {
    if chars.is_empty() || chars.len() > MAX_LETTERS {
        return None;
    }
    let mut form = [0u8; 4 * MAX_LETTERS];
    let mut form_len = 0;
    let mut tone = Tone::Level;
    let mut tones = 0;
    let mut marked = false;
    let mut plain = 0u64;
    let mut identity = 0u64;
    let mut uppers = 0;
    let mut first_upper = false;
    for (i, &c) in chars.iter().enumerate() {
        let l = letter(c)?;
        if l.tone != Tone::Level {
            tone = l.tone;
            tones += 1;
        }
        marked |= l.is_marked();
        if l.upper {
            uppers += 1;
            first_upper |= i == 0;
        }
        form_len += l.form.encode_utf8(&mut form[form_len..]).len();
        plain = plain << 5 | u64::from(strip_form(l.form) as u8 - b'a' + 1);
        identity = identity << 6 | form_code(l.form);
    }
    let case = match uppers {
        0 => Case::Lower,
        1 if first_upper => Case::Capitalized,
        n if n == chars.len() => Case::Upper,
        _ => Case::Mixed,
    };
    let form = core::str::from_utf8(&form[..form_len]).ok()?;
    let capitalised = matches!(case, Case::Capitalized | Case::Upper);
    let names = NameRules {
        highland: capitalised,
        k_anywhere: capitalised && chars.len() >= 3,
    };
    let spelling = if tones > 1 {
        Spelling::Invalid
    } else {
        spelling(form, tone, names)
    };
    Some(Word {
        case,
        spelling,
        marked,
        plain,
        identity: identity << 3 | tone as u64,
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

fn form_code(form: char) -> u64 {
    match form {
        'a'..='z' => u64::from(form as u8 - b'a' + 1),
        'ă' => 27,
        'â' => 28,
        'đ' => 29,
        'ê' => 30,
        'ô' => 31,
        'ơ' => 32,
        _ => 33, // ư
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

/// Rhymes written with `y` first: alone (ý, yêu, yên) or after `qu` (quyết, quỳnh).
const Y_ALONE: [&str; 5] = ["y", "yêm", "yên", "yêt", "yêu"];
const Y_AFTER_QU: [&str; 6] = ["y", "ych", "ynh", "yt", "yên", "yêt"];
/// Onsets before which a bare `y` is written (lý, mỹ, kỳ, thủy…).
const Y_ONSETS: [&str; 14] = [
    "b", "d", "đ", "h", "k", "kh", "l", "m", "n", "s", "t", "th", "v", "x",
];

/// A rhyme's UTF-8 bytes packed into one number (rhymes have at most 8 bytes), so that
/// looking one up compares integers.
#[inline]
const fn pack_bytes(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let mut packed = 0u64;
    let mut i = 0;
    while i < bytes.len() {
        packed = packed << 8 | bytes[i] as u64;
        i += 1;
    }
    packed
}

/// Slots of the rhyme hash set: a power of two, about three times the number of rhymes.
const RHYME_SLOTS: usize = 512;

#[inline]
fn slot_of(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize
}

/// [`RHYMES`] packed by [`pack_bytes`] in an open-addressing hash set built at compile time
/// (0 marks an empty slot): a lookup is one multiplication and a probe or two.
const RHYME_SET: [u64; RHYME_SLOTS] = {
    let mut set = [0u64; RHYME_SLOTS];
    let mut i = 0;
    while i < RHYMES.len() {
        let key = pack_bytes(RHYMES[i]);
        let mut at = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize;
        while set[at] != 0 {
            at = (at + 1) % RHYME_SLOTS;
        }
        set[at] = key;
        i += 1;
    }
    set
};

#[inline]
fn is_rhyme(rhyme: &str) -> bool {
    if rhyme.is_empty() || rhyme.len() > 8 {
        return false;
    }
    let key = pack_bytes(rhyme);
    let mut at = slot_of(key);
    loop {
        match RHYME_SET[at] {
            0 => return false,
            found if found == key => return true,
            _ => at = (at + 1) % RHYME_SLOTS,
        }
    }
}

/// Whether `onset` is one of the onsets (`đ` is written as its UTF-8 bytes).
#[inline]
fn is_onset(onset: &str) -> bool {
    matches!(
        onset.as_bytes(),
        b"ngh"
            | b"ng"
            | b"nh"
            | b"ch"
            | b"gh"
            | b"gi"
            | b"kh"
            | b"ph"
            | b"qu"
            | b"th"
            | b"tr"
            | b"b"
            | b"c"
            | b"d"
            | b"\xC4\x91"
            | b"g"
            | b"h"
            | b"k"
            | b"l"
            | b"m"
            | b"n"
            | b"p"
            | b"r"
            | b"s"
            | b"t"
            | b"v"
            | b"x"
    )
}

/// Cluster onsets of Central Highlands names (Krông, Prông, Đrăng, Kông Chro).
fn is_highland_onset(onset: &str) -> bool {
    matches!(
        onset.as_bytes(),
        b"chr" | b"kr" | b"kl" | b"pl" | b"pr" | b"gr" | b"br" | b"bl" | b"dr" | b"\xC4\x91r"
    )
}

fn spelling(form: &str, tone: Tone, names: NameRules) -> Spelling {
    if names.highland
        && let Some(stem) = form.strip_suffix('k')
    {
        // Đắk, Lắk, Búk: a `k` coda reads as `c`, and names write it with or without a tone.
        let as_c = format!("{stem}c");
        return if rhyme_of(&as_c, names).is_some() {
            Spelling::Valid
        } else {
            Spelling::Invalid
        };
    }
    let Some(rhyme) = rhyme_of(form, names) else {
        return Spelling::Invalid;
    };
    let stop = rhyme.ends_with(['c', 'p', 't']) || rhyme.ends_with("ch");
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
fn rhyme_of(form: &str, names: NameRules) -> Option<&str> {
    let bytes = form.as_bytes();
    (1..=bytes.len().min(3))
        .rev()
        .chain([0])
        .find_map(|length| {
            let onset = form.get(..length)?;
            let highland = names.highland && is_highland_onset(onset);
            if length > 0 && !highland && !is_onset(onset) {
                return None;
            }
            let rhyme = &form[length..];
            let fits = rhyme_fits(onset, rhyme, names) || (highland && is_rhyme(rhyme));
            fits.then_some(rhyme)
        })
}

/// Whether `rhyme` may follow `onset`.
fn rhyme_fits(onset: &str, rhyme: &str, names: NameRules) -> bool {
    let Some(first) = rhyme.chars().next() else {
        return false;
    };
    let second = rhyme.chars().nth(1);
    if first == 'y' {
        return match onset {
            "" => Y_ALONE.contains(&rhyme),
            "qu" => Y_AFTER_QU.contains(&rhyme),
            _ => rhyme == "y" && Y_ONSETS.contains(&onset),
        };
    }
    let front = matches!(first, 'e' | 'ê' | 'i');
    let listed = is_rhyme(rhyme) || (names.highland && onset.is_empty() && rhyme == "ea");
    match onset.as_bytes() {
        b"qu" => {
            rhyme == "ôc" || (listed && matches!(first, 'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'ơ'))
        }
        b"gi" => first != 'i' && (listed || rhyme == "êng"),
        b"c" => {
            let medial = matches!(
                (first, second),
                ('o', Some('a' | 'ă' | 'e')) | ('u', Some('y' | 'â' | 'ê' | 'ơ'))
            );
            listed && !front && !medial
        }
        b"k" => listed && (front || names.k_anywhere),
        b"g" => listed && !matches!(first, 'e' | 'ê'),
        b"gh" | b"ngh" => listed && front,
        b"ng" => listed && !front,
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
