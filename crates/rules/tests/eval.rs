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

#[test]
fn the_model_keeps_its_recorded_figures() {
    let (model, _, hinted, right_hints) = eval::evaluate();
    assert!(model.accuracy() >= 0.99, "{}", eval::report());
    assert!(model.genuine_accepted() >= 0.99, "{}", eval::report());
    assert!(right_hints * 100 >= hinted * 95, "{}", eval::report());
}
