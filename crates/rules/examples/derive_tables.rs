//! Writes `src/unmarked_odds.txt` from the corpus in `../shared/data/ud-vtb/` (or in
//! `$BINHLUAN_DATA/ud-vtb/`).
//!
//! Run from anywhere: `cargo run -p binhluan-rules --example derive_tables`.

#[path = "../tools/odds.rs"]
mod odds;

use std::path::Path;

fn main() -> std::io::Result<()> {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Some(corpus) = odds::read_corpus(crate_dir) else {
        let data = odds::data_dir(crate_dir);
        return Err(std::io::Error::other(format!(
            "the corpus is not in {}: set BINHLUAN_DATA to the shared data folder",
            data.display()
        )));
    };
    let table = odds::derive(&corpus);
    std::fs::write(crate_dir.join(odds::TABLE), &table)?;
    println!("wrote {} ({} bytes)", odds::TABLE, table.len());
    Ok(())
}
