//! The diacritics rule on the evaluation set (text it was not tuned on) must beat the naive
//! baseline and stay above the figures recorded in the crate README.

#![cfg(not(target_arch = "wasm32"))]

#[path = "../tools/eval.rs"]
mod eval;

#[test]
fn the_model_beats_the_baseline() {
    let (model, baseline, _, _) = eval::evaluate();
    assert!(model.accuracy() > baseline.accuracy(), "{}", eval::report());
    assert!(
        model.genuine_accepted() > baseline.genuine_accepted(),
        "{}",
        eval::report()
    );
}
