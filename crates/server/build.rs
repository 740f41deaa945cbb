//! Rebuilds the server when the folder of its embedded bundle changes (feature
//! `embedded-bundle`, `src/bundle.rs`).

fn main() {
    println!("cargo:rerun-if-env-changed=BINHLUAN_BUNDLE_DIR");
}
