//! The newsroom's settings, shared as JSON between the server and the browser.

use serde::{Deserialize, Serialize};

/// What a newsroom asks of every comment. The defaults are the seed newsroom's rules:
/// "Tối thiểu 10 chữ Tiếng việt có dấu", "Không chứa liên kết", and no contact details
/// (telephone numbers, Zalo handles, e-mail addresses).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// The least number of Vietnamese words (syllables) a comment must have.
    pub min_words: usize,
    /// Whether the comment must be written in Vietnamese with its diacritics.
    pub require_diacritics: bool,
    /// What a link in the comment does to it.
    pub links: LinkPolicy,
    /// What a telephone number, messenger handle or e-mail address in the comment does to it.
    /// Missing from a policy file, it rejects them (`reject`), as older policies did not say.
    pub contacts: ContactPolicy,
    /// The most characters (as the reader sees them) a comment may have.
    pub max_chars: usize,
    /// Words (or phrases) that reject a comment wherever they appear as whole words, whatever
    /// the case. An entry written without marks matches every marked form (`ngu`: ngu, ngủ,
    /// NGỤ); one written with marks matches only those marks. Light disguises are caught.
    pub banned_words: Vec<String>,
    /// Days after an article's publication when its thread closes by itself (its comments
    /// stay shown); `None` (the default) never closes a thread for its age. Not a rule of the
    /// text: the server applies it, and the widget learns of it from the comment list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_close_after_days: Option<u32>,
    /// Words (or phrases), matched as `banned_words` are, that hold a comment for a moderator
    /// instead of refusing it (Coral's "suspect words"). The reader is told it waits, not why.
    pub suspect_words: Vec<String>,
    /// How many distinct readers' open reports take a published comment off the public pages
    /// (back to pending, for a moderator to decide); `None` (the default) hides nothing for
    /// its reports. Not a rule of the text: the server applies it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hide_after_reports: Option<u32>,
}

/// What a link in a comment does to it (and, as [`ContactPolicy`], what contact details do).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkPolicy {
    /// The comment is refused (rule `no_links`; for contact details, `no_contacts`).
    Reject,
    /// The comment is accepted but held for a moderator, whatever the newsroom's publishing mode.
    Hold,
    /// Links (contact details) are allowed.
    Allow,
}

/// What contact details (a telephone number, a Zalo or other messenger handle, an e-mail
/// address) in a comment do to it: the same three choices, written the same way (`"reject"`,
/// `"hold"`, `"allow"`), as for links, and one type, so that the app's wasm carries its code
/// once. `Reject` raises rule `no_contacts`; `Hold` holds the comment for a moderator exactly as
/// a held link does (`hold: true`, hint `held_for_review`).
pub type ContactPolicy = LinkPolicy;

impl Default for Policy {
    fn default() -> Self {
        Self {
            min_words: 10,
            require_diacritics: true,
            links: LinkPolicy::Reject,
            contacts: ContactPolicy::Reject,
            max_chars: 2000,
            banned_words: Vec::new(),
            auto_close_after_days: None,
            suspect_words: Vec::new(),
            hide_after_reports: None,
        }
    }
}
