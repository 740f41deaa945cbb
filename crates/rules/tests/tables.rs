//! The committed diacritics table is exactly what the derivation tool makes of the corpus:
//! nobody edited it by hand, and nobody changed the tool without regenerating it
//! (`cargo run -p binhluan-rules --example derive_tables`). The corpus is not in the
//! repository; it is read from the project's shared data folder (`../shared/data`, or
//! `BINHLUAN_DATA`). Without it, the table is checked for what can be checked alone: its
//! credit, its order and its weights.

#![cfg(not(target_arch = "wasm32"))]

#[path = "../tools/odds.rs"]
mod odds;

use std::path::Path;

#[test]
fn committed_table_matches_the_corpus() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let committed = std::fs::read_to_string(crate_dir.join(odds::TABLE)).expect("table file");
    let Some(corpus) = odds::read_corpus(crate_dir) else {
        eprintln!(
            "the corpus is not in {}: checking the table alone",
            odds::data_dir(crate_dir).display()
        );
        table_stands_alone(&committed);
        return;
    };
    assert!(
        committed == odds::derive(&corpus),
        "{} is stale: run `cargo run -p binhluan-rules --example derive_tables`",
        odds::TABLE
    );
}

/// The table credits its source, and lists forms shortest first, then alphabetically, each
/// with a weight letter from `A` (0) to `Z` (-25).
fn table_stands_alone(table: &str) {
    assert!(table.contains("UD_Vietnamese-VTB"), "the credit is missing");
    assert!(
        table.contains("Nguyen Phuong-Thai"),
        "the credit is missing"
    );
    let entries: Vec<&str> = table
        .lines()
        .filter(|line| !line.starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect();
    assert!(entries.len() > 1_000, "{} forms", entries.len());
    let forms: Vec<&str> = entries
        .iter()
        .map(|entry| {
            let (form, weight) = entry.split_at(entry.len() - 1);
            assert!(
                form.bytes().all(|b| b.is_ascii_lowercase())
                    && weight.chars().next().unwrap().is_ascii_uppercase(),
                "{entry}"
            );
            form
        })
        .collect();
    assert!(
        forms
            .windows(2)
            .all(|pair| (pair[0].len(), pair[0]) < (pair[1].len(), pair[1])),
        "forms out of order"
    );
}
