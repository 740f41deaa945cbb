//! Vietnamese letters taken apart (base letter, tone, case) and put back together.
//!
//! Every Vietnamese letter is one of 12 vowel forms (a ă â e ê i o ô ơ u ư y) with one of six
//! tones, or a consonant. The tables below hold the 144 precomposed vowels; the lookups are
//! built at compile time, so taking a letter apart costs one array read.

use core::hint::select_unpredictable;

/// The six tones (thanh) of Vietnamese.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) enum Tone {
    /// Ngang: no tone mark.
    #[default]
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

    /// The tone numbered `bits` (its place in the order above; `Level` is 0, and so is any
    /// number beyond the six).
    #[inline(always)]
    pub(crate) fn from_bits(bits: u16) -> Tone {
        match bits {
            1 => Tone::Grave,
            2 => Tone::Acute,
            3 => Tone::Hook,
            4 => Tone::Tilde,
            5 => Tone::Dot,
            _ => Tone::Level,
        }
    }

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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
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

/// A letter in one number: its form's code (see [`form_code`]) in bits 0–5, its tone in bits
/// 6–8, bit 9 set for upper case, and the code of the plain letter under it (`ế` → `e`) in
/// bits 11–15. 0 for anything that is not a letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Packed(u16);

impl Packed {
    const UPPER: u16 = 1 << 9;

    const fn new(form: char, tone: Tone, upper: bool) -> Packed {
        let code = form_code(form) as u16;
        let plain = form_code(strip_form(form)) as u16;
        let upper = if upper { Self::UPPER } else { 0 };
        Packed(code | (tone as u16) << 6 | upper | plain << 11)
    }

    /// Whether it is a letter at all.
    #[inline(always)]
    pub(crate) fn is_letter(self) -> bool {
        self.0 != 0
    }

    /// The code of its toneless lowercase form.
    #[inline(always)]
    pub(crate) fn code(self) -> u8 {
        (self.0 & 0x3F) as u8
    }

    /// The code of the plain letter under it (`ă` `â` → `a`, `đ` → `d`), 1–26.
    #[inline(always)]
    pub(crate) fn plain_code(self) -> u8 {
        (self.0 >> 11) as u8
    }

    /// Its tone.
    #[inline(always)]
    pub(crate) fn tone(self) -> Tone {
        Tone::from_bits(self.tone_bits())
    }

    /// Its tone bits (as [`Packed::tone_bits`]) with upper case as the fourth bit.
    #[inline(always)]
    pub(crate) fn marks(self) -> u16 {
        self.0 >> 6 & 0xF
    }

    /// Its tone as a small number, 0 for none (see [`Tone::from_bits`]).
    #[inline(always)]
    pub(crate) fn tone_bits(self) -> u16 {
        self.0 >> 6 & 7
    }

    /// Whether it is written in upper case.
    #[inline(always)]
    pub(crate) fn is_upper(self) -> bool {
        self.0 & Self::UPPER != 0
    }
}

/// The toneless lowercase form of each form code (`\0` for 0).
const FORM_OF_CODE: [char; 34] = {
    let mut forms = ['\0'; 34];
    let others = ['ă', 'â', 'đ', 'ê', 'ô', 'ơ', 'ư'];
    let mut i = 0;
    while i < 26 {
        forms[i + 1] = (b'a' + i as u8) as char;
        i += 1;
    }
    while i < 26 + others.len() {
        forms[form_code(others[i - 26]) as usize] = others[i - 26];
        i += 1;
    }
    forms
};

/// The code of the plain letter under the form of code `code` (`ă` `â` → `a`), as
/// [`Packed::plain_code`] gives it.
#[inline(always)]
pub(crate) fn plain_code_of(code: u8) -> u8 {
    PLAIN_OF_CODE[usize::from(code & 0x3F)]
}

/// Whether the form of code `code` is one of ă â đ ê ô ơ ư (see [`form_code`]).
#[inline(always)]
pub(crate) fn is_modified_code(code: u8) -> bool {
    code > 26
}

/// [`plain_code_of`] for every code.
const PLAIN_OF_CODE: [u8; 64] = {
    let mut plain = [0; 64];
    let mut code = 0;
    while code < FORM_OF_CODE.len() {
        plain[code] = form_code(strip_form(FORM_OF_CODE[code]));
        code += 1;
    }
    plain
};

/// Code points below this have their own slot in [`LETTERS`]: ASCII, Latin-1, Latin
/// Extended-A/B up to ư.
const LOW_END: u32 = 0x1B1;
/// The first code point of Latin Extended Additional's letters (ạ … ỹ), whose slots follow.
const EXTENDED_START: u32 = 0x1EA0;
/// How many code points from [`EXTENDED_START`] have a slot.
const EXTENDED_LEN: u32 = 0x1EFA - EXTENDED_START;
/// The slot of everything else: no letter.
const NO_LETTER: usize = (LOW_END + EXTENDED_LEN) as usize;

/// Every letter below [`LOW_END`] and in Latin Extended Additional, packed, in one table so
/// that a lookup is one read.
const LETTERS: [Packed; NO_LETTER + 1] = {
    const fn put(table: &mut [Packed; NO_LETTER + 1], c: char, letter: Packed) {
        let code = c as u32;
        let slot = if code < LOW_END {
            code
        } else {
            LOW_END + code - EXTENDED_START
        };
        table[slot as usize] = letter;
    }
    let mut table = [Packed(0); NO_LETTER + 1];
    let mut i = 0;
    while i < 72 {
        let (form, tone) = (FORMS[i / 6], Tone::ALL[i % 6]);
        put(&mut table, LOWER[i], Packed::new(form, tone, false));
        put(&mut table, UPPER[i], Packed::new(form, tone, true));
        i += 1;
    }
    let mut ascii = b'a';
    while ascii <= b'z' {
        let (form, upper) = (ascii as char, ascii.to_ascii_uppercase() as char);
        put(&mut table, form, Packed::new(form, Tone::Level, false));
        put(&mut table, upper, Packed::new(form, Tone::Level, true));
        ascii += 1;
    }
    put(&mut table, 'đ', Packed::new('đ', Tone::Level, false));
    put(&mut table, 'Đ', Packed::new('đ', Tone::Level, true));
    table
};

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

/// An ASCII or Vietnamese letter packed in one table lookup ([`Packed::is_letter`] is false
/// for anything else).
#[inline(always)]
pub(crate) fn packed(c: char) -> Packed {
    // The slot chosen without a branch: in Vietnamese text ASCII, Latin-1 and Latin Extended
    // Additional letters follow one another at random.
    let code = c as u32;
    let extended = code.wrapping_sub(EXTENDED_START);
    let slot = select_unpredictable(
        extended < EXTENDED_LEN,
        LOW_END.wrapping_add(extended) as usize,
        NO_LETTER,
    );
    LETTERS[select_unpredictable(code < LOW_END, code as usize, slot)]
}

/// Whether `c` is an ASCII or Vietnamese letter (what [`letter`] takes apart).
#[inline(always)]
pub(crate) fn is_letter(c: char) -> bool {
    packed(c).is_letter()
}

/// Takes a letter apart. Returns `None` for anything but ASCII letters and Vietnamese letters.
#[inline(always)]
pub(crate) fn letter(c: char) -> Option<Letter> {
    let packed = packed(c);
    packed.is_letter().then(|| Letter {
        form: FORM_OF_CODE[usize::from(packed.code())],
        tone: packed.tone(),
        upper: packed.is_upper(),
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
pub(crate) const fn strip_form(form: char) -> char {
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
