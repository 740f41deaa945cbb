//! Embeds the sample articles (`content/articles/*.json`) into the binary: writes
//! `$OUT_DIR/sample_articles.rs`, a list of `include_str!`s that `src/db/seed.rs` includes.

use std::path::{Path, PathBuf};
use std::{env, fs, io};

fn main() -> io::Result<()> {
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let articles_dir = manifest_dir.join("../../content/articles");
    println!("cargo::rerun-if-changed={}", articles_dir.display());

    let mut files: Vec<PathBuf> = fs::read_dir(&articles_dir)?
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<io::Result<_>>()?;
    files.retain(|path| {
        path.extension()
            .is_some_and(|extension| extension == "json")
    });
    files.sort();

    let entries: String = files
        .iter()
        .map(|path| include_entry(path))
        .collect::<io::Result<_>>()?;
    let source = format!(
        "/// The sample articles, as JSON.\nconst SAMPLE_ARTICLES: &[&str] = &[\n{entries}];\n"
    );
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo"));
    fs::write(out_dir.join("sample_articles.rs"), source)
}

fn include_entry(path: &Path) -> io::Result<String> {
    let absolute = path.canonicalize()?;
    println!("cargo::rerun-if-changed={}", absolute.display());
    Ok(format!(
        "    include_str!({:?}),\n",
        absolute.display().to_string()
    ))
}
