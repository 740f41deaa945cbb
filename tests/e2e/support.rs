//! What every end-to-end test needs: the built app, a server, a browser.

mod browser;
mod bundle;
mod server;

pub use browser::Browser;
pub use server::{ServerOptions, TestServer};

/// The seed article's slug.
pub const SEED_SLUG: &str = "lan-toa-viec-hoc-va-lam-theo-bac-o-dang-bo-thi-xa-sa-pa";
