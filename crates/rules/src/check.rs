//! `check`: every rule of a newsroom's policy, run over one comment.

use crate::analysis::Analysis;
use crate::banned::Banned;
use crate::diacritics::{self, Cause};
use crate::messages::{self, Message};
use crate::policy::{ContactPolicy, LinkPolicy, Policy};
use crate::reading::{self, Kind};
use crate::verdict::{Hint, HintCode, Rule, Span, Verdict, Violation};
use crate::{contacts, graphemes, legacy, links, ranges, tokens};
use core::ops::Range;

/// The longest quotation of the reader's own text in a message, in characters.
const QUOTE_CHARS: usize = 30;

/// Checks `text` against `policy`. Violations come in the order of [`Rule`]; spans index the
/// text exactly as given, in characters, each violation's sorted and merged
/// ([`Violation::spans`]).
pub fn check(text: &str, policy: &Policy) -> Verdict {
    let analysis = Analysis::new(text);
    let chars = analysis.chars();
    let runs = tokens::runs(chars);
    let links = links::find(chars, &runs);
    let legacy = legacy::find(&analysis, &runs);
    let kinds = reading::read(&analysis, &runs, &links, &legacy);
    let words = kinds
        .iter()
        .filter(|kind| matches!(kind, Kind::Vietnamese { counted: true }))
        .count();

    let mut verdict = Verdict {
        ok: true,
        words,
        violations: Vec::new(),
        hints: Vec::new(),
        hold: false,
        held_for: Vec::new(),
    };
    if words < policy.min_words {
        let said = messages::min_words(policy.min_words, words, policy.require_diacritics);
        verdict
            .violations
            .push(violation(Rule::MinWords, said, Vec::new()));
    }
    if policy.require_diacritics
        && let Some(failure) = diacritics::judge(&runs, &kinds, &legacy)
    {
        let spans = spans(&analysis, &failure.ranges);
        let example = failure
            .quotable
            .then(|| quote(&analysis, failure.ranges.first()));
        let said = messages::diacritics(failure.cause, example.as_deref());
        verdict
            .violations
            .push(violation(Rule::Diacritics, said, spans));
        verdict.hints.push(hint(match failure.cause {
            Cause::NoDiacritics => HintCode::NoDiacritics,
            Cause::KeyboardOff => HintCode::KeyboardOff,
            Cause::LegacyEncoding => HintCode::LegacyEncoding,
            Cause::NotVietnamese => HintCode::NotVietnamese,
        }));
    }
    if !links.is_empty() {
        let spans = spans(&analysis, &links);
        match policy.links {
            LinkPolicy::Reject => {
                let said = messages::no_links(&quote(&analysis, links.first()), spans.len());
                verdict
                    .violations
                    .push(violation(Rule::NoLinks, said, spans));
            }
            LinkPolicy::Hold => verdict.held_for.push(Rule::NoLinks),
            LinkPolicy::Allow => {}
        }
    }
    if policy.contacts != ContactPolicy::Allow {
        let mut found = contacts::find(chars, &runs, &links);
        // A contact inside a link that is refused anyway (`ten@gmail.com`, `zalo.me/09…`) is
        // told once, as a link.
        if policy.links == LinkPolicy::Reject {
            found.retain(|c| !links.iter().any(|l| l.start <= c.start && c.end <= l.end));
        }
        if !found.is_empty() {
            if policy.contacts == ContactPolicy::Hold {
                verdict.held_for.push(Rule::NoContacts);
            } else {
                let spans = spans(&analysis, &found);
                let said = messages::no_contacts(&quote(&analysis, found.first()), spans.len());
                verdict
                    .violations
                    .push(violation(Rule::NoContacts, said, spans));
            }
        }
    }
    // A text of no more code points than the limit cannot have more characters: skip segmenting.
    let code_points = analysis.original_len();
    let mut starts = graphemes::cluster_starts(text);
    if code_points > policy.max_chars
        && let Some(cut) = starts.nth(policy.max_chars)
    {
        let length = policy.max_chars + 1 + starts.count();
        let said = messages::max_length(policy.max_chars, length);
        verdict.violations.push(violation(
            Rule::MaxLength,
            said,
            vec![Span(cut, code_points)],
        ));
    }
    let banned = Banned::new(&policy.banned_words).find(chars, &runs);
    if !banned.is_empty() {
        let spans = spans(&analysis, &banned);
        let said = messages::banned_word(&quote(&analysis, banned.first()));
        verdict
            .violations
            .push(violation(Rule::BannedWord, said, spans));
    }
    if !policy.suspect_words.is_empty()
        && !Banned::new(&policy.suspect_words)
            .find(chars, &runs)
            .is_empty()
    {
        verdict.held_for.push(Rule::SuspectWord);
    }
    if !verdict.held_for.is_empty() {
        verdict.hold = true;
        let said = messages::held(&verdict.held_for);
        verdict.hints.push(Hint {
            code: HintCode::HeldForReview,
            message: said.vi,
            message_en: said.en,
        });
    }
    verdict.ok = verdict.violations.is_empty();
    verdict
}

/// The spans in the text as typed of `ranges` of the analysis copy: sorted and merged once here,
/// for every violation (see [`Violation::spans`]). Ranges apart in the copy stay apart in the
/// text: every character of the copy comes from at least one of the text's.
fn spans(analysis: &Analysis, ranges: &[Range<usize>]) -> Vec<Span> {
    ranges::merge(ranges.to_vec())
        .into_iter()
        .map(|r| analysis.span(r))
        .collect()
}

fn violation(rule: Rule, said: Message, spans: Vec<Span>) -> Violation {
    Violation {
        rule,
        message: said.vi,
        message_en: said.en,
        spans,
    }
}

fn hint(code: HintCode) -> Hint {
    let said = messages::hint(code);
    Hint {
        code,
        message: said.vi,
        message_en: said.en,
    }
}

/// The reader's own words at `range` of the analysis copy (so invisible characters are left
/// out and NFC and NFD text quote alike), shortened to [`QUOTE_CHARS`].
fn quote(analysis: &Analysis, range: Option<&Range<usize>>) -> String {
    let Some(range) = range else {
        return String::new();
    };
    let words = &analysis.chars()[range.clone()];
    let mut quoted: String = words.iter().take(QUOTE_CHARS).collect();
    if words.len() > QUOTE_CHARS {
        quoted.push(messages::CUT);
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_finds_are_one_span() {
        let policy = Policy {
            banned_words: vec!["lừa đảo".into(), "lừa".into(), "đảo".into()],
            ..Policy::default()
        };
        let verdict = check("Đây là trò lừa đảo thôi, mọi người ơi", &policy);
        let banned = verdict
            .violations
            .iter()
            .find(|v| v.rule == Rule::BannedWord);
        assert_eq!(banned.map(|v| &v.spans[..]), Some(&[Span(11, 18)][..]));
        assert!(banned.is_some_and(|v| v.message.contains("lừa")));
    }
}
