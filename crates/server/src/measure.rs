//! What the server counts for its operators' dashboards, with the `metrics` macros (exported
//! by `metrics_endpoint.rs` on `--metrics-addr`; without it nothing is recorded). Every name
//! starts with `binhluan_`.

use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;

use crate::db::Db;

/// Counts each API request by route, method and status, and times it
/// (`binhluan_http_requests_total`, `binhluan_http_request_duration_seconds`). A route layer:
/// the route is the matched pattern (`/api/comments/{id}/like`), never the raw path.
pub async fn requests(matched: MatchedPath, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let route = matched.as_str().to_owned();
    let method = request.method().as_str().to_owned();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics::histogram!(
        "binhluan_http_request_duration_seconds",
        "route" => route.clone(),
        "method" => method.clone()
    )
    .record(started.elapsed().as_secs_f64());
    metrics::counter!(
        "binhluan_http_requests_total",
        "route" => route,
        "method" => method,
        "status" => status
    )
    .increment(1);
    response
}

/// A comment post's outcome: `published`, `pending` or `refused`
/// (`binhluan_comment_posts_total`).
pub fn post(outcome: &'static str) {
    metrics::counter!("binhluan_comment_posts_total", "outcome" => outcome).increment(1);
}

/// A rule that refused a post (`binhluan_rule_refusals_total`, by the rule's code).
pub fn rule_refusal(rule: binhluan_rules::Rule) {
    let code = serde_json::to_value(rule)
        .ok()
        .and_then(|code| code.as_str().map(str::to_owned))
        .unwrap_or_default();
    metrics::counter!("binhluan_rule_refusals_total", "rule" => code).increment(1);
}

/// A request refused by one of the rate limits (`binhluan_rate_limited_total`, by limit).
pub fn rate_limited(limit: &'static str) {
    metrics::counter!("binhluan_rate_limited_total", "limit" => limit).increment(1);
}

/// One group commit of `posts` posts on SQLite (`binhluan_post_groups_total`, and their sizes
/// in `binhluan_post_group_size`: near 1 while posts are few, larger while they queue).
pub fn post_group(posts: usize) {
    metrics::counter!("binhluan_post_groups_total").increment(1);
    metrics::histogram!("binhluan_post_group_size").record(posts as f64);
}

/// One batch of views written (`binhluan_view_batches_total`), holding `views` views of
/// `articles` articles (`binhluan_views_written_total`).
pub fn view_batch(articles: usize, views: u64) {
    metrics::counter!("binhluan_view_batches_total").increment(1);
    metrics::counter!("binhluan_views_written_total").increment(views);
    metrics::histogram!("binhluan_view_batch_articles").record(articles as f64);
}

/// The gauges read from the database: its pool (`binhluan_db_connections`, by state) and the
/// desk's queues (`binhluan_moderation_queue`, by queue).
pub async fn database(db: &Db) {
    let (size, idle) = db.pool_size();
    metrics::gauge!("binhluan_db_connections", "state" => "idle").set(f64::from(idle));
    metrics::gauge!("binhluan_db_connections", "state" => "in_use")
        .set(f64::from(size.saturating_sub(idle)));
    match db.queue_counts().await {
        Ok(counts) => {
            for (queue, count) in [("pending", counts.pending), ("reported", counts.reported)] {
                metrics::gauge!("binhluan_moderation_queue", "queue" => queue).set(count as f64);
            }
        }
        Err(error) => tracing::warn!(%error, "cannot count the moderation queues"),
    }
}
