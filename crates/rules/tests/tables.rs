//! The committed diacritics table is exactly what the derivation tool makes of the committed
//! corpus: nobody edited it by hand, and nobody changed the tool or the corpus without
//! regenerating it (`cargo run -p binhluan-rules --example derive_tables`).

#![cfg(not(target_arch = "wasm32"))]

#[path = "../tools/odds.rs"]
mod odds;

use std::path::Path;

#[test]
fn committed_table_matches_the_corpus() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut corpus = String::new();
    for file in odds::CORPUS {
        corpus.push_str(&std::fs::read_to_string(crate_dir.join(file)).expect("corpus file"));
        corpus.push('\n');
    }
    let committed = std::fs::read_to_string(crate_dir.join(odds::TABLE)).expect("table file");
    assert!(
        committed == odds::derive(&corpus),
        "{} is stale: run `cargo run -p binhluan-rules --example derive_tables`",
        odds::TABLE
    );
}
