//! Writes `src/unmarked_odds.txt` from the corpus in `data/ud-vtb/`.
//!
//! Run from anywhere: `cargo run -p binhluan-rules --example derive_tables`.

#[path = "../tools/odds.rs"]
mod odds;

use std::path::Path;

fn main() -> std::io::Result<()> {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut corpus = String::new();
    for file in odds::CORPUS {
        corpus.push_str(&std::fs::read_to_string(crate_dir.join(file))?);
        corpus.push('\n');
    }
    let table = odds::derive(&corpus);
    std::fs::write(crate_dir.join(odds::TABLE), &table)?;
    println!("wrote {} ({} bytes)", odds::TABLE, table.len());
    Ok(())
}
