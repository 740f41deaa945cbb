//! Prometheus metrics, served on their own listener (`--metrics-addr`) so that they are never
//! on the public port by accident. Handlers count with the `metrics` macros; without a
//! metrics address nothing is recorded.

use std::net::SocketAddr;
use std::sync::Mutex;

use anyhow::Context;
use axum::Router;
use axum::routing::get;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use tokio::net::TcpListener;

/// The bounds of the latency histograms' buckets, in seconds: from a cached read to a slow
/// durable write.
const LATENCY_BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
];

/// The process's one recorder (a process can install only one), made on first need; servers
/// started at once in one process (tests) share it.
fn recorder() -> anyhow::Result<PrometheusHandle> {
    static HANDLE: Mutex<Option<PrometheusHandle>> = Mutex::new(None);
    let mut installed = HANDLE
        .lock()
        .map_err(|_| anyhow::anyhow!("the metrics recorder's lock is poisoned"))?;
    if let Some(handle) = installed.as_ref() {
        return Ok(handle.clone());
    }
    let handle = PrometheusBuilder::new()
        .set_buckets_for_metric(Matcher::Suffix("_seconds".to_owned()), LATENCY_BUCKETS)
        .context("invalid latency buckets")?
        .install_recorder()
        .context("cannot install the metrics recorder")?;
    *installed = Some(handle.clone());
    Ok(handle)
}

/// The metrics' listener, bound and ready to serve `GET /metrics`.
#[derive(Debug)]
pub struct MetricsListener {
    listener: TcpListener,
    handle: PrometheusHandle,
}

impl MetricsListener {
    /// Installs the recorder and binds `addr`.
    pub async fn bind(addr: SocketAddr) -> anyhow::Result<Self> {
        let handle = recorder()?;
        let listener = TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot serve metrics on {addr}"))?;
        Ok(Self { listener, handle })
    }

    /// The address it listens on.
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves `GET /metrics` in Prometheus's text format until the process ends.
    pub async fn serve(self) {
        let handle = self.handle;
        let router = Router::new().route("/metrics", get(move || async move { handle.render() }));
        if let Err(error) = axum::serve(self.listener, router).await {
            tracing::error!(%error, "the metrics listener stopped");
        }
    }
}
