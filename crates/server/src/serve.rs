//! Serving connections with the bounds `axum::serve` has none of: hyper (through hyper-util)
//! with a header-read timer, which also closes keep-alive connections left idle; and, around
//! the router, a request timeout, a bound on requests in flight, and a JSON `500` for a
//! handler that panics instead of a dropped connection. Shutting down stops accepting and
//! finishes the requests in flight.

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::error_handling::HandleErrorLayer;
use axum::extract::Request;
use axum::response::{IntoResponse, Response};
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower::{BoxError, Service, ServiceBuilder, ServiceExt};
use tower_http::catch_panic::CatchPanicLayer;

use crate::error::ApiFailure;

/// How long a client may take, and how many requests may run at once.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// From the connection being ready for a request (new, or idle after a response) to its
    /// headers having arrived; past it the connection is closed.
    pub header_read_timeout: Duration,
    /// From the headers to the response's headers; past it, `408 request_timeout`.
    pub request_timeout: Duration,
    /// Requests handled at once; more are answered `503 overloaded` at once.
    pub max_concurrent_requests: usize,
}

/// `router` within the request bounds of `limits`.
pub fn bounded(router: Router, limits: Limits) -> Router {
    router.layer(
        ServiceBuilder::new()
            .layer(CatchPanicLayer::custom(panicked))
            .layer(HandleErrorLayer::new(over_limit))
            .load_shed()
            .layer(GlobalConcurrencyLimitLayer::new(
                limits.max_concurrent_requests,
            ))
            .timeout(limits.request_timeout),
    )
}

async fn over_limit(error: BoxError) -> Response {
    if error.is::<tower::timeout::error::Elapsed>() {
        ApiFailure::RequestTimeout.into_response()
    } else if error.is::<tower::load_shed::error::Overloaded>() {
        ApiFailure::Overloaded.into_response()
    } else {
        ApiFailure::Internal(anyhow::anyhow!("{error}")).into_response()
    }
}

fn panicked(payload: Box<dyn std::any::Any + Send>) -> Response {
    let message = payload
        .downcast_ref::<&str>()
        .map(|message| (*message).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    tracing::error!(%message, "a request handler panicked");
    ApiFailure::Panicked.into_response()
}

/// Serves `router` on `listener` until `shutdown` completes, then waits for the requests in
/// flight, at most the request timeout plus the header-read timeout. Each request knows its peer's address (`ConnectInfo<SocketAddr>`).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let mut make_service = router.into_make_service_with_connect_info::<SocketAddr>();
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    builder
        .http2()
        .timer(TokioTimer::new())
        .keep_alive_interval(limits.header_read_timeout)
        .keep_alive_timeout(limits.header_read_timeout);
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors, say: wait a moment rather than spin.
                    tracing::warn!(%error, "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(service) = make_service.call(peer).await;
        let service = TowerToHyperService::new(
            service.map_request(|request: Request<Incoming>| request.map(axum::body::Body::new)),
        );
        let connection = builder
            .serve_connection_with_upgrades(TokioIo::new(stream), service)
            .into_owned();
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that leaves, or a timer that closes its connection, is no error of ours.
            let _ = connection.await;
        });
    }
    drop(listener);
    // Requests in flight are bounded by the request timeout; a connection still open past it
    // (a client that never reads its answer) is dropped.
    let grace = limits.request_timeout + limits.header_read_timeout;
    if tokio::time::timeout(grace, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(
            ?grace,
            "connections still open at the end of the grace period: dropped"
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::routing::get;
    use tower::ServiceExt;

    use super::*;

    fn limits(max_concurrent_requests: usize) -> Limits {
        Limits {
            header_read_timeout: Duration::from_secs(5),
            request_timeout: Duration::from_millis(200),
            max_concurrent_requests,
        }
    }

    async fn answer(router: &Router, path: &str) -> (u16, serde_json::Value) {
        let response = router
            .clone()
            .oneshot(Request::get(path).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status().as_u16();
        let body = axum::body::to_bytes(response.into_body(), 1 << 16)
            .await
            .unwrap();
        (status, serde_json::from_slice(&body).unwrap_or_default())
    }

    async fn a_bug() -> &'static str {
        panic!("a bug")
    }

    #[tokio::test]
    async fn a_panicking_handler_answers_a_json_500() {
        let router = bounded(Router::new().route("/", get(a_bug)), limits(8));
        let (status, body) = answer(&router, "/").await;
        assert_eq!(status, 500);
        assert_eq!(body["error"], "internal");
        assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
    }

    #[tokio::test]
    async fn a_slow_handler_answers_a_json_408() {
        let router = bounded(
            Router::new().route(
                "/",
                get(|| async { std::future::pending::<&'static str>().await }),
            ),
            limits(8),
        );
        let (status, body) = answer(&router, "/").await;
        assert_eq!(status, 408);
        assert_eq!(body["error"], "request_timeout");
    }

    #[tokio::test]
    async fn requests_past_the_bound_are_shed_with_a_json_503() {
        let (entered, mut inside) = tokio::sync::mpsc::channel::<()>(1);
        let router = bounded(
            Router::new().route(
                "/",
                get(move || {
                    let entered = entered.clone();
                    async move {
                        let _ = entered.send(()).await;
                        std::future::pending::<&'static str>().await
                    }
                }),
            ),
            limits(1),
        );
        let first = tokio::spawn({
            let router = router.clone();
            async move { answer(&router, "/").await }
        });
        inside.recv().await.expect("the first request is in");
        let (status, body) = answer(&router, "/").await;
        assert_eq!(status, 503);
        assert_eq!(body["error"], "overloaded");
        assert_eq!(body["retry_after"], 1);
        assert_eq!(first.await.unwrap().0, 408, "the first one times out");
    }
}
