//! What every end-to-end test needs: the built app, a server, a browser.

mod browser;
pub mod bundle;
pub mod desk;
mod host_site;
// The server tests' throwaway PostgreSQL cluster, for the tests that run on PostgreSQL;
// the browser tests use only part of what the server tests use from it.
#[allow(dead_code)]
#[path = "../../../crates/server/tests/common/postgres.rs"]
mod postgres;
mod server;

use std::time::Duration;

pub use browser::Browser;
pub use host_site::HostSite;
pub use server::{ServerOptions, TestServer};

/// How long a test waits for what it expects (the browser's page, the server's state) before
/// it fails.
const PATIENCE: Duration = Duration::from_secs(30);

/// The seed article's slug.
pub const SEED_SLUG: &str = "lan-toa-viec-hoc-va-lam-theo-bac-o-dang-bo-thi-xa-sa-pa";

/// The second sample article's slug.
pub const SECOND_SLUG: &str = "mua-lua-chin-tren-ruong-bac-thang-sa-pa";
