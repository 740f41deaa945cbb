//! The table of cases (`tests/data/cases.json`) and the golden verdicts
//! (`tests/data/golden.jsonl`), shared by the native and the browser tests.

use binhluan_rules::{HintCode, Policy, Rule, Verdict, check};
use serde::Deserialize;

/// One row of the table.
#[derive(Deserialize)]
pub struct Case {
    /// What the row is about.
    pub note: String,
    /// The comment.
    pub text: String,
    /// Every rule the comment must break, and no other.
    pub rules: Vec<Rule>,
    /// The policy, when not the default (fields not given keep their defaults).
    #[serde(default)]
    pub policy: Policy,
    /// The word count it must have, when given.
    pub words: Option<usize>,
    /// The hint codes it must have, in order, when given.
    pub hints: Option<Vec<HintCode>>,
    /// Whether it must be held for a moderator, when given.
    pub hold: Option<bool>,
    /// Why it must be held, in order, when given.
    pub held_for: Option<Vec<Rule>>,
}

/// The table.
pub fn cases() -> Vec<Case> {
    serde_json::from_str(include_str!("../data/cases.json")).expect("cases.json is a list of cases")
}

/// The golden verdicts, one line per case, as generated natively.
pub fn golden() -> Vec<Verdict> {
    include_str!("../data/golden.jsonl")
        .lines()
        .map(|line| serde_json::from_str(line).expect("a verdict per line"))
        .collect()
}

/// What is wrong with `verdict` as the verdict of `case`; empty when it is as expected.
pub fn problems(case: &Case, verdict: &Verdict) -> Vec<String> {
    let mut problems = Vec::new();
    let mut raised: Vec<Rule> = verdict.violations.iter().map(|v| v.rule).collect();
    raised.sort();
    let mut expected = case.rules.clone();
    expected.sort();
    if raised != expected {
        problems.push(format!("rules {raised:?}, expected {expected:?}"));
    }
    if verdict.ok != expected.is_empty() {
        problems.push(format!("ok is {}", verdict.ok));
    }
    if let Some(words) = case.words
        && verdict.words != words
    {
        problems.push(format!("{} words, expected {words}", verdict.words));
    }
    if let Some(hints) = &case.hints {
        let given: Vec<HintCode> = verdict.hints.iter().map(|h| h.code).collect();
        if &given != hints {
            problems.push(format!("hints {given:?}, expected {hints:?}"));
        }
    }
    if let Some(hold) = case.hold
        && verdict.hold != hold
    {
        problems.push(format!("hold is {}, expected {hold}", verdict.hold));
    }
    if let Some(held_for) = &case.held_for
        && &verdict.held_for != held_for
    {
        problems.push(format!(
            "held for {:?}, expected {held_for:?}",
            verdict.held_for
        ));
    }
    if verdict.hold == verdict.held_for.is_empty() {
        problems.push("hold and held_for disagree".to_owned());
    }
    let length = case.text.chars().count();
    for violation in &verdict.violations {
        for span in &violation.spans {
            if span.0 >= span.1 || span.1 > length {
                problems.push(format!(
                    "{:?} span {span:?} outside the text ({length} characters)",
                    violation.rule
                ));
            }
        }
        if violation.message.is_empty() || violation.message_en.is_empty() {
            problems.push(format!("{:?} has an empty message", violation.rule));
        }
    }
    problems
}

/// Checks every case; returns a report of the failing ones (empty when all pass).
pub fn failures() -> Vec<String> {
    cases()
        .iter()
        .enumerate()
        .filter_map(|(i, case)| {
            let found = problems(case, &check(&case.text, &case.policy));
            (!found.is_empty()).then(|| {
                format!(
                    "case {i} ({}): {:?}\n  {}",
                    case.note,
                    case.text,
                    found.join("\n  ")
                )
            })
        })
        .collect()
}
