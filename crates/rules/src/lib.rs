//! Vietnamese comment rules. (Skeleton: public types only; the engine is being written.)

mod policy;
mod verdict;

pub use policy::{LinkPolicy, Policy};
pub use verdict::{Hint, HintCode, Rule, Span, Verdict, Violation};

/// Checks `text` against `policy`.
pub fn check(text: &str, policy: &Policy) -> Verdict {
    let _ = (text, policy);
    Verdict { ok: true, words: 0, violations: Vec::new(), hints: Vec::new(), hold: false }
}

/// The text the server stores: NFC, default-ignorable code points removed.
pub fn normalize_for_storage(text: &str) -> String {
    text.to_owned()
}
