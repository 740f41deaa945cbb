//! Vietnamese comment rules, the same in the browser (wasm) and on the server.
//!
//! [`check`] runs a newsroom's [`Policy`] over a comment and says what is wrong, where, and
//! how to fix it, in Vietnamese and English: too few Vietnamese words (a word, chữ, is a
//! syllable of valid Vietnamese spelling), missing diacritics (a likelihood model learnt from
//! real accented text; Telex/VNI residue and legacy-encoding mojibake are recognised), links
//! (also disguised ones), contact details (telephone numbers, also masked or spelled out in
//! words, Zalo handles, e-mail addresses), length (in characters as the reader sees them) and
//! banned words.
//!
//! Pure Rust, no I/O. Everything runs on an analysis copy of the text (invisible characters
//! dropped, look-alikes folded, letters composed), and every span points back into the text
//! exactly as typed.
//!
//! The crate keeps per-thread caches between checks: each thread that calls [`check`] holds a
//! spelling cache (128 KB: what the letters of the words it has read spell) and the table that
//! counts a comment's repeated words (up to 32 KB), until the thread ends. They save work on
//! the next check (the app checks the text again on every keystroke; a server checks comment
//! after comment) and never change a verdict; being per thread, they need no lock. The
//! diacritics table is parsed once per process.
//!
//! The diacritics table is derived from UD_Vietnamese-VTB (CC BY-SA 4.0): Nguyen Phuong-Thai,
//! Vu Xuan-Luong, Nguyen Thi-Minh-Huyen, Nguyen Van-Hiep, Le Hong-Phuong (2009). Building a
//! Large Syntactically-Annotated Corpus of Vietnamese. Proceedings of the Third Linguistic
//! Annotation Workshop, ACL-IJCNLP 2009, pp. 182-185.

mod analysis;
mod banned;
mod check;
mod contacts;
mod diacritics;
mod fold;
mod graphemes;
mod keyboard;
mod legacy;
mod letters;
mod links;
mod messages;
mod odds;
mod policy;
mod ranges;
mod reading;
mod spelling_cache;
mod stack_vec;
mod stored_text;
mod syllable;
mod tld;
mod tokens;
mod utf8_chunks;
mod verdict;

pub use check::check;
pub use fold::MAX_COMBINING_MARKS;
pub use policy::{ContactPolicy, LinkPolicy, Policy};
pub use stored_text::normalize_for_storage;
pub use verdict::{Hint, HintCode, Rule, Span, Verdict, Violation, merged_spans};

/// `text` with every Vietnamese mark taken off: tones removed, ă â → a, ê → e, ô ơ → o,
/// ư → u, đ → d, case kept (`Đường Lê Lợi` → `Duong Le Loi`). Reads NFC and NFD alike;
/// invisible characters are dropped and look-alikes folded, as `check` reads text.
pub fn strip_marks(text: &str) -> String {
    let analysis = analysis::Analysis::new(text);
    analysis
        .chars()
        .iter()
        .map(|&c| match letters::letter(c) {
            Some(l) => {
                let plain = letters::strip_form(l.form);
                if l.upper {
                    plain.to_ascii_uppercase()
                } else {
                    plain
                }
            }
            None => c,
        })
        .collect()
}

/// `text` as `check` reads it: default-ignorable characters dropped, look-alikes folded, and
/// Vietnamese and Latin letters composed with their combining marks in any order. For names
/// and comments this is the stored form of [`normalize_for_storage`] character for character
/// (it differs on compositions of other scripts and on the joiners kept inside emoji), and it
/// needs no Unicode tables, so a wasm build that counts with it stays small.
pub fn normalize_for_analysis(text: &str) -> String {
    analysis::Analysis::new(text).chars().iter().collect()
}

/// Whether `word` is one Vietnamese syllable of valid spelling, as `check` counts words
/// (`tiếng`, `Đắk`, `thuỷ`: yes; `tieng`, `UBND`, `iPhone`: no).
pub fn is_vietnamese_syllable(word: &str) -> bool {
    let analysis = analysis::Analysis::new(word);
    syllable::read(analysis.chars()).is_some_and(|w| w.spelling == syllable::Spelling::Valid)
}
