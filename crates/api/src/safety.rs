//! Community safety: readers' reports of comments and moderators' bans of their authors.

use serde::{Deserialize, Serialize};

use crate::ModerationItem;

/// The longest free text of a report, in characters.
pub const MAX_REPORT_TEXT_CHARS: usize = 500;
/// The longest note of a ban, in characters.
pub const MAX_BAN_NOTE_CHARS: usize = 500;
/// The longest ban that is not permanent, in days.
pub const MAX_BAN_DAYS: u32 = 365;

/// Why a reader reports a comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportReason {
    /// Advertising, scams, repeated posts.
    Spam,
    /// Offensive or vulgar.
    Offensive,
    /// Not about the article.
    OffTopic,
    /// An attack on a person.
    PersonalAttack,
    /// False information.
    FalseInformation,
    /// Something else, said in the report's text.
    Other,
}

impl ReportReason {
    /// Every reason, in the order the widget offers them.
    pub const ALL: [Self; 6] = [
        Self::Spam,
        Self::Offensive,
        Self::OffTopic,
        Self::PersonalAttack,
        Self::FalseInformation,
        Self::Other,
    ];

    /// The reason's code on the wire and in the database.
    pub fn code(self) -> &'static str {
        match self {
            Self::Spam => "spam",
            Self::Offensive => "offensive",
            Self::OffTopic => "off_topic",
            Self::PersonalAttack => "personal_attack",
            Self::FalseInformation => "false_information",
            Self::Other => "other",
        }
    }

    /// The reason a code names, if it names one.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|reason| reason.code() == code)
    }
}

/// The body of `POST /api/comments/{id}/report`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewReport {
    /// Why.
    pub reason: ReportReason,
    /// The reader's own words: required for `other`, at most 500 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// How many open reports give one reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReasonCount {
    /// The reason.
    pub reason: ReportReason,
    /// How many readers gave it.
    pub count: u64,
}

/// A reported comment in the desk's "Bị báo cáo" queue: the comment as the desk shows it,
/// and its open reports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedItem {
    /// The comment and what a moderator needs to decide.
    #[serde(flatten)]
    pub item: ModerationItem,
    /// How many readers reported it (open reports).
    pub reports: u64,
    /// Their counts per reason, most given first.
    pub reasons: Vec<ReasonCount>,
    /// The readers' own words, newest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub texts: Vec<String>,
}

/// A page of the "Bị báo cáo" queue (`GET /api/moderation/reports`), most reported first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedPage {
    /// The comments on this page.
    pub comments: Vec<ReportedItem>,
    /// Pass as `cursor` to get the next page; `None` on the last page.
    pub next_cursor: Option<String>,
    /// How many comments have open reports.
    pub total: u64,
}

/// The body of `POST /api/moderation/bans`: ban the author of a comment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewBan {
    /// The comment whose author (its reader id and client key) is banned.
    pub comment_id: i64,
    /// For how many days (1 to 365); `None`: for good.
    #[serde(default)]
    pub days: Option<u32>,
    /// Why, for the other moderators: 1 to 500 characters.
    pub note: String,
    /// Also reject the author's comments still pending.
    #[serde(default)]
    pub reject_pending: bool,
}

/// A ban, as the desk lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ban {
    /// Its id.
    pub id: i64,
    /// The comment that caused it.
    pub comment_id: i64,
    /// The banned reader's anonymous id, hashed (12 hex digits), if the comment had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reader: Option<String>,
    /// The banned client's network, hashed (12 hex digits), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client: Option<String>,
    /// Why.
    pub note: String,
    /// Who banned.
    pub moderator: String,
    /// When, RFC 3339.
    pub created_at: String,
    /// When it ends, RFC 3339; `None`: never.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// How many pending comments it rejected when it was made.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub rejected_pending: u64,
}

fn is_zero(count: &u64) -> bool {
    *count == 0
}

/// The active bans (`GET /api/moderation/bans`), newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BanList {
    /// The bans on this page.
    pub bans: Vec<Ban>,
    /// Pass as `cursor` to get the next page; `None` on the last page.
    pub next_cursor: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_round_trip_through_their_codes() {
        for reason in ReportReason::ALL {
            let json = serde_json::to_string(&reason).unwrap();
            assert_eq!(json, format!("\"{}\"", reason.code()));
            assert_eq!(ReportReason::from_code(reason.code()), Some(reason));
        }
        assert_eq!(ReportReason::from_code("rude"), None);
    }
}
