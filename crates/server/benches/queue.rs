//! How fast the moderation desk's queue answers with 100,000 comments waiting (not a test:
//! it asserts nothing, it reports). A server runs in-process on a fresh SQLite file (or on
//! `BENCH_DATABASE_URL`, an empty PostgreSQL database), 100,000 pending comments are inserted
//! in one statement, and each request is timed over HTTP on loopback, 200 times:
//!
//! - the first page of the pending queue, a page 1,000 items deep (keyset cursor), the
//!   counts, one article's queue, and a search of the text;
//! - approving the oldest pending comment, the desk's most frequent write.
//!
//! `cargo bench -p binhluan-server --bench queue`

use std::time::{Duration, Instant};

use binhluan_api::{ModerationPage, Role};
use binhluan_server::{Config, Server, moderators};
use clap::Parser;

/// Comments waiting.
const COMMENTS: u32 = 100_000;
/// Requests timed per measure.
const ROUNDS: usize = 200;
/// The sample article every comment is on.
const ARTICLE: &str = "lan-toa-viec-hoc-va-lam-theo-bac-o-dang-bo-thi-xa-sa-pa";

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let url = std::env::var("BENCH_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}", dir.path().join("queue.db").display()));
    let config = Config::parse_from([
        "binhluan-server",
        "--addr=127.0.0.1:0",
        &format!("--database-url={url}"),
        "--moderation-token=bench-moderation-token-0123456789",
        &format!(
            "--content={}/../../content/articles",
            env!("CARGO_MANIFEST_DIR")
        ),
    ]);
    let server = Server::bind(&config).await.expect("the server starts");
    let base = format!("http://{}", server.local_addr().expect("an address"));
    tokio::spawn(server.run(std::future::pending()));
    seed(&url).await;
    let password = moderators::add(&url, "bench", Role::Moderator)
        .await
        .expect("an account");
    let client = reqwest::Client::new();
    let login = client
        .post(format!("{base}/api/moderation/session"))
        .json(&serde_json::json!({ "name": "bench", "password": password }))
        .send()
        .await
        .expect("log in");
    let cookie = login.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let csrf = login.json::<serde_json::Value>().await.unwrap()["csrf_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let get = |path: String| {
        let request = client
            .get(format!("{base}{path}"))
            .header("Cookie", cookie.clone());
        async move {
            let response = request.send().await.expect("an answer");
            assert!(
                response.status().is_success(),
                "{path}: {}",
                response.status()
            );
            response.bytes().await.expect("a body")
        }
    };

    let mut cursor = String::new();
    for _ in 0..10 {
        let page: ModerationPage = serde_json::from_slice(
            &get(format!(
                "/api/moderation/comments?limit=100&cursor={cursor}"
            ))
            .await,
        )
        .unwrap();
        cursor = page.next_cursor.expect("more pages");
    }
    println!("{COMMENTS} pending comments, {ROUNDS} requests each (p50 / p95 / max):");
    for (name, path) in [
        ("first page of 20", "/api/moderation/comments".to_owned()),
        (
            "page 1,000 deep",
            format!("/api/moderation/comments?cursor={cursor}"),
        ),
        ("counts", "/api/moderation/counts".to_owned()),
        (
            "one article's queue",
            format!("/api/moderation/comments?article={ARTICLE}"),
        ),
        (
            "search the text",
            "/api/moderation/comments?q=ngh%C3%ACn".to_owned(),
        ),
    ] {
        let mut times = Vec::with_capacity(ROUNDS);
        for _ in 0..ROUNDS {
            let start = Instant::now();
            get(path.clone()).await;
            times.push(start.elapsed());
        }
        report(name, &mut times);
    }
    let mut times = Vec::with_capacity(ROUNDS);
    for _ in 0..ROUNDS {
        let page: ModerationPage =
            serde_json::from_slice(&get("/api/moderation/comments?limit=1".to_owned()).await)
                .unwrap();
        let id = page.comments[0].comment.id;
        let start = Instant::now();
        let response = client
            .post(format!("{base}/api/moderation/comments/{id}/approve"))
            .header("Cookie", cookie.clone())
            .header("X-CSRF-Token", csrf.clone())
            .send()
            .await
            .expect("an answer");
        assert!(response.status().is_success());
        times.push(start.elapsed());
    }
    report("approve the oldest", &mut times);
}

/// Inserts the pending comments, each different, in one statement.
async fn seed(url: &str) {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(url).await.expect("the database");
    let start = Instant::now();
    sqlx::query(&format!(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {COMMENTS}) \
         INSERT INTO comments (article_slug, author_name, author_email, content, status, created_at, client_key, search_text) \
         SELECT '{ARTICLE}', 'Bạn đọc ' || i, 'ban-doc-' || (i % 5000) || '@example.vn', \
         'Bình luận số ' || i || ': bài viết rất hay, cảm ơn tòa soạn đã đưa tin, tôi có vài suy nghĩ.', \
         'pending', 1764000000000000 + i * 1000000, '203.0.113.' || (i % 250), \
         'bạn đọc ' || i || ' bình luận số ' || i || ': bài viết rất hay, cảm ơn tòa soạn đã đưa tin, tôi có vài suy nghĩ.' FROM n"
    ))
    .execute(&pool)
    .await
    .expect("the comments are inserted");
    if url.starts_with("postgres") {
        sqlx::query("ANALYZE comments").execute(&pool).await.ok();
    }
    pool.close().await;
    println!(
        "seeded {COMMENTS} comments in {:.1} s",
        start.elapsed().as_secs_f64()
    );
}

fn report(name: &str, times: &mut [Duration]) {
    times.sort_unstable();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "  {name:<22} {:>7.2} ms {:>7.2} ms {:>7.2} ms",
        at(0.5).as_secs_f64() * 1e3,
        at(0.95).as_secs_f64() * 1e3,
        at(1.0).as_secs_f64() * 1e3
    );
}
