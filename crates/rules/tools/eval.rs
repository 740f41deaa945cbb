//! Scores the diacritics rule on the labelled evaluation set `tests/eval/eval.jsonl` (text the
//! rules were not tuned on; see `tests/eval/make_eval.py`), against the naive baseline "at
//! least half of the words carry a mark". Shared by `examples/eval_diacritics.rs` (prints the
//! report) and `tests/eval.rs` (holds the model to it).

use binhluan_rules::{ContactPolicy, HintCode, LinkPolicy, Policy, Rule, check, strip_marks};
use serde::Deserialize;

/// One labelled text.
#[derive(Deserialize)]
pub struct Row {
    /// `genuine` (should pass), or how it was spoiled: `unaccented`, `telex`, `vni`, `tcvn3`,
    /// `vni_windows`, `viqr`, `english` (should fail).
    pub label: String,
    /// The text.
    pub text: String,
}

/// The evaluation set.
pub fn rows() -> Vec<Row> {
    include_str!("../tests/eval/eval.jsonl")
        .lines()
        .map(|line| serde_json::from_str(line).expect("an evaluation row"))
        .collect()
}

/// Only the diacritics rule, so nothing else decides.
fn policy() -> Policy {
    Policy {
        min_words: 0,
        require_diacritics: true,
        links: LinkPolicy::Allow,
        contacts: ContactPolicy::Allow,
        max_chars: usize::MAX,
        banned_words: Vec::new(),
        auto_close_after_days: None,
        suspect_words: Vec::new(),
        hide_after_reports: None,
    }
}

/// The rule's decision and hint for `text`: `None` when it passes.
pub fn model(text: &str) -> Option<Option<HintCode>> {
    let verdict = check(text, &policy());
    verdict
        .violations
        .iter()
        .any(|v| v.rule == Rule::Diacritics)
        .then(|| verdict.hints.first().map(|h| h.code))
}

/// The naive baseline: the text passes when at least half of its words carry a mark.
pub fn baseline_rejects(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    let marked = words.iter().filter(|w| strip_marks(w) != **w).count();
    words.is_empty() || marked * 2 < words.len()
}

/// Counts of decisions, with "reject" as the positive class (the rule's job is to catch
/// comments not written in Vietnamese with marks).
#[derive(Default, Clone, Copy)]
pub struct Score {
    /// Spoiled texts rejected.
    pub caught: usize,
    /// Spoiled texts let through.
    pub missed: usize,
    /// Genuine texts rejected.
    pub wrongly_rejected: usize,
    /// Genuine texts accepted.
    pub accepted: usize,
}

impl Score {
    fn add(&mut self, genuine: bool, rejected: bool) {
        match (genuine, rejected) {
            (false, true) => self.caught += 1,
            (false, false) => self.missed += 1,
            (true, true) => self.wrongly_rejected += 1,
            (true, false) => self.accepted += 1,
        }
    }

    /// Of the rejected texts, the share that deserved it.
    pub fn precision(&self) -> f64 {
        ratio(self.caught, self.caught + self.wrongly_rejected)
    }

    /// Of the spoiled texts, the share rejected.
    pub fn recall(&self) -> f64 {
        ratio(self.caught, self.caught + self.missed)
    }

    /// Of all texts, the share decided right.
    pub fn accuracy(&self) -> f64 {
        ratio(
            self.caught + self.accepted,
            self.caught + self.missed + self.wrongly_rejected + self.accepted,
        )
    }

    /// Of the genuine texts, the share accepted.
    pub fn genuine_accepted(&self) -> f64 {
        ratio(self.accepted, self.accepted + self.wrongly_rejected)
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// The hint a spoiled text of `label` should get.
fn expected_hint(label: &str) -> Option<HintCode> {
    match label {
        "unaccented" => Some(HintCode::NoDiacritics),
        "telex" | "vni" => Some(HintCode::KeyboardOff),
        "tcvn3" | "vni_windows" | "viqr" => Some(HintCode::LegacyEncoding),
        "english" => Some(HintCode::NotVietnamese),
        _ => None,
    }
}

/// The model's and the baseline's scores, and how many rejected spoiled texts got the right hint.
pub fn evaluate() -> (Score, Score, usize, usize) {
    let (mut model_score, mut baseline_score) = (Score::default(), Score::default());
    let (mut hinted, mut right_hints) = (0, 0);
    for row in rows() {
        let genuine = row.label == "genuine";
        let decision = model(&row.text);
        model_score.add(genuine, decision.is_some());
        baseline_score.add(genuine, baseline_rejects(&row.text));
        if let (false, Some(hint)) = (genuine, decision) {
            hinted += 1;
            right_hints += usize::from(hint == expected_hint(&row.label));
        }
    }
    (model_score, baseline_score, hinted, right_hints)
}

/// A printable report: per label, then overall.
pub fn report() -> String {
    let rows = rows();
    let mut labels: Vec<&str> = Vec::new();
    for row in &rows {
        if !labels.contains(&row.label.as_str()) {
            labels.push(&row.label);
        }
    }
    let mut out = format!(
        "{:<12} {:>5} {:>14} {:>14}\n",
        "label", "texts", "model right", "baseline right"
    );
    for label in labels {
        let of_label: Vec<&Row> = rows.iter().filter(|r| r.label == label).collect();
        let genuine = label == "genuine";
        let model_right = of_label
            .iter()
            .filter(|r| model(&r.text).is_none() == genuine)
            .count();
        let baseline_right = of_label
            .iter()
            .filter(|r| baseline_rejects(&r.text) != genuine)
            .count();
        out += &format!(
            "{label:<12} {:>5} {model_right:>14} {baseline_right:>14}\n",
            of_label.len()
        );
    }
    let (model_score, baseline_score, hinted, right_hints) = evaluate();
    for (name, s) in [("model", model_score), ("baseline", baseline_score)] {
        out += &format!(
            "{name:<9} precision {:.3}  recall {:.3}  accuracy {:.3}  genuine accepted {:.3}\n",
            s.precision(),
            s.recall(),
            s.accuracy(),
            s.genuine_accepted()
        );
    }
    out += &format!(
        "model hints: {right_hints} of {hinted} rejected spoiled texts got the expected hint\n"
    );
    out
}
