//! Every string the reader sees, one table per language.
//!
//! Vietnamese is the default; English is chosen with `?lang=en`, the language switch, or an
//! embed's `data-lang="en"`. Components read the current table with [`use_texts`].

mod en;
mod vi;

use leptos::prelude::*;

pub use binhluan_api::Lang;

/// The app's strings in a language.
pub trait Translated {
    /// This language's strings.
    fn texts(self) -> &'static Texts;
}

impl Translated for Lang {
    fn texts(self) -> &'static Texts {
        match self {
            Lang::Vi => &vi::TEXTS,
            Lang::En => &en::TEXTS,
        }
    }
}

/// Makes `lang` the language of everything below the calling component.
pub fn provide_lang(lang: RwSignal<Lang>) {
    provide_context(lang);
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

/// The strings of one language. Fixed strings are fields; strings with numbers are functions.
pub struct Texts {
    /// The product's name, in the page header.
    pub site_name: &'static str,
    /// The skip link that jumps over the header to the article.
    pub skip_to_content: &'static str,
    /// The language switch's label, naming the *other* language in that language.
    pub switch_language: &'static str,
    /// The switch's accessible description.
    pub switch_language_label: &'static str,
    /// "2502 lượt xem".
    pub views: fn(u64) -> String,
    /// Read by screen readers before the publication time.
    pub published_at: &'static str,
    /// Shown in place of a picture the article lost.
    pub image_missing: &'static str,
    /// While the article loads.
    pub loading_article: &'static str,
    /// When the article could not be loaded.
    pub article_load_failed: &'static str,
    /// The retry button.
    pub retry: &'static str,
    /// The not-found page's heading.
    pub not_found_title: &'static str,
    /// The not-found page's explanation.
    pub not_found_body: &'static str,
    /// The link back to the default article.
    pub back_home: &'static str,
    /// The comment section's heading.
    pub comments_heading: &'static str,
    /// The accessible name of the rules list.
    pub rules_label: &'static str,
    /// The word rule, given the minimum and whether diacritics are required.
    pub rule_min_words: fn(usize, bool) -> String,
    /// The link rule when links are refused.
    pub rule_no_links: &'static str,
    /// The link rule when links are held for moderation.
    pub rule_links_held: &'static str,

    // The form.
    /// The form's accessible name.
    pub form_label: &'static str,
    /// The reply form's accessible name, given whom it answers.
    pub reply_form_label: fn(&str) -> String,
    /// The name field's label.
    pub name_label: &'static str,
    /// The e-mail field's label.
    pub email_label: &'static str,
    /// The note under the e-mail field.
    pub email_note: &'static str,
    /// The comment field's label.
    pub content_label: &'static str,
    /// The comment field's placeholder.
    pub content_placeholder: &'static str,
    /// The submit button.
    pub submit: &'static str,
    /// The submit button while posting.
    pub submitting: &'static str,
    /// "7/10 chữ".
    pub words_counter: fn(usize, usize) -> String,
    /// A checklist line's state, for screen readers: met.
    pub rule_met: &'static str,
    /// A checklist line's state, for screen readers: not met.
    pub rule_unmet: &'static str,
    /// The checklist line of the word rule.
    pub check_min_words: fn(usize) -> String,
    /// The checklist line of the diacritics rule.
    pub check_diacritics: &'static str,
    /// The checklist line of the link rule.
    pub check_no_links: &'static str,
    /// The checklist line of the length rule.
    pub check_max_length: fn(usize) -> String,
    /// The checklist line of the banned-word rule.
    pub check_banned_words: &'static str,
    /// Announced when every rule is met.
    pub all_rules_met: &'static str,
    /// The name is missing or too short.
    pub name_too_short: &'static str,
    /// The name is too long.
    pub name_too_long: &'static str,
    /// The name holds a line break or another control character.
    pub name_has_control: &'static str,
    /// The name contains a link.
    pub name_has_link: &'static str,
    /// The e-mail is not an address.
    pub email_invalid: &'static str,
    /// After posting, when a moderator must approve.
    pub pending_notice: &'static str,
    /// After posting, when the comment is published at once.
    pub published_notice: &'static str,
    /// The badge on a comment waiting for a moderator.
    pub pending_badge: &'static str,
    /// The server refused the comment's content (its reasons are listed with the rules).
    pub post_rejected: &'static str,
    /// Too many posts: wait this many seconds.
    pub post_rate_limited: fn(Option<u64>) -> String,
    /// The comment is too large to send.
    pub post_too_large: &'static str,
    /// No connection.
    pub post_network_failed: &'static str,
    /// The server failed.
    pub post_server_failed: &'static str,
    /// The same retry key came back with another comment.
    pub post_conflict: &'static str,
    /// Said with every failure: nothing the reader typed is lost.
    pub text_kept: &'static str,
    /// In place of the form when the thread takes no more comments, and after a post it refused.
    pub comments_closed: &'static str,
    /// In the server-rendered page when JavaScript is off: reading works, writing does not.
    pub comments_need_javascript: &'static str,

    // The list.
    /// The label of a comment moderators chose, pinned at the top.
    pub featured: &'static str,
    /// "12 bình luận".
    pub comment_count: fn(u64) -> String,
    /// The sort switch's accessible name.
    pub sort_label: &'static str,
    /// Newest first.
    pub sort_newest: &'static str,
    /// Most liked first.
    pub sort_top: &'static str,
    /// While comments load.
    pub loading_comments: &'static str,
    /// No comments yet.
    pub no_comments: &'static str,
    /// Comments could not be loaded.
    pub comments_load_failed: &'static str,
    /// The server has no comment thread for the article.
    pub comments_not_open: &'static str,
    /// The button that loads the next page.
    pub load_more: &'static str,
    /// "Xem thêm 5 trả lời": loads a comment's next replies.
    pub more_replies: fn(u64) -> String,
    /// The reply button.
    pub reply: &'static str,
    /// Closes a reply box.
    pub cancel_reply: &'static str,
    /// The like button.
    pub like: &'static str,
    /// The like button's accessible name, with the count.
    pub like_label: fn(u64) -> String,
    /// A like could not be saved.
    pub like_failed: &'static str,
    /// The report button, and the report form's accessible name.
    pub report: &'static str,
    /// The reasons to report a comment, in `binhluan_api::ReportReason::ALL`'s order.
    pub report_reasons: [&'static str; 6],
    /// The label of the report's own words.
    pub report_text: &'static str,
    /// Sends a report.
    pub report_send: &'static str,
    /// In place of the report form once sent.
    pub report_thanks: &'static str,
    /// A report could not be sent.
    pub report_failed: &'static str,
    /// Offers to restore the marks of a text typed without them.
    pub restore_offer: &'static str,
    /// While the server restores them.
    pub restore_working: &'static str,
    /// Above the proposal.
    pub restore_title: &'static str,
    /// Above a proposal that changes nothing.
    pub restore_nothing: &'static str,
    /// Said of a word whose marks were added, to screen readers.
    pub restore_changed: &'static str,
    /// The accessible name of a word's list of forms.
    pub restore_forms: &'static str,
    /// Beside the form the reader typed.
    pub restore_as_typed: &'static str,
    /// Puts the proposal in the comment box.
    pub restore_accept: &'static str,
    /// Closes the proposal, the text untouched.
    pub restore_dismiss: &'static str,
    /// No proposal could be had.
    pub restore_failed: &'static str,
    /// A banned reader's post: until the date given, or for good.
    pub post_banned: fn(Option<String>) -> String,
    /// Less than a minute ago.
    pub just_now: &'static str,
    /// "5 phút trước".
    pub minutes_ago: fn(u64) -> String,
    /// "3 giờ trước".
    pub hours_ago: fn(u64) -> String,
    /// "2 ngày trước".
    pub days_ago: fn(u64) -> String,
}
