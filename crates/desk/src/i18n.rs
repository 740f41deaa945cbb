//! Every string the moderator sees, one table per language.
//!
//! Vietnamese is the default; English is chosen with `?lang=en` or the language switch, which
//! the desk remembers in `localStorage`. Components read the current table with
//! [`use_texts`].

mod en;
mod vi;

use leptos::prelude::*;

use crate::api::Reason;

/// Where the chosen language is remembered.
const STORAGE_KEY: &str = "binhluan-desk-lang";

pub use binhluan_api::Lang;

/// The desk's strings in a language, and its language on the page.
pub trait Translated: Sized {
    /// This language's strings.
    fn texts(self) -> &'static Texts;

    /// The language the page starts in: `?lang=`, else the one last chosen, else Vietnamese.
    fn initial() -> Self;

    /// Remembers this language for the next visit and makes it the document's.
    fn apply(self);
}

impl Translated for Lang {
    fn texts(self) -> &'static Texts {
        match self {
            Lang::Vi => &vi::TEXTS,
            Lang::En => &en::TEXTS,
        }
    }

    fn initial() -> Lang {
        let window = web_sys::window();
        let from_query = window
            .as_ref()
            .and_then(|w| w.location().search().ok())
            .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
            .and_then(|params| params.get("lang"));
        let remembered = || {
            window
                .as_ref()
                .and_then(|w| w.local_storage().ok().flatten())
                .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
        };
        match from_query.or_else(remembered).as_deref() {
            Some("en") => Lang::En,
            _ => Lang::Vi,
        }
    }

    fn apply(self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(Some(storage)) = window.local_storage() {
            let _ = storage.set_item(STORAGE_KEY, self.tag());
        }
        if let Some(root) = window.document().and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", self.tag());
        }
        if let Some(document) = window.document() {
            document.set_title(self.texts().title);
        }
    }
}

/// The current language; Vietnamese when no component provided one.
pub fn use_lang() -> RwSignal<Lang> {
    use_context::<RwSignal<Lang>>().unwrap_or_else(|| RwSignal::new(Lang::Vi))
}

/// A reactive handle on the current language's strings.
pub fn use_texts() -> impl Fn() -> &'static Texts + Copy {
    let lang = use_lang();
    move || lang.get().texts()
}

/// The strings of one language. Fixed strings are fields; strings with values are functions.
pub struct Texts {
    /// The document's title and the header's heading.
    pub title: &'static str,
    /// The language switch's label, naming the *other* language in that language.
    pub switch_language: &'static str,
    /// The switch's accessible description.
    pub switch_language_label: &'static str,
    /// While something loads.
    pub loading: &'static str,
    /// The login form's heading.
    pub login_heading: &'static str,
    /// The account name's label.
    pub name_label: &'static str,
    /// The password's label.
    pub password_label: &'static str,
    /// The login button.
    pub login_submit: &'static str,
    /// The login button while the server answers.
    pub logging_in: &'static str,
    /// When a field of the login form is empty.
    pub login_missing: &'static str,
    /// Shown on the login form when a session ended while in use.
    pub session_expired: &'static str,
    /// When the server cannot be reached.
    pub network_error: &'static str,
    /// When the server failed without a message of its own.
    pub unknown_error: &'static str,
    /// "Đăng nhập: NAME (Quản trị viên)", given the name and whether they are an admin.
    pub signed_in_as: fn(&str, bool) -> String,
    /// The logout button.
    pub logout: &'static str,
    /// The accessible name of the queue tabs.
    pub tabs_label: &'static str,
    /// The pending queue's tab.
    pub tab_pending: &'static str,
    /// The published queue's tab.
    pub tab_published: &'static str,
    /// The rejected queue's tab.
    pub tab_rejected: &'static str,
    /// The audit log's tab (admins only).
    pub tab_audit: &'static str,
    /// The accessible name of the filters.
    pub filters_label: &'static str,
    /// The article filter's label.
    pub article_filter: &'static str,
    /// The article filter's placeholder.
    pub article_placeholder: &'static str,
    /// The search field's label.
    pub search_label: &'static str,
    /// The button that applies the filters.
    pub apply_filters: &'static str,
    /// The button that clears the filters.
    pub clear_filters: &'static str,
    /// "12 bình luận": how many the queue holds with its filters.
    pub total: fn(u64) -> String,
    /// When the queue is empty.
    pub empty: &'static str,
    /// The next page's button.
    pub load_more: &'static str,
    /// When a list could not be loaded.
    pub load_failed: &'static str,
    /// The retry button.
    pub retry: &'static str,
    /// The accessible name of the list of comments.
    pub list_label: &'static str,
    /// "Trả lời NAME:", before the excerpt of the comment a reply answers.
    pub reply_to: fn(&str) -> String,
    /// Why a comment was held, from its cause: the rules (`links`, `contacts`,
    /// `suspect_words`) or readers' reports (`reports`).
    pub held_for: fn(&str) -> &'static str,
    /// Before the hashed reader id.
    pub reader: &'static str,
    /// Before the hashed network.
    pub client: &'static str,
    /// When the author gave no e-mail.
    pub no_email: &'static str,
    /// The featured badge.
    pub featured_badge: &'static str,
    /// Before the reason of a rejection.
    pub rejected_for: &'static str,
    /// "Quyết định bởi NAME, TIME".
    pub decided_by: fn(&str, &str) -> String,
    /// "3 lượt thích".
    pub likes: fn(u64) -> String,
    /// The approve button.
    pub approve: &'static str,
    /// The reject button.
    pub reject: &'static str,
    /// The feature button.
    pub feature: &'static str,
    /// The unfeature button.
    pub unfeature: &'static str,
    /// The bulk selection checkbox's label.
    pub mark: &'static str,
    /// The cancel button of the reason choice.
    pub cancel: &'static str,
    /// The reason choice's accessible name.
    pub reasons_label: &'static str,
    /// A rejection reason's name.
    pub reason: fn(Reason) -> &'static str,
    /// The author history's heading.
    pub history_heading: &'static str,
    /// "4 đã đăng · 1 bị từ chối".
    pub history_counts: fn(u64, u64) -> String,
    /// When the author wrote nothing else.
    pub history_none: &'static str,
    /// A comment's status, in the author's history.
    pub status: fn(binhluan_api::CommentStatus) -> &'static str,
    /// The toast after an approval.
    pub toast_approved: &'static str,
    /// The toast after a rejection.
    pub toast_rejected: &'static str,
    /// The toast after featuring.
    pub toast_featured: &'static str,
    /// The toast after unfeaturing.
    pub toast_unfeatured: &'static str,
    /// The toast after an undo.
    pub toast_undone: &'static str,
    /// The undo button.
    pub undo: &'static str,
    /// The close button of a toast or dialog.
    pub close: &'static str,
    /// The accessible name of the notifications.
    pub toasts_label: &'static str,
    /// "Đã duyệt 3 bình luận".
    pub bulk_approved: fn(usize) -> String,
    /// "Đã từ chối 3 bình luận".
    pub bulk_rejected: fn(usize) -> String,
    /// "2 bình luận bỏ qua: …".
    pub bulk_skipped: fn(usize) -> String,
    /// The accessible name of the bulk actions.
    pub bulk_label: &'static str,
    /// "Đã đánh dấu 3".
    pub marked: fn(usize) -> String,
    /// Approves every marked comment.
    pub bulk_approve: &'static str,
    /// Rejects every marked comment.
    pub bulk_reject: &'static str,
    /// The bulk reason's label.
    pub bulk_reason: &'static str,
    /// Unmarks every comment.
    pub unmark_all: &'static str,
    /// Marks every comment shown.
    pub mark_all: &'static str,
    /// The button that shows the keys.
    pub keys_button: &'static str,
    /// The keys dialog's heading.
    pub keys_heading: &'static str,
    /// Each key and what it does.
    pub keys: [(&'static str, &'static str); 9],
    /// The audit log's heading.
    pub audit_heading: &'static str,
    /// The audit log's columns: time, moderator, action, comment, reason.
    pub audit_columns: [&'static str; 5],
    /// An audit action's name (`approve`, `reject`, `feature`, `unfeature`, `undo`, `keep`,
    /// `hide`, `ban`, `unban`).
    pub audit_action: fn(&str) -> &str,
    /// When the audit log is empty.
    pub audit_empty: &'static str,
    /// The policy editor's tab.
    pub tab_policy: &'static str,
    /// The policy editor's heading.
    pub policy_heading: &'static str,
    /// "Version N, saved by WHO, WHEN".
    pub policy_version: fn(i64, &str, &str) -> String,
    /// The minimum words field.
    pub policy_min_words: &'static str,
    /// The diacritics checkbox.
    pub policy_diacritics: &'static str,
    /// What links do.
    pub policy_links: &'static str,
    /// What contact details do.
    pub policy_contacts: &'static str,
    /// The longest comment.
    pub policy_max_chars: &'static str,
    /// Days after publication when comments close (empty: never).
    pub policy_auto_close: &'static str,
    /// How many readers' reports hide a comment (empty: never).
    pub policy_hide_after_reports: &'static str,
    /// The banned words, one a line.
    pub policy_banned: &'static str,
    /// The suspect words, one a line.
    pub policy_suspect: &'static str,
    /// A choice's name: `reject`, `hold`, `allow`.
    pub policy_choice: fn(&str) -> &'static str,
    /// A field (by its API name) whose number is not one.
    pub policy_not_a_number: fn(&str) -> String,
    /// The save button.
    pub policy_save: &'static str,
    /// After saving version N.
    pub policy_saved: fn(i64) -> String,
    /// The preview's heading.
    pub preview_heading: &'static str,
    /// The preview's placeholder.
    pub preview_placeholder: &'static str,
    /// The preview's outcomes: accepted, held, refused.
    pub preview_accepted: &'static str,
    /// Held for a moderator.
    pub preview_held: &'static str,
    /// Refused.
    pub preview_refused: &'static str,
    /// "N chữ".
    pub preview_words: fn(usize) -> String,

    // Reports and bans.
    /// The reported queue's tab.
    pub tab_reported: &'static str,
    /// The bans' tab.
    pub tab_bans: &'static str,
    /// The reported queue's heading.
    pub reported_heading: &'static str,
    /// When no comment has open reports.
    pub reported_empty: &'static str,
    /// "3 báo cáo".
    pub reports: fn(u64) -> String,
    /// A report reason's name.
    pub report_reason: fn(binhluan_api::ReportReason) -> &'static str,
    /// Before the readers' own words.
    pub report_texts: &'static str,
    /// Keeps a reported comment ("Giữ lại").
    pub keep: &'static str,
    /// The toast after keeping.
    pub toast_kept: &'static str,
    /// The ban button.
    pub ban: &'static str,
    /// The ban form's accessible name.
    pub ban_label: &'static str,
    /// The ban's lengths: one day, seven days, for good.
    pub ban_lengths: [&'static str; 3],
    /// The ban note's label.
    pub ban_note: &'static str,
    /// The checkbox that also rejects the author's pending comments.
    pub ban_reject_pending: &'static str,
    /// The button that bans.
    pub ban_submit: &'static str,
    /// The toast after a ban.
    pub toast_banned: &'static str,
    /// The bans' heading.
    pub bans_heading: &'static str,
    /// When no ban is in force.
    pub bans_empty: &'static str,
    /// The bans' columns: who, comment, note, by, until, the unban button.
    pub bans_columns: [&'static str; 6],
    /// A ban's end when it has none.
    pub ban_forever: &'static str,
    /// The unban button.
    pub unban: &'static str,
    /// The toast after an unban.
    pub toast_unbanned: &'static str,
}
