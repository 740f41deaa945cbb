//! Live feedback under the comment box: the word counter, one line per rule, and the rules
//! crate's own messages and hints.
//!
//! The counter and the checklist follow every keystroke. Messages appear once the reader has
//! left the box or tried to post, so nobody is scolded mid-word; screen readers hear a short
//! summary, politely, once typing pauses.

use std::time::Duration;

use binhluan_rules::{LinkPolicy, Policy, Rule, Verdict, Violation};
use leptos::prelude::*;

use crate::i18n::{Lang, Texts, use_lang, use_texts};

/// How long typing must pause before screen readers hear the summary.
const ANNOUNCE_AFTER: Duration = Duration::from_millis(1200);

/// One line of the checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleLine {
    /// The rule.
    pub rule: Rule,
    /// What it asks, in the reader's language.
    pub label: String,
    /// Whether the text meets it.
    pub met: bool,
}

/// The checklist for `policy`, judged by `violations`: the rules the policy enforces, in the
/// order the reader meets them.
pub fn rule_lines(texts: &Texts, policy: &Policy, violations: &[Violation]) -> Vec<RuleLine> {
    let broken = |rule: Rule| violations.iter().any(|v| v.rule == rule);
    let mut lines = Vec::new();
    let mut line = |rule: Rule, label: String| {
        lines.push(RuleLine {
            rule,
            label,
            met: !broken(rule),
        });
    };
    if policy.min_words > 0 {
        line(Rule::MinWords, (texts.check_min_words)(policy.min_words));
    }
    if policy.require_diacritics {
        line(Rule::Diacritics, texts.check_diacritics.to_owned());
    }
    if policy.links == LinkPolicy::Reject {
        line(Rule::NoLinks, texts.check_no_links.to_owned());
    }
    line(Rule::MaxLength, (texts.check_max_length)(policy.max_chars));
    if !policy.banned_words.is_empty() {
        line(Rule::BannedWord, texts.check_banned_words.to_owned());
    }
    lines
}

/// The message of `violation` in `lang`.
pub fn violation_message(violation: &Violation, lang: Lang) -> &str {
    lang.pick(&violation.message, &violation.message_en)
}

/// The counter, the checklist, and (once `show_messages`) what to fix.
#[component]
pub fn Feedback(
    /// The element id screen readers reach the feedback by (`aria-describedby`).
    id: String,
    /// The verdict on the text.
    #[prop(into)]
    verdict: Signal<Verdict>,
    /// The rules being enforced.
    #[prop(into)]
    policy: Signal<Policy>,
    /// The violations to show: the live ones, or the server's after a refusal.
    #[prop(into)]
    violations: Signal<Vec<Violation>>,
    /// Whether the reader has left the box or tried to post.
    #[prop(into)]
    show_messages: Signal<bool>,
) -> impl IntoView {
    let texts = use_texts();
    let lang = use_lang();
    let counter = move || {
        let words = verdict.with(|v| v.words);
        (texts().words_counter)(words, policy.with(|p| p.min_words))
    };
    let counter_met = move || verdict.with(|v| v.words) >= policy.with(|p| p.min_words);
    let lines = move || {
        let texts = texts();
        let empty =
            verdict.with(|v| v.words == 0 && v.violations.iter().all(|x| x.rule == Rule::MinWords));
        policy
            .with(|policy| violations.with(|violations| rule_lines(texts, policy, violations)))
            .into_iter()
            .map(|line| {
                let state = match (line.met, empty) {
                    (false, _) => "is-unmet",
                    (true, true) => "is-idle",
                    (true, false) => "is-met",
                };
                let status = if line.met {
                    texts.rule_met
                } else {
                    texts.rule_unmet
                };
                view! {
                    <li class=state data-rule=rule_code(line.rule)>
                        <span class="rule-icon" aria-hidden="true"></span>
                        {line.label}
                        <span class="visually-hidden">{format!(": {status}")}</span>
                    </li>
                }
            })
            .collect_view()
    };
    let messages = move || {
        if !show_messages.get() {
            return Vec::new();
        }
        let lang = lang.get();
        let mut lines: Vec<String> = violations.with(|violations| {
            violations
                .iter()
                .map(|v| violation_message(v, lang).to_owned())
                .collect()
        });
        verdict.with(|v| {
            for hint in &v.hints {
                lines.push(lang.pick(&hint.message, &hint.message_en).to_owned());
            }
        });
        lines
    };
    view! {
        <div class="comment-feedback" id=id>
            <p class="word-counter" class:is-met=counter_met>{counter}</p>
            <ul class="rule-checklist">{lines}</ul>
            <ul class="rule-messages">
                {move || {
                    messages().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()
                }}
            </ul>
        </div>
        <Announcer verdict policy violations show_messages/>
    }
}

fn rule_code(rule: Rule) -> &'static str {
    match rule {
        Rule::MinWords => "min_words",
        Rule::Diacritics => "diacritics",
        Rule::NoLinks => "no_links",
        Rule::NoContacts => "no_contacts",
        Rule::MaxLength => "max_length",
        Rule::BannedWord => "banned_word",
        Rule::SuspectWord => "suspect_word",
    }
}

/// A polite live region that speaks a summary once the reader pauses, not on every keystroke.
#[component]
fn Announcer(
    verdict: Signal<Verdict>,
    policy: Signal<Policy>,
    violations: Signal<Vec<Violation>>,
    show_messages: Signal<bool>,
) -> impl IntoView {
    let texts = use_texts();
    let lang = use_lang();
    let announcement = RwSignal::new(String::new());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |previous: Option<()>| {
        let texts = texts();
        let words = verdict.with(|v| v.words);
        let mut summary = (texts.words_counter)(words, policy.with(|p| p.min_words));
        if show_messages.get() {
            let first = violations.with(|v| {
                v.first()
                    .map(|v| violation_message(v, lang.get()).to_owned())
            });
            summary.push_str(". ");
            summary.push_str(first.as_deref().unwrap_or(texts.all_rules_met));
        }
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        // The first run only primes the summary; there is nothing to announce yet.
        if previous.is_some() {
            let handle =
                set_timeout_with_handle(move || announcement.set(summary), ANNOUNCE_AFTER).ok();
            pending.set_value(handle);
        }
    });
    on_cleanup(move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
    });
    view! { <p class="visually-hidden" aria-live="polite" aria-atomic="true">{announcement}</p> }
}

#[cfg(test)]
mod tests {
    use super::rule_lines;
    use crate::i18n::{Lang, Translated};
    use binhluan_rules::{LinkPolicy, Policy, Rule, Violation};

    fn violation(rule: Rule) -> Violation {
        Violation {
            rule,
            message: String::new(),
            message_en: String::new(),
            spans: Vec::new(),
        }
    }

    #[test]
    fn the_seed_policy_has_four_lines() {
        let lines = rule_lines(
            Lang::Vi.texts(),
            &Policy::default(),
            &[violation(Rule::NoLinks)],
        );
        let summary: Vec<(Rule, &str, bool)> = lines
            .iter()
            .map(|l| (l.rule, l.label.as_str(), l.met))
            .collect();
        assert_eq!(
            summary,
            vec![
                (Rule::MinWords, "Tối thiểu 10 chữ", true),
                (Rule::Diacritics, "Viết Tiếng Việt có dấu", true),
                (Rule::NoLinks, "Không chứa liên kết", false),
                (Rule::MaxLength, "Tối đa 2000 ký tự", true),
            ]
        );
    }

    #[test]
    fn lines_follow_the_policy() {
        let policy = Policy {
            min_words: 0,
            require_diacritics: false,
            links: LinkPolicy::Hold,
            contacts: LinkPolicy::Reject,
            max_chars: 500,
            banned_words: vec!["xấu".to_owned()],
            auto_close_after_days: None,
            suspect_words: Vec::new(),
            hide_after_reports: None,
        };
        let rules: Vec<Rule> = rule_lines(Lang::En.texts(), &policy, &[])
            .iter()
            .map(|l| l.rule)
            .collect();
        assert_eq!(rules, vec![Rule::MaxLength, Rule::BannedWord]);
    }
}
