//! Vietnamese letters taken apart (base letter, tone, case) and put back together.
//!
//! Every Vietnamese letter is one of 12 vowel forms (a ă â e ê i o ô ơ u ư y) with one of six
//! tones, or a consonant. The tables below hold the 144 precomposed vowels; the lookups are
//! built at compile time, so taking a letter apart costs one array read.

/// The six tones (thanh) of Vietnamese.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Tone {
    /// Ngang: no tone mark.
    Level,
    /// Huyền.
    Grave,
    /// Sắc.
    Acute,
    /// Hỏi.
    Hook,
    /// Ngã.
    Tilde,
    /// Nặng.
    Dot,
}

impl Tone {
    const ALL: [Tone; 6] = [
        Tone::Level,
        Tone::Grave,
        Tone::Acute,
        Tone::Hook,
        Tone::Tilde,
        Tone::Dot,
    ];

    /// The tone a combining mark writes, if it writes one.
    pub(crate) fn from_combining(mark: char) -> Option<Tone> {
        match mark {
            '\u{300}' | '\u{340}' => Some(Tone::Grave),
            '\u{301}' | '\u{341}' => Some(Tone::Acute),
            '\u{309}' => Some(Tone::Hook),
            '\u{303}' => Some(Tone::Tilde),
            '\u{323}' => Some(Tone::Dot),
            _ => None,
        }
    }
}

/// The marks that turn a plain vowel into another vowel letter (ă â ê ô ơ ư).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Modifier {
    /// Trăng: ă.
    Breve,
    /// Mũ: â ê ô.
    Circumflex,
    /// Râu: ơ ư.
    Horn,
}

impl Modifier {
    /// The modifier a combining mark writes, if it writes one.
    pub(crate) fn from_combining(mark: char) -> Option<Modifier> {
        match mark {
            '\u{306}' => Some(Modifier::Breve),
            '\u{302}' => Some(Modifier::Circumflex),
            '\u{31B}' => Some(Modifier::Horn),
            _ => None,
        }
    }

    /// The vowel form `form` becomes with this modifier (`a` + breve = `ă`), if it exists.
    pub(crate) fn apply(self, form: char) -> Option<char> {
        match (form, self) {
            ('a', Modifier::Breve) => Some('ă'),
            ('a', Modifier::Circumflex) => Some('â'),
            ('e', Modifier::Circumflex) => Some('ê'),
            ('o', Modifier::Circumflex) => Some('ô'),
            ('o', Modifier::Horn) => Some('ơ'),
            ('u', Modifier::Horn) => Some('ư'),
            _ => None,
        }
    }
}

/// A letter taken apart: its toneless lowercase form (`ế` → `ê`, `Đ` → `đ`), tone and case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Letter {
    /// The toneless lowercase letter: an ASCII letter or one of ă â đ ê ô ơ ư.
    pub(crate) form: char,
    /// The tone it carries (`Level` for consonants).
    pub(crate) tone: Tone,
    /// Whether it was written in upper case.
    pub(crate) upper: bool,
}

impl Letter {
    /// Whether the letter is one of the 12 vowel forms.
    #[inline]
    pub(crate) fn is_vowel(self) -> bool {
        form_index(self.form).is_some()
    }

    /// Whether the letter carries any Vietnamese mark: a tone, a modifier, or the stroke of đ.
    #[inline]
    pub(crate) fn is_marked(self) -> bool {
        self.tone != Tone::Level || !self.form.is_ascii()
    }
}

/// The 12 vowel forms, in table order.
const FORMS: [char; 12] = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];

const LOWER: [char; 72] = [
    'a', 'à', 'á', 'ả', 'ã', 'ạ', //
    'ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ', //
    'â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ', //
    'e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ', //
    'ê', 'ề', 'ế', 'ể', 'ễ', 'ệ', //
    'i', 'ì', 'í', 'ỉ', 'ĩ', 'ị', //
    'o', 'ò', 'ó', 'ỏ', 'õ', 'ọ', //
    'ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ', //
    'ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ', //
    'u', 'ù', 'ú', 'ủ', 'ũ', 'ụ', //
    'ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự', //
    'y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ', //
];

const UPPER: [char; 72] = [
    'A', 'À', 'Á', 'Ả', 'Ã', 'Ạ', //
    'Ă', 'Ằ', 'Ắ', 'Ẳ', 'Ẵ', 'Ặ', //
    'Â', 'Ầ', 'Ấ', 'Ẩ', 'Ẫ', 'Ậ', //
    'E', 'È', 'É', 'Ẻ', 'Ẽ', 'Ẹ', //
    'Ê', 'Ề', 'Ế', 'Ể', 'Ễ', 'Ệ', //
    'I', 'Ì', 'Í', 'Ỉ', 'Ĩ', 'Ị', //
    'O', 'Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ', //
    'Ô', 'Ồ', 'Ố', 'Ổ', 'Ỗ', 'Ộ', //
    'Ơ', 'Ờ', 'Ớ', 'Ở', 'Ỡ', 'Ợ', //
    'U', 'Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ', //
    'Ư', 'Ừ', 'Ứ', 'Ử', 'Ữ', 'Ự', //
    'Y', 'Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ', //
];

/// First code point of the lookup for Latin-1 and Latin Extended-A/B vowels.
const LATIN_START: u32 = 0xC0;
/// First code point of the lookup for Latin Extended Additional (ạ … ỹ).
const EXTENDED_START: u32 = 0x1EA0;

/// Per code point: 0 when not a Vietnamese vowel, else `1 + table index`, `| 0x80` when upper case.
const LATIN: [u8; 0x1B1 - 0xC0] = lookup(LATIN_START);
const EXTENDED: [u8; 0x1EFA - 0x1EA0] = lookup(EXTENDED_START);

const fn lookup<const N: usize>(start: u32) -> [u8; N] {
    let mut table = [0u8; N];
    let mut i = 0;
    while i < 72 {
        let (lower, upper) = (LOWER[i] as u32, UPPER[i] as u32);
        if lower >= start && lower < start + N as u32 {
            table[(lower - start) as usize] = i as u8 + 1;
        }
        if upper >= start && upper < start + N as u32 {
            table[(upper - start) as usize] = (i as u8 + 1) | 0x80;
        }
        i += 1;
    }
    table
}

#[inline]
fn form_index(form: char) -> Option<usize> {
    Some(match form {
        'a' => 0,
        'ă' => 1,
        'â' => 2,
        'e' => 3,
        'ê' => 4,
        'i' => 5,
        'o' => 6,
        'ô' => 7,
        'ơ' => 8,
        'u' => 9,
        'ư' => 10,
        'y' => 11,
        _ => return None,
    })
}

/// Takes a letter apart. Returns `None` for anything but ASCII letters and Vietnamese letters.
#[inline]
pub(crate) fn letter(c: char) -> Option<Letter> {
    if c.is_ascii_alphabetic() {
        return Some(Letter {
            form: c.to_ascii_lowercase(),
            tone: Tone::Level,
            upper: c.is_ascii_uppercase(),
        });
    }
    let code = c as u32;
    let entry = match code {
        0x110 => {
            return Some(Letter {
                form: 'đ',
                tone: Tone::Level,
                upper: true,
            });
        }
        0x111 => {
            return Some(Letter {
                form: 'đ',
                tone: Tone::Level,
                upper: false,
            });
        }
        LATIN_START..0x1B1 => LATIN[(code - LATIN_START) as usize],
        EXTENDED_START..0x1EFA => EXTENDED[(code - EXTENDED_START) as usize],
        _ => 0,
    };
    if entry == 0 {
        return None;
    }
    let index = usize::from((entry & 0x7F) - 1);
    Some(Letter {
        form: FORMS[index / 6],
        tone: Tone::ALL[index % 6],
        upper: entry & 0x80 != 0,
    })
}

/// The precomposed letter for a toneless lowercase `form`, `tone` and case, if it exists.
#[inline]
pub(crate) fn compose(form: char, tone: Tone, upper: bool) -> Option<char> {
    match form_index(form) {
        Some(index) => {
            let at = index * 6 + tone as usize;
            Some(if upper { UPPER[at] } else { LOWER[at] })
        }
        None if tone == Tone::Level && form == 'đ' => Some(if upper { 'Đ' } else { 'đ' }),
        None if tone == Tone::Level && form.is_ascii_lowercase() => Some(if upper {
            form.to_ascii_uppercase()
        } else {
            form
        }),
        None => None,
    }
}

/// `c` in lower case, for the letters the rules care about: ASCII, Vietnamese and the rest of
/// Latin-1. Other characters are returned as they are (their case never decides a rule), which
/// keeps Unicode's case tables out of the wasm.
pub(crate) fn lower(c: char) -> char {
    if let Some(l) = letter(c) {
        return compose(l.form, l.tone, false).unwrap_or(c);
    }
    match c as u32 {
        0xC0..=0xDE if c != '×' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        _ => c,
    }
}

/// Whether `c` is an upper-case letter (ASCII, Vietnamese or Latin-1; see [`lower`]).
pub(crate) fn is_upper(c: char) -> bool {
    lower(c) != c
}

/// Whether `c` is a lower-case letter (ASCII, Vietnamese or Latin-1; see [`lower`]).
pub(crate) fn is_lower(c: char) -> bool {
    c.is_ascii_lowercase()
        || letter(c).is_some_and(|l| !l.upper)
        || matches!(c as u32, 0xDF..=0xFF if c != '÷')
}

/// A toneless lowercase form as a small number (`a`–`z` are 1–26, then `ă` `â` `đ` `ê` `ô`
/// `ơ` `ư` are 27–33; 0 for anything else), so that a word's letters pack into an integer.
#[inline]
pub(crate) const fn form_code(form: char) -> u8 {
    match form {
        'a'..='z' => form as u8 - b'a' + 1,
        'ă' => 27,
        'â' => 28,
        'đ' => 29,
        'ê' => 30,
        'ô' => 31,
        'ơ' => 32,
        'ư' => 33,
        _ => 0,
    }
}

/// The plain ASCII letter under a toneless form: `ă` `â` → `a`, `đ` → `d`, `ơ` → `o`.
#[inline]
pub(crate) fn strip_form(form: char) -> char {
    match form {
        'ă' | 'â' => 'a',
        'đ' => 'd',
        'ê' => 'e',
        'ô' | 'ơ' => 'o',
        'ư' => 'u',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vowel_round_trips() {
        for (i, (&lower, &upper)) in LOWER.iter().zip(UPPER.iter()).enumerate() {
            let l = letter(lower).expect("lower-case vowel");
            assert_eq!(
                (l.form, l.tone, l.upper),
                (FORMS[i / 6], Tone::ALL[i % 6], false)
            );
            assert_eq!(compose(l.form, l.tone, l.upper), Some(lower));
            let u = letter(upper).expect("upper-case vowel");
            assert_eq!((u.form, u.upper), (FORMS[i / 6], true));
            assert_eq!(compose(u.form, u.tone, u.upper), Some(upper));
        }
    }

    #[test]
    fn consonants_and_strangers() {
        assert_eq!(
            letter('Đ'),
            Some(Letter {
                form: 'đ',
                tone: Tone::Level,
                upper: true
            })
        );
        assert_eq!(letter('q').map(|l| l.form), Some('q'));
        assert_eq!(letter('ñ'), None);
        assert_eq!(letter('ß'), None);
        assert!(letter('đ').unwrap().is_marked());
        assert!(!letter('a').unwrap().is_marked());
        assert_eq!(lower('Ệ'), 'ệ');
        assert_eq!(lower('Ö'), 'ö');
        assert_eq!(lower('Đ'), 'đ');
        assert!(is_upper('Ư') && !is_upper('ư') && is_lower('ư') && !is_lower('7'));
    }

    #[test]
    fn modifiers_build_vowel_forms() {
        assert_eq!(Modifier::Horn.apply('u'), Some('ư'));
        assert_eq!(Modifier::Breve.apply('e'), None);
        assert_eq!(strip_form('ơ'), 'o');
    }
}
