//! Telex and VNI keystrokes left in the text when the keyboard's Vietnamese mode is off.
//!
//! With Vietnamese input off, Telex `Baif vieets` stays as typed instead of becoming
//! `Bài viết`, and VNI `vie65t` instead of `việt`. A run is such residue when it is not itself
//! Vietnamese, and replaying it through the input method gives a valid Vietnamese syllable
//! with marks.

use crate::letters::{Letter, Modifier, Tone, compose};
use crate::stack_vec::StackVec;
use crate::syllable::{self, Spelling};

/// English words that Telex would turn into Vietnamese-looking syllables (`this` → `thí`).
const ENGLISH: [&str; 12] = [
    "as", "does", "has", "his", "is", "its", "of", "or", "this", "us", "was", "yes",
];

/// The longest run replayed, in keystrokes.
const MAX_KEYS: usize = 12;

/// The letters a replayed run types: at most one per keystroke.
type Typed = StackVec<char, MAX_KEYS>;

/// The Vietnamese syllable `run` (ASCII letters and digits) would have been with the keyboard's
/// Vietnamese mode on, when it is Telex or VNI residue.
pub(crate) fn replay(run: &[char]) -> Option<Typed> {
    if run.len() < 2 || run.len() > MAX_KEYS || !run.iter().all(char::is_ascii_alphanumeric) {
        return None;
    }
    let has_digit = run.iter().any(char::is_ascii_digit);
    if !has_digit && !has_telex_key(run) {
        return None;
    }
    let typed = if has_digit {
        type_keys(run, vni_key)
    } else {
        type_keys(run, telex_key)
    }?;
    let english = ENGLISH.iter().any(|word| {
        word.len() == run.len() && run.iter().map(char::to_ascii_lowercase).eq(word.chars())
    });
    if english {
        return None;
    }
    let word = syllable::read(&typed)?;
    (word.spelling == Spelling::Valid && word.marked).then_some(typed)
}

/// Whether any keystroke of `run` could do something in Telex: a tone key, `w`, or a doubled
/// `a` `e` `o` `d` (most words that are not Vietnamese have none of these, `iPhone`, `HCM`).
fn has_telex_key(run: &[char]) -> bool {
    let lower = |c: &char| c.to_ascii_lowercase();
    run.iter()
        .any(|c| matches!(lower(c), 's' | 'f' | 'r' | 'x' | 'j' | 'w'))
        || run.windows(2).any(|pair| {
            lower(&pair[0]) == lower(&pair[1]) && matches!(lower(&pair[0]), 'a' | 'e' | 'o' | 'd')
        })
}

/// What one keystroke does.
enum Key {
    /// Sets the syllable's tone.
    Tone(Tone),
    /// Adds a modifier to a vowel: `Some(m)` to one vowel, or the horn to `uo` (`ươ`).
    Modifier(Modifier),
    /// `dd` / `d9`: đ.
    Stroke,
    /// Telex doubling: `aa` `ee` `oo` add the circumflex to the vowel just typed.
    Double,
    /// A letter typed as itself.
    Plain,
}

fn telex_key(c: char, before: Option<Letter>) -> Key {
    match c {
        's' => Key::Tone(Tone::Acute),
        'f' => Key::Tone(Tone::Grave),
        'r' => Key::Tone(Tone::Hook),
        'x' => Key::Tone(Tone::Tilde),
        'j' => Key::Tone(Tone::Dot),
        'w' => Key::Modifier(Modifier::Horn),
        'd' if before.is_some_and(|b| b.form == 'd') => Key::Stroke,
        'a' | 'e' | 'o' if before.is_some_and(|b| b.form == c) => Key::Double,
        _ => Key::Plain,
    }
}

fn vni_key(c: char, _before: Option<Letter>) -> Key {
    match c {
        '1' => Key::Tone(Tone::Acute),
        '2' => Key::Tone(Tone::Grave),
        '3' => Key::Tone(Tone::Hook),
        '4' => Key::Tone(Tone::Tilde),
        '5' => Key::Tone(Tone::Dot),
        '6' => Key::Modifier(Modifier::Circumflex),
        '7' => Key::Modifier(Modifier::Horn),
        '8' => Key::Modifier(Modifier::Breve),
        '9' => Key::Stroke,
        _ => Key::Plain,
    }
}

/// Replays `run` through an input method whose keys `key` reads. `None` when no key did
/// anything, or a key had nothing to act on.
fn type_keys(run: &[char], key: fn(char, Option<Letter>) -> Key) -> Option<Typed> {
    let mut letters: StackVec<Letter, MAX_KEYS> = StackVec::new();
    let mut tone = Tone::Level;
    let mut acted = false;
    for &typed in run {
        let c = typed.to_ascii_lowercase();
        let upper = typed.is_ascii_uppercase();
        let has_vowel = letters.iter().any(|l| l.is_vowel());
        match key(c, letters.last().copied()) {
            Key::Tone(t) if has_vowel => {
                if tone != Tone::Level {
                    return None;
                }
                tone = t;
            }
            Key::Modifier(m) if has_vowel => add_modifier(&mut letters, m)?,
            // Telex `w` alone types `ư`.
            Key::Modifier(Modifier::Horn) if c == 'w' => letters.push(Letter {
                form: 'ư',
                tone: Tone::Level,
                upper,
            })?,
            Key::Stroke => letters.iter_mut().rev().find(|l| l.form == 'd')?.form = 'đ',
            Key::Double => letters.last_mut()?.form = Modifier::Circumflex.apply(c)?,
            // A letter, or a Telex tone key before any vowel: an onset (`tr`, `s`, `x`).
            Key::Plain | Key::Tone(_) if c.is_ascii_alphabetic() => {
                letters.push(Letter {
                    form: c,
                    tone: Tone::Level,
                    upper,
                })?;
                continue;
            }
            _ => return None,
        }
        acted = true;
    }
    if !acted {
        return None;
    }
    let carrier = tone_carrier(&letters)?;
    letters[carrier].tone = tone;
    let mut typed = Typed::new();
    for l in letters.iter() {
        typed.push(compose(l.form, l.tone, l.upper)?)?;
    }
    Some(typed)
}

/// Adds `modifier` to the last vowel that takes it (`uo` + horn → `ươ`).
fn add_modifier(letters: &mut [Letter], modifier: Modifier) -> Option<()> {
    let n = letters.len();
    if modifier == Modifier::Horn
        && n >= 2
        && let Some(i) = (1..n)
            .rev()
            .find(|&i| letters[i - 1].form == 'u' && letters[i].form == 'o')
    {
        letters[i - 1].form = 'ư';
        letters[i].form = 'ơ';
        return Some(());
    }
    let target = letters
        .iter_mut()
        .rev()
        .find(|l| modifier.apply(l.form).is_some())?;
    target.form = modifier.apply(target.form)?;
    Some(())
}

/// Which vowel carries the tone: the one with a modifier, else the last before a coda, else
/// the first of two final vowels (new style).
fn tone_carrier(letters: &[Letter]) -> Option<usize> {
    let vowel = |i: &usize| letters[*i].is_vowel();
    let last = (0..letters.len()).rev().find(vowel)?;
    if let Some(i) = (0..=last)
        .rev()
        .filter(vowel)
        .find(|&i| !letters[i].form.is_ascii())
    {
        return Some(i);
    }
    let has_coda = last + 1 < letters.len();
    let before = (0..last).rev().find(vowel);
    Some(match before {
        Some(before) if !has_coda => before,
        _ => last,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn replayed(run: &str) -> Option<String> {
        replay(&run.chars().collect::<Vec<_>>()).map(|v| v.into_iter().collect())
    }

    #[test]
    fn telex_residue_is_recognised() {
        assert_eq!(replayed("Baif").as_deref(), Some("Bài"));
        assert_eq!(replayed("vieets").as_deref(), Some("viết"));
        assert_eq!(replayed("raats").as_deref(), Some("rất"));
        assert_eq!(replayed("dduowcj").as_deref(), Some("được"));
        assert_eq!(replayed("nguwowif").as_deref(), Some("người"));
        assert_eq!(replayed("khoong").as_deref(), Some("không"));
        assert_eq!(replayed("ddi").as_deref(), Some("đi"));
    }

    #[test]
    fn vni_residue_is_recognised() {
        assert_eq!(replayed("vie65t").as_deref(), Some("việt"));
        assert_eq!(replayed("Tie61ng").as_deref(), Some("Tiếng"));
        assert_eq!(replayed("d9u7o7c5").as_deref(), Some("được"));
    }

    #[test]
    fn words_and_numbers_are_not_residue() {
        for run in ["hay", "this", "is", "2020", "abc", "x5", "iphone15", "ok"] {
            assert_eq!(replayed(run), None, "{run}");
        }
    }
}
