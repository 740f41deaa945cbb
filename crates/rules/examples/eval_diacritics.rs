//! Prints how the diacritics rule and the naive ≥ 50 %-marked baseline do on the evaluation
//! set: `cargo run --release -p binhluan-rules --example eval_diacritics`.

#[path = "../tools/eval.rs"]
mod eval;

fn main() {
    print!("{}", eval::report());
}
