//! What a reader's phone downloads: the release bundle stays within its byte budget.

use std::path::Path;
use std::process::Command;

use crate::support::bundle;

/// The gzip bytes of every file the app's page loads (index.html, its CSS, JS and wasm), as
/// `cargo bench --bench browser` reports them: 243,686 B when this budget was set (209,286 B
/// before the contact rule, reports and the ban notice, signed reader ids, "Thêm dấu tự
/// động" and the reader's own state beside the public thread: their bytes are listed in
/// ARCHITECTURE.md). The product's target is 120 KB; this guard catches what
/// silently grows the bundle, such as a call that pulls Unicode's NFC tables (about 65 KB
/// gzip) into the wasm, or serde's error formatting (about 15 KB).
const BUDGET: usize = 245_000;

fn gzip_size(path: &Path) -> usize {
    let output = Command::new("gzip")
        .arg("-9c")
        .arg(path)
        .output()
        .expect("gzip runs");
    assert!(output.status.success(), "gzip {}", path.display());
    output.stdout.len()
}

#[test]
fn the_release_bundle_stays_within_its_budget() {
    let dist = bundle::dist();
    let mut sizes: Vec<(String, usize)> = std::fs::read_dir(dist)
        .expect("dist is readable")
        .map(|entry| entry.expect("a dist entry").path())
        // embed.js is what host pages load instead of index.html: not part of the app's page.
        .filter(|path| path.is_file() && path.file_name().is_some_and(|name| name != "embed.js"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, gzip_size(&path))
        })
        .collect();
    sizes.sort();
    let total: usize = sizes.iter().map(|(_, size)| size).sum();
    assert!(
        sizes.iter().any(|(name, _)| name.ends_with(".wasm")),
        "the bundle has its wasm: {sizes:?}"
    );
    assert!(
        total <= BUDGET,
        "the app's page downloads {total} B gzip, over its budget of {BUDGET} B: {sizes:?}"
    );
}
