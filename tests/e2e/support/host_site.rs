//! A newsroom's own site on another origin than the comment server: it serves the pages of
//! `examples/embed/` (pointed at the test's comment server) and pages a test writes.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use tokio::net::TcpListener;

/// The address the example pages name for the comment server.
const EXAMPLE_SERVER: &str = "http://127.0.0.1:3000";

/// A bound site, not serving yet: its origin must be known before the comment server starts,
/// which must allow it.
pub struct HostSite {
    listener: TcpListener,
}

impl HostSite {
    /// Binds a free loopback port.
    pub async fn bind() -> HostSite {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("a free port");
        HostSite { listener }
    }

    /// The site's origin, `http://127.0.0.1:PORT`.
    pub fn origin(&self) -> String {
        format!("http://{}", self.address())
    }

    fn address(&self) -> SocketAddr {
        self.listener.local_addr().expect("a bound address")
    }

    /// Serves the example pages and `extra` (name → HTML), with every mention of the example
    /// comment server replaced by `comment_server`; returns the site's origin.
    pub fn serve(self, comment_server: &str, extra: &[(&str, String)]) -> String {
        let origin = self.origin();
        let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/embed");
        let mut pages = HashMap::new();
        for entry in std::fs::read_dir(examples).expect("examples/embed exists") {
            let path = entry.expect("a directory entry").path();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_owned();
            pages.insert(
                name,
                std::fs::read_to_string(&path).expect("an example page"),
            );
        }
        for (name, html) in extra {
            pages.insert((*name).to_owned(), html.clone());
        }
        let pages: HashMap<String, String> = pages
            .into_iter()
            .map(|(name, html)| (name, html.replace(EXAMPLE_SERVER, comment_server)))
            .collect();
        let app = Router::new()
            .route("/{name}", axum::routing::get(page))
            .with_state(Arc::new(pages));
        tokio::spawn(async move {
            let _ = axum::serve(self.listener, app).await;
        });
        origin
    }
}

async fn page(
    State(pages): State<Arc<HashMap<String, String>>>,
    Path(name): Path<String>,
) -> Response {
    match pages.get(&name) {
        Some(html) => (
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            html.clone(),
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
