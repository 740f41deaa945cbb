//! The table of cases inside headless Chromium: the wasm build raises exactly the same rules
//! and returns exactly the same verdicts (spans, messages, hints) as the native build, whose
//! verdicts are committed in `tests/data/golden.jsonl`.
//!
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p binhluan-rules --target wasm32-unknown-unknown`

#![cfg(target_arch = "wasm32")]

mod common;

use binhluan_rules::check;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn every_case_raises_exactly_its_rules_in_the_browser() {
    let failures = common::failures();
    assert!(
        failures.is_empty(),
        "{} cases fail in wasm:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[wasm_bindgen_test]
fn wasm_verdicts_are_the_native_verdicts() {
    let cases = common::cases();
    let golden = common::golden();
    assert_eq!(cases.len(), golden.len(), "one golden verdict per case");
    for (i, (case, native)) in cases.iter().zip(&golden).enumerate() {
        assert_eq!(
            &check(&case.text, &case.policy),
            native,
            "case {i} ({})",
            case.note
        );
    }
}
