//! English.

use binhluan_api::{CommentStatus, ReportReason};

use super::Texts;
use crate::api::Reason;

/// The English strings.
pub const TEXTS: Texts = Texts {
    title: "Comment moderation",
    switch_language: "Tiếng Việt",
    switch_language_label: "Chuyển sang Tiếng Việt",
    loading: "Loading…",
    login_heading: "Moderator login",
    name_label: "User name",
    password_label: "Password",
    login_submit: "Log in",
    logging_in: "Logging in…",
    login_missing: "Please enter your user name and password.",
    session_expired: "Your session has expired. Please log in again.",
    network_error: "The server cannot be reached. Please try again.",
    unknown_error: "Something went wrong. Please try again.",
    signed_in_as: |name, admin| {
        if admin {
            format!("{name} (administrator)")
        } else {
            format!("{name} (moderator)")
        }
    },
    logout: "Log out",
    tabs_label: "Queues",
    tab_pending: "Pending",
    tab_published: "Published",
    tab_rejected: "Rejected",
    tab_audit: "Audit log",
    filters_label: "Filter comments",
    article_filter: "Article (slug)",
    article_placeholder: "e.g. mua-lua-chin",
    search_label: "Search text, author",
    apply_filters: "Filter",
    clear_filters: "Clear",
    total: |n| {
        if n == 1 {
            "1 comment".to_owned()
        } else {
            format!("{n} comments")
        }
    },
    empty: "No comments.",
    load_more: "Load more",
    load_failed: "The list could not be loaded.",
    retry: "Retry",
    list_label: "Comments",
    reply_to: |name| format!("Reply to {name}:"),
    held_for: |cause| match cause {
        "links" => "Has links",
        "reports" => "Hidden by reports",
        "contacts" => "Has a phone number, Zalo handle or e-mail",
        _ => "Has words to review",
    },
    reader: "Reader",
    client: "Network",
    no_email: "no e-mail",
    featured_badge: "Featured comment",
    rejected_for: "Rejected for:",
    decided_by: |name, at| format!("Decided by {name}, {at}"),
    likes: |n| {
        if n == 1 {
            "1 like".to_owned()
        } else {
            format!("{n} likes")
        }
    },
    approve: "Approve",
    reject: "Reject",
    feature: "Feature",
    unfeature: "Unfeature",
    mark: "Select",
    cancel: "Cancel",
    reasons_label: "Reason for rejecting",
    reason: |reason| match reason {
        Reason::Spam => "Spam/Advertising",
        Reason::Offensive => "Offensive",
        Reason::OffTopic => "Off topic",
        Reason::PersonalAttack => "Personal attack",
        Reason::Other => "Other",
    },
    history_heading: "Author history",
    history_counts: |approved, rejected| format!("{approved} published · {rejected} rejected"),
    history_none: "No other comments.",
    status: |status| match status {
        CommentStatus::Pending => "Pending",
        CommentStatus::Published => "Published",
        CommentStatus::Rejected => "Rejected",
    },
    toast_approved: "Approved",
    toast_rejected: "Rejected",
    toast_featured: "Comment featured",
    toast_unfeatured: "Comment unfeatured",
    toast_undone: "Undone",
    undo: "Undo",
    close: "Close",
    toasts_label: "Notifications",
    bulk_approved: |n| format!("Approved {n} comments"),
    bulk_rejected: |n| format!("Rejected {n} comments"),
    bulk_skipped: |n| format!("{n} comments skipped"),
    bulk_label: "Bulk actions",
    marked: |n| format!("{n} selected"),
    bulk_approve: "Approve all",
    bulk_reject: "Reject all",
    bulk_reason: "Reason",
    unmark_all: "Clear selection",
    mark_all: "Select all",
    keys_button: "Keys",
    keys_heading: "Keyboard shortcuts",
    keys: [
        ("j", "Next comment"),
        ("k", "Previous comment"),
        ("a", "Approve"),
        ("r", "Reject (choose a reason)"),
        ("1–5", "Pick the reason"),
        ("Esc", "Cancel"),
        ("f", "Feature / unfeature (published)"),
        ("x", "Select for bulk actions"),
        ("?", "Show the keys"),
    ],
    audit_heading: "Moderation log",
    audit_columns: ["Time", "Moderator", "Action", "Comment", "Reason"],
    audit_action: |action| match action {
        "approve" => "Approve",
        "reject" => "Reject",
        "feature" => "Feature",
        "unfeature" => "Unfeature",
        "undo" => "Undo",
        "keep" => "Keep",
        "hide" => "Hidden by reports",
        "ban" => "Ban",
        "unban" => "Unban",
        other => other,
    },
    audit_empty: "Nothing yet.",
    tab_policy: "Policy",
    policy_heading: "Comment policy",
    policy_version: |version, by, at| format!("Version {version}, saved by {by}, {at}"),
    policy_min_words: "Minimum words",
    policy_diacritics: "Require Vietnamese with diacritics",
    policy_links: "Links",
    policy_contacts: "Phone numbers, Zalo, e-mail",
    policy_max_chars: "Maximum length (characters)",
    policy_auto_close: "Close comments after (days; empty: never)",
    policy_hide_after_reports: "Hide a comment once this many readers report it (empty: never)",
    policy_banned: "Banned words (one a line; the comment is refused)",
    policy_suspect: "Suspect words (one a line; the comment waits for review)",
    policy_choice: |choice| match choice {
        "reject" => "Refuse",
        "hold" => "Hold for review",
        _ => "Allow",
    },
    policy_not_a_number: |field| {
        let name = match field {
            "min_words" => "Minimum words",
            "max_chars" => "Maximum length",
            "hide_after_reports" => "Reports",
            _ => "Days",
        };
        format!("{name}: please enter a number.")
    },
    policy_save: "Save a new version",
    policy_saved: |version| {
        format!("Version {version} saved. Every server applies it within seconds.")
    },
    preview_heading: "Try it on a comment",
    preview_placeholder: "Paste a comment to see what the edited policy does with it",
    preview_accepted: "Accepted",
    preview_held: "Held for review",
    preview_refused: "Refused",
    preview_words: |n| format!("{n} words"),
    tab_reported: "Reported",
    tab_bans: "Bans",
    reported_heading: "Reported comments",
    reported_empty: "No comment is reported.",
    reports: |n| {
        if n == 1 {
            "1 report".to_owned()
        } else {
            format!("{n} reports")
        }
    },
    report_reason: |reason| match reason {
        ReportReason::Spam => "Spam, advertising",
        ReportReason::Offensive => "Offensive",
        ReportReason::OffTopic => "Off topic",
        ReportReason::PersonalAttack => "Personal attack",
        ReportReason::FalseInformation => "False information",
        ReportReason::Other => "Other",
    },
    report_texts: "Readers wrote:",
    keep: "Keep",
    toast_kept: "Comment kept",
    ban: "Ban",
    ban_label: "Ban the author",
    ban_lengths: ["1 day", "7 days", "Permanently"],
    ban_note: "Note",
    ban_reject_pending: "Also reject their pending comments",
    ban_submit: "Ban the author",
    toast_banned: "Author banned",
    bans_heading: "Bans in force",
    bans_empty: "No one is banned.",
    bans_columns: ["Reader", "Comment", "Note", "By", "Until", ""],
    ban_forever: "Permanently",
    unban: "Unban",
    toast_unbanned: "Ban lifted",
};
