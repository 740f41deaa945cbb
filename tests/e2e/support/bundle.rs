//! The release bundle the tests serve, built once per test run with trunk, as `scripts/run`
//! builds it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The `dist/` directory of a fresh `trunk build --release`.
pub fn dist() -> &'static Path {
    static DIST: OnceLock<PathBuf> = OnceLock::new();
    DIST.get_or_init(build)
}

fn build() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dist = root.join("target").join("e2e-dist");
    // wasm-opt comes from npm (scripts/setup); trunk finds it on PATH.
    let path = format!(
        "{}:{}",
        root.join("node_modules").join(".bin").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let status = Command::new("trunk")
        .args(["build", "--release", "--dist"])
        .arg(&dist)
        .current_dir(root)
        .env("PATH", &path)
        // trunk runs cargo; do not let this test's own build settings leak into it.
        .env_remove("CARGO_TARGET_DIR")
        .status()
        .expect("trunk runs (scripts/setup installs it)");
    assert!(status.success(), "trunk build --release failed");
    assert!(
        dist.join("index.html").is_file(),
        "trunk wrote no index.html"
    );
    // The moderation desk, a bundle of its own in `kiem-duyet/`: built second, since the
    // reader's build empties its dist folder.
    let desk = dist.join("kiem-duyet");
    let status = Command::new("trunk")
        .args(["build", "--release", "--dist"])
        .arg(&desk)
        .current_dir(root.join("crates").join("desk"))
        .env("PATH", &path)
        .env_remove("CARGO_TARGET_DIR")
        .status()
        .expect("trunk runs (scripts/setup installs it)");
    assert!(status.success(), "trunk build --release of the desk failed");
    assert!(
        desk.join("index.html").is_file(),
        "trunk wrote no kiem-duyet/index.html"
    );
    dist
}
