//! English.

use super::Texts;

/// The English strings.
pub const TEXTS: Texts = Texts {
    site_name: "Bình Luận",
    skip_to_content: "Skip to main content",
    switch_language: "Tiếng Việt",
    switch_language_label: "Chuyển sang Tiếng Việt",
    views: |n| format!("{n} views"),
    published_at: "Published",
    image_missing: "Image unavailable",
    loading_article: "Loading the article…",
    article_load_failed: "The article could not be loaded. Check your connection and try again.",
    retry: "Try again",
    not_found_title: "Article not found",
    not_found_body: "The article you are looking for does not exist or has been taken down.",
    back_home: "Back to the front page",
    comments_heading: "Comments",
    rules_label: "Comment rules",
    rule_min_words: |n, diacritics| {
        if diacritics {
            format!("At least {n} Vietnamese words, with diacritics")
        } else {
            format!("At least {n} words")
        }
    },
    rule_no_links: "No links",
    rule_links_held: "Comments with links are reviewed before they appear",
    form_label: "Write a comment",
    reply_form_label: |name| format!("Reply to {name}"),
    name_label: "Name",
    email_label: "Email",
    email_note: "Optional. Your email is never published.",
    content_label: "Your comment",
    content_placeholder: "Share your view, in Vietnamese with diacritics…",
    submit: "Post comment",
    submitting: "Posting…",
    words_counter: |n, min| format!("{n}/{min} words"),
    rule_met: "met",
    rule_unmet: "not met",
    check_min_words: |n| format!("At least {n} words"),
    check_diacritics: "Vietnamese with diacritics",
    check_no_links: "No links",
    check_max_length: |n| format!("At most {n} characters"),
    check_banned_words: "No banned words",
    all_rules_met: "Your comment meets every rule.",
    name_too_short: "Please enter your name, at least 2 characters.",
    name_too_long: "Your name can be at most 50 characters.",
    name_has_control: "Your name must be one line, without special characters.",
    name_has_link: "Your name cannot contain a link.",
    email_invalid: "That email does not look right, e.g. name@example.com. You may leave it empty.",
    pending_notice: "Your comment is waiting for approval.",
    published_notice: "Your comment has been published.",
    pending_badge: "Awaiting approval",
    post_rejected: "The server did not accept the comment, for the reasons below.",
    post_rate_limited: |seconds| match seconds {
        Some(s) => format!("You are posting too fast. Please try again in {s} seconds."),
        None => "You are posting too fast. Please try again in a few minutes.".to_owned(),
    },
    post_too_large: "The comment is too large to send. Please shorten it.",
    post_network_failed: "The comment could not be sent: there is no connection.",
    post_server_failed: "The server is having trouble, so the comment was not sent.",
    post_conflict: "The comment changed while it was being sent. Please send it again.",
    text_kept: "What you wrote is kept; please try again.",
    comments_closed: "Comments are closed.",
    comments_need_javascript: "Writing and liking comments needs JavaScript.",
    featured: "Editors' pick",
    comment_count: |n| {
        if n == 1 {
            "1 comment".to_owned()
        } else {
            format!("{n} comments")
        }
    },
    sort_label: "Sort comments",
    sort_newest: "Newest",
    sort_top: "Most liked",
    loading_comments: "Loading comments…",
    no_comments: "No comments yet. Be the first!",
    comments_load_failed: "The comments could not be loaded.",
    comments_not_open: "Comments are not open for this article.",
    load_more: "Show more comments",
    more_replies: |n| {
        if n == 1 {
            "Show 1 more reply".to_owned()
        } else {
            format!("Show {n} more replies")
        }
    },
    reply: "Reply",
    cancel_reply: "Cancel",
    like: "Like",
    like_label: |n| {
        if n == 1 {
            "Like (1 like)".to_owned()
        } else {
            format!("Like ({n} likes)")
        }
    },
    like_failed: "Your like was not saved. Please try again.",
    report: "Report",
    report_reasons: [
        "Spam, advertising",
        "Offensive",
        "Off topic",
        "Personal attack",
        "False information",
        "Other",
    ],
    report_text: "Details (required for other)",
    report_send: "Send report",
    report_thanks: "Thanks, we will review it",
    report_failed: "The report could not be sent. Please try again.",
    restore_offer: "Add the marks for me",
    restore_working: "Adding the marks…",
    restore_title: "With the marks added. Tap a word to choose another form.",
    restore_nothing: "No word was found to add marks to.",
    restore_changed: "marks added",
    restore_forms: "Other forms of this word",
    restore_as_typed: " (as typed)",
    restore_accept: "Use this text",
    restore_dismiss: "Dismiss",
    restore_failed: "The marks could not be added. Your text is unchanged.",
    post_banned: |until| match until {
        Some(date) => format!("You cannot comment until {date}."),
        None => "You can no longer comment.".to_owned(),
    },
    just_now: "Just now",
    minutes_ago: |n| {
        if n == 1 {
            "1 minute ago".to_owned()
        } else {
            format!("{n} minutes ago")
        }
    },
    hours_ago: |n| {
        if n == 1 {
            "1 hour ago".to_owned()
        } else {
            format!("{n} hours ago")
        }
    },
    days_ago: |n| {
        if n == 1 {
            "1 day ago".to_owned()
        } else {
            format!("{n} days ago")
        }
    },
};
