//! "Thêm dấu": the marks of a comment typed without them, restored by the server
//! (`POST /api/diacritics/restore`) for the reader to confirm.

use serde::{Deserialize, Serialize};

/// The body of `POST /api/diacritics/restore`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RestoreRequest {
    /// The text as the reader typed it, at most the policy's `max_chars` long.
    pub text: String,
}

/// The answer of `POST /api/diacritics/restore`: the most likely marked text and the words
/// a reader may want to look at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Restored {
    /// The text with its marks restored. It has as many characters (Unicode scalars) as the
    /// text sent, and the same ones outside the listed words; a text that already has marks
    /// comes back unchanged, with no words.
    pub text: String,
    /// The words that were changed or could be read otherwise, in order.
    pub words: Vec<RestoredWord>,
}

/// One word of a [`Restored`] text that was changed or has other readings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RestoredWord {
    /// Its first character (Unicode scalar offset) in the restored text, as the rules' spans.
    pub start: usize,
    /// One past its last character.
    pub end: usize,
    /// The word as it was typed.
    pub original: String,
    /// Its other likely marked forms, most likely first, the chosen one left out (at most 4).
    pub alternatives: Vec<String>,
}
