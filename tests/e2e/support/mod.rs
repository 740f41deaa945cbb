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

use std::fmt::Debug;
use std::time::Duration;

pub use browser::Browser;
pub use host_site::HostSite;
pub use server::{ServerOptions, TestServer};

/// How long a test waits for what it expects (the browser's page, the server's state) before
/// it fails.
const PATIENCE: Duration = Duration::from_secs(30);

/// How often a test asks again while it waits.
const POLL: Duration = Duration::from_millis(50);

/// What `probe` finds once it finds it: asks again every [`POLL`] while it answers `Err` (what
/// it saw instead), and fails the test with `what` and the last answer after [`PATIENCE`]. For
/// what a test can only ask about (the server's stored state, the page's DOM), not wait on.
pub async fn eventually<T, E: Debug, F: Future<Output = Result<T, E>>>(
    what: &str,
    mut probe: impl FnMut() -> F,
) -> T {
    let deadline = tokio::time::Instant::now() + PATIENCE;
    loop {
        match probe().await {
            Ok(found) => return found,
            Err(seen) if tokio::time::Instant::now() > deadline => {
                panic!("timed out waiting for {what}; the last answer was {seen:?}")
            }
            Err(_) => tokio::time::sleep(POLL).await,
        }
    }
}

/// The seed article's slug.
pub const SEED_SLUG: &str = "lan-toa-viec-hoc-va-lam-theo-bac-o-dang-bo-thi-xa-sa-pa";

/// The second sample article's slug.
pub const SECOND_SLUG: &str = "mua-lua-chin-tren-ruong-bac-thang-sa-pa";
