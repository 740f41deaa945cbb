//! Drafts: what the reader typed survives a reload, a crash or a lost connection.
//!
//! Per article (and per reply box) the comment text is kept in `localStorage` as the reader
//! types, with the retry key of a post that may have reached the server. The reader's name and
//! e-mail are kept per article too. The text is forgotten only when the server accepts the
//! comment; name and e-mail stay, for the reader's next comment.

use binhluan_api::NewComment;
use serde::{Deserialize, Serialize};

use crate::{json, local_storage};

/// Where one form's drafts live.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftSlot {
    author_key: String,
    text_key: String,
}

impl DraftSlot {
    /// The slot of the form for `slug` on the API at `api_base`, answering `parent` if set.
    pub fn new(api_base: &str, slug: &str, parent: Option<i64>) -> Self {
        let article = format!("binhluan:draft:{api_base}:{slug}");
        let text_key = match parent {
            Some(parent) => format!("{article}:reply:{parent}"),
            None => format!("{article}:comment"),
        };
        Self {
            author_key: format!("{article}:author"),
            text_key,
        }
    }

    /// The saved name and e-mail.
    pub fn author(&self) -> Author {
        read(&self.author_key)
    }

    /// Saves the name and e-mail.
    pub fn save_author(&self, author: &Author) {
        write(&self.author_key, author);
    }

    /// The saved comment text and pending post.
    pub fn text(&self) -> TextDraft {
        read(&self.text_key)
    }

    /// Saves the comment text and pending post.
    pub fn save_text(&self, draft: &TextDraft) {
        write(&self.text_key, draft);
    }

    /// Forgets the comment text: the server has accepted it.
    pub fn clear_text(&self) {
        local_storage::remove(&self.text_key);
    }
}

fn read<T: for<'de> Deserialize<'de> + Default>(key: &str) -> T {
    local_storage::get(key)
        .and_then(|text| json::parse(&text))
        .unwrap_or_default()
}

fn write<T: Serialize>(key: &str, value: &T) {
    if let Some(text) = json::stringify(value) {
        local_storage::set(key, &text);
    }
}

/// The reader's name and e-mail.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Author {
    /// The name.
    pub name: String,
    /// The e-mail, possibly empty.
    pub email: String,
}

/// A comment being written, and the post that may already have reached the server.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TextDraft {
    /// The comment text as typed.
    pub content: String,
    /// The last post sent, with its key, until the server answers it for good.
    pub pending: Option<PendingPost>,
}

/// A post and the `Idempotency-Key` it was sent with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingPost {
    /// The key.
    pub key: String,
    /// Exactly what was sent.
    pub comment: NewComment,
}

impl TextDraft {
    /// The key to send `comment` with: the pending post's key when `comment` is exactly what
    /// was sent before (a retry must never post twice), otherwise `fresh_key()`, remembered.
    pub fn key_for(&mut self, comment: &NewComment, fresh_key: impl FnOnce() -> String) -> String {
        match &self.pending {
            Some(pending) if pending.comment == *comment => pending.key.clone(),
            _ => {
                let key = fresh_key();
                self.pending = Some(PendingPost {
                    key: key.clone(),
                    comment: comment.clone(),
                });
                key
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{DraftSlot, TextDraft};
    use binhluan_api::NewComment;

    fn comment(content: &str) -> NewComment {
        NewComment {
            author_name: "Lan".to_owned(),
            author_email: None,
            content: content.to_owned(),
            parent_id: None,
        }
    }

    #[test]
    fn a_retry_of_the_same_comment_reuses_its_key() {
        let mut draft = TextDraft::default();
        let first = draft.key_for(&comment("một"), || "k1".to_owned());
        let retry = draft.key_for(&comment("một"), || "k2".to_owned());
        assert_eq!((first.as_str(), retry.as_str()), ("k1", "k1"));
    }

    #[test]
    fn an_edited_comment_gets_a_new_key() {
        let mut draft = TextDraft::default();
        draft.key_for(&comment("một"), || "k1".to_owned());
        let edited = draft.key_for(&comment("hai"), || "k2".to_owned());
        assert_eq!(edited, "k2");
        assert_eq!(
            draft.pending.map(|p| p.comment.content).as_deref(),
            Some("hai")
        );
    }

    #[test]
    fn the_key_survives_serialization() {
        let mut draft = TextDraft::default();
        draft.key_for(&comment("một"), || "k1".to_owned());
        let json = serde_json::to_string(&draft).unwrap();
        let mut restored: TextDraft = serde_json::from_str(&json).unwrap();
        assert_eq!(restored.key_for(&comment("một"), || "k2".to_owned()), "k1");
    }

    #[test]
    fn every_article_and_reply_box_has_its_own_slot() {
        let article = DraftSlot::new("", "a", None);
        let other = DraftSlot::new("", "b", None);
        let reply = DraftSlot::new("", "a", Some(7));
        let other_server = DraftSlot::new("https://x.vn", "a", None);
        assert_ne!(article.text_key, other.text_key);
        assert_ne!(article.text_key, reply.text_key);
        assert_ne!(article.text_key, other_server.text_key);
        assert_eq!(article.author_key, reply.author_key);
    }
}
