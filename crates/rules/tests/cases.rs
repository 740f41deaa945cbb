//! The table of cases, checked natively, and the golden verdicts the browser test compares
//! against.
//!
//! `BLESS=1 cargo test -p binhluan-rules --test cases` rewrites `tests/data/golden.jsonl` from
//! the native verdicts (review the diff before committing it).

#![cfg(not(target_arch = "wasm32"))]

mod common;

use binhluan_rules::check;

#[test]
fn every_case_raises_exactly_its_rules() {
    let failures = common::failures();
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        common::cases().len(),
        failures.join("\n")
    );
}

#[test]
fn the_table_is_large_enough_to_cover_every_rule() {
    let cases = common::cases();
    assert!(cases.len() >= 200, "{} cases", cases.len());
}

#[test]
fn golden_verdicts_are_the_native_verdicts() {
    let verdicts: Vec<String> = common::cases()
        .iter()
        .map(|case| {
            serde_json::to_string(&check(&case.text, &case.policy)).expect("a verdict serializes")
        })
        .collect();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/golden.jsonl");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(path, verdicts.join("\n") + "\n").expect("golden file written");
        return;
    }
    let golden: Vec<String> = common::golden()
        .iter()
        .map(|v| serde_json::to_string(v).expect("serializes"))
        .collect();
    assert_eq!(golden.len(), verdicts.len(), "one golden verdict per case");
    for (i, (got, want)) in verdicts.iter().zip(&golden).enumerate() {
        assert_eq!(
            got, want,
            "case {i}: verdict differs from tests/data/golden.jsonl (BLESS=1 to regenerate)"
        );
    }
}
