//! What `check` says of a comment.

use crate::ranges;
use serde::{Deserialize, Serialize};

/// The outcome of checking one comment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    /// True when the comment breaks no rule.
    pub ok: bool,
    /// Counted Vietnamese words (each distinct word counts at most twice).
    pub words: usize,
    /// Every rule the comment breaks, in a stable order.
    pub violations: Vec<Violation>,
    /// Advice that helps the reader fix the comment (e.g. turn on the Vietnamese keyboard).
    pub hints: Vec<Hint>,
    /// True when the comment is acceptable but must wait for a moderator (links under
    /// `LinkPolicy::Hold`, contact details under `ContactPolicy::Hold`, a suspect word).
    pub hold: bool,
    /// Why it waits, when it does: `no_links`, `no_contacts`, `suspect_word`, in that order.
    /// Left out of the JSON when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub held_for: Vec<Rule>,
}

/// One broken rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Violation {
    /// The stable code of the rule.
    pub rule: Rule,
    /// What is wrong, in Vietnamese.
    pub message: String,
    /// What is wrong, in English.
    pub message_en: String,
    /// Where, in character (Unicode scalar) offsets into the text as typed. As `check` gives
    /// them: sorted by start, each holding at least one character, none overlapping or
    /// touching another (merged), so a UI can mark them as they come.
    pub spans: Vec<Span>,
}

/// Every span of `violations` in one list, as [`Violation::spans`] gives each violation's:
/// sorted by start, none empty, none overlapping or touching another. What a UI marks under
/// the text, when several rules point into it (a link inside words without marks, a banned
/// word past the length limit).
pub fn merged_spans(violations: &[Violation]) -> Vec<Span> {
    let ranges = violations
        .iter()
        .flat_map(|v| &v.spans)
        .filter(|span| span.0 < span.1)
        .map(|span| span.0..span.1)
        .collect();
    ranges::merge(ranges)
        .into_iter()
        .map(|r| Span(r.start, r.end))
        .collect()
}

/// The stable codes of the rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Too few Vietnamese words.
    MinWords,
    /// Not written in Vietnamese with its diacritics.
    Diacritics,
    /// Contains a link.
    NoLinks,
    /// Contains contact details: a telephone number, a messenger handle or an e-mail address.
    NoContacts,
    /// Too long.
    MaxLength,
    /// Contains a word the newsroom bans.
    BannedWord,
    /// Contains a word the newsroom wants a moderator to look at: it never refuses a comment,
    /// only holds it (`Verdict::held_for`).
    SuspectWord,
}

/// Advice for the reader.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hint {
    /// The stable code of the advice.
    pub code: HintCode,
    /// The advice, in Vietnamese.
    pub message: String,
    /// The advice, in English.
    pub message_en: String,
}

/// The stable codes of hints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HintCode {
    /// Telex or VNI keystrokes left in the text: the keyboard's Vietnamese mode is off.
    KeyboardOff,
    /// Text garbled by a legacy Vietnamese encoding (TCVN3, VNI-Windows) or typed in VIQR.
    LegacyEncoding,
    /// Vietnamese typed without any marks.
    NoDiacritics,
    /// The text is not Vietnamese.
    NotVietnamese,
    /// The comment is acceptable but waits for a moderator (a link under `LinkPolicy::Hold`,
    /// contact details under `ContactPolicy::Hold`).
    HeldForReview,
}

/// A half-open range `[start, end)` of character offsets, serialized as `[start, end]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span(pub usize, pub usize);
