//! The newsroom's settings, shared as JSON between the server and the browser.

use serde::{Deserialize, Serialize};

/// What a newsroom asks of every comment. The defaults are the seed newsroom's rules:
/// "Tối thiểu 10 chữ Tiếng việt có dấu" and "Không chứa liên kết".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// The least number of Vietnamese words (syllables) a comment must have.
    pub min_words: usize,
    /// Whether the comment must be written in Vietnamese with its diacritics.
    pub require_diacritics: bool,
    /// What a link in the comment does to it.
    pub links: LinkPolicy,
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
    /// How many distinct readers' open reports take a published comment off the public pages
    /// (back to pending, for a moderator to decide); `None` (the default) hides nothing for
    /// its reports. Not a rule of the text: the server applies it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hide_after_reports: Option<u32>,
}

/// What a link in a comment does to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkPolicy {
    /// The comment is refused (rule `no_links`).
    Reject,
    /// The comment is accepted but held for a moderator, whatever the newsroom's publishing mode.
    Hold,
    /// Links are allowed.
    Allow,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            min_words: 10,
            require_diacritics: true,
            links: LinkPolicy::Reject,
            max_chars: 2000,
            banned_words: Vec::new(),
            auto_close_after_days: None,
            hide_after_reports: None,
        }
    }
}
