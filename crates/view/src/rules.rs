//! The rules, stated under the heading as the newsroom states them.

use binhluan_rules::{LinkPolicy, Policy};
use leptos::prelude::*;

use crate::i18n::use_texts;

/// "Tối thiểu 10 chữ Tiếng việt có dấu", "Không chứa liên kết": one line per rule of `policy`.
#[component]
pub fn RulesList(
    /// The newsroom's rules, one line each.
    #[prop(into)]
    policy: Signal<Policy>,
) -> impl IntoView {
    let texts = use_texts();
    let lines = move || {
        let texts = texts();
        policy.with(|policy| {
            let mut lines = Vec::new();
            if policy.min_words > 0 {
                lines.push((texts.rule_min_words)(
                    policy.min_words,
                    policy.require_diacritics,
                ));
            } else if policy.require_diacritics {
                lines.push(texts.check_diacritics.to_owned());
            }
            match policy.links {
                LinkPolicy::Reject => lines.push(texts.rule_no_links.to_owned()),
                LinkPolicy::Hold => lines.push(texts.rule_links_held.to_owned()),
                LinkPolicy::Allow => {}
            }
            lines
        })
    };
    view! {
        <ul class="comment-rules" aria-label=move || texts().rules_label>
            {move || lines().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
        </ul>
    }
}
