//! What an operations team relies on: `/healthz` says the process is alive; `/readyz` says
//! the database answers with every migration applied, and `503` when it does not (a database
//! that goes away, a migration missing), on SQLite and PostgreSQL alike; a live SQLite
//! database is backed up, checked and restored; every answer and log line carries the
//! request's id.

mod common;

use std::time::{Duration, Instant};

use common::{Backend, TestDatabase, TestServer, config, execute_sql};

suite! {
    health_and_readiness_follow_the_database,
}

async fn probe(server: &TestServer, path: &str) -> (u16, String) {
    let response = server.get(path).await;
    let status = response.status().as_u16();
    assert_eq!(response.headers()["cache-control"], "no-store");
    (status, response.text().await.unwrap())
}

/// Waits (up to 30 s) until `/readyz` answers `status`.
async fn wait_for_readiness(server: &TestServer, status: u16) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while probe(server, "/readyz").await.0 != status {
        assert!(Instant::now() < deadline, "/readyz never answered {status}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn health_and_readiness_follow_the_database(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(config(&database.url)).await;
    assert_eq!(probe(&server, "/healthz").await, (200, "ok\n".to_owned()));
    assert_eq!(probe(&server, "/readyz").await, (200, "ready\n".to_owned()));

    if backend == Backend::Postgres {
        // The database goes away: its connections are cut and no new one is allowed.
        let name = database.url.rsplit_once('/').unwrap().1.to_owned();
        let admin = common::postgres::admin_url();
        execute_sql(
            &admin,
            &format!("ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false"),
        )
        .await;
        execute_sql(
            &admin,
            &format!(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
            ),
        )
        .await;
        let started = Instant::now();
        assert_eq!(
            probe(&server, "/readyz").await,
            (503, "not ready\n".to_owned())
        );
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "answered promptly"
        );
        assert_eq!(probe(&server, "/healthz").await.0, 200, "still alive");
        execute_sql(
            &admin,
            &format!("ALTER DATABASE {name} WITH ALLOW_CONNECTIONS true"),
        )
        .await;
        wait_for_readiness(&server, 200).await;
    }

    // A database without a migration of this build is not ready.
    execute_sql(
        &database.url,
        "DELETE FROM _sqlx_migrations WHERE version = (SELECT MAX(version) FROM _sqlx_migrations)",
    )
    .await;
    assert_eq!(probe(&server, "/readyz").await.0, 503);
}

/// Runs `binhluan-server ARGS`; its exit status and what it printed (stdout, then stderr).
fn command(args: &[&str]) -> (bool, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_binhluan-server"))
        .args(args)
        .env("RUST_LOG", "warn")
        .output()
        .expect("the server binary runs");
    let said = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.success(), said)
}

/// The number of published comments on the sample article, as readers count them.
async fn published(server: &TestServer) -> u64 {
    let count = server
        .get_json(&format!("/api/articles/{}/comments/count", common::ARTICLE))
        .await;
    count["count"].as_u64().expect("a count")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_live_sqlite_database_is_backed_up_checked_and_restored() {
    let folder = tempfile::tempdir().unwrap();
    let live = format!("sqlite://{}", folder.path().join("live.db").display());
    let server = TestServer::start(config(&live)).await;
    for n in 0..10 {
        server.published_comment(n, None).await;
    }
    // Readers keep posting while the backup is taken.
    let busy = tokio::spawn({
        let (base, client) = (server.base.clone(), server.client.clone());
        async move {
            for n in 100..140 {
                let answer = client
                    .post(format!("{base}/api/articles/{}/comments", common::ARTICLE))
                    .header("Idempotency-Key", common::unique_key())
                    .json(&common::comment_body(n))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(answer.status(), 201, "posting goes on during the backup");
            }
        }
    });
    let backup = folder.path().join("backup.db");
    let backup_arg = backup.to_str().unwrap();
    let (ok, said) = command(&["backup", "--database-url", &live, backup_arg]);
    assert!(ok, "{said}");
    assert!(said.contains("is intact"), "{said}");
    busy.await.unwrap();
    let (again, said) = command(&["backup", "--database-url", &live, backup_arg]);
    assert!(!again && said.contains("never overwrites"), "{said}");

    // Not over a running server's database.
    let (ok, said) = command(&["restore", "--database-url", &live, backup_arg]);
    assert!(!ok && said.contains("stop the server first"), "{said}");

    // Into another place, then served: the comments published before the backup are there.
    let restored = format!("sqlite://{}", folder.path().join("restored.db").display());
    let (ok, said) = command(&["restore", "--database-url", &restored, backup_arg]);
    assert!(ok, "{said}");
    let copy = TestServer::start(config(&restored)).await;
    assert_eq!(published(&copy).await, 10);
    assert_eq!(probe(&copy, "/readyz").await.0, 200);
    copy.stop().await;

    // Over a stopped server's database: it is kept beside.
    server.stop().await;
    let (ok, said) = command(&["restore", "--database-url", &live, backup_arg]);
    assert!(ok, "{said}");
    assert!(folder.path().join("live.db.before-restore").is_file());

    // A damaged or foreign file is refused, and nothing is replaced.
    let damaged = folder.path().join("damaged.db");
    let mut bytes = std::fs::read(&backup).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle..middle + 4096].fill(0xA5);
    std::fs::write(&damaged, bytes).unwrap();
    let foreign = folder.path().join("foreign.db");
    execute_sql(
        &format!("sqlite://{}?mode=rwc", foreign.display()),
        "CREATE TABLE notes (text TEXT)",
    )
    .await;
    let before = std::fs::read(folder.path().join("live.db")).unwrap();
    for (file, why) in [
        (&damaged, "damaged"),
        (&foreign, "not a Bình Luận database"),
    ] {
        let (ok, said) = command(&["restore", "--database-url", &live, file.to_str().unwrap()]);
        assert!(!ok && said.contains(why), "{file:?}: {said}");
    }
    assert_eq!(
        std::fs::read(folder.path().join("live.db")).unwrap(),
        before
    );
}

#[test]
fn postgres_backups_are_pg_dumps() {
    let (ok, said) = command(&[
        "backup",
        "--database-url",
        "postgres://localhost/binhluan",
        "x.db",
    ]);
    assert!(!ok && said.contains("pg_dump"), "{said}");
}

/// The server's binary on `database_url` with `extra` flags, its stderr piped, once it
/// answers; its address.
async fn spawn_binary(database_url: &str, extra: &[&str]) -> (std::process::Child, String) {
    let port = common::postgres::free_port();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_binhluan-server"))
        .args(["--addr", &format!("127.0.0.1:{port}")])
        .args(["--database-url", database_url, "--post-rate-limit", "0"])
        .args(["--dist", "/nonexistent/binhluan-dist"])
        .args(["--moderation-token", common::TOKEN])
        .args(["--reader-secret", common::READER_SECRET])
        .arg("--content")
        .arg(common::content_folder())
        .args(extra)
        .env("RUST_LOG", "binhluan_server=info")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the server binary starts");
    let base = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(60);
    while reqwest::get(format!("{base}/healthz")).await.is_err() {
        assert!(Instant::now() < deadline, "the binary answers within 60 s");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    (child, base)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_answer_and_log_line_carries_the_request_id() {
    let database = TestDatabase::new(Backend::Sqlite).await;
    let (mut child, base) = spawn_binary(&database.url, &["--log-format", "json"]).await;
    let client = reqwest::Client::new();
    let answer = client.get(format!("{base}/healthz")).send().await.unwrap();
    let made = answer.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(made.len(), 36, "a new UUID: {made}");

    // An id from the proxy in front is kept, answered, and on the request's log lines.
    let posted = client
        .post(format!("{base}/api/articles/{}/comments", common::ARTICLE))
        .header("Idempotency-Key", common::unique_key())
        .header("X-Request-Id", "nginx-5f2c9a")
        .json(&common::comment_body(1))
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status(), 201);
    assert_eq!(posted.headers()["x-request-id"], "nginx-5f2c9a");
    child.kill().unwrap();
    let output = child.wait_with_output().unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&output.stderr)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|_| panic!("not JSON: {line}")))
        .collect();
    let posted_line = lines
        .iter()
        .find(|line| line["fields"]["message"] == "comment posted")
        .expect("the post is logged");
    assert_eq!(posted_line["span"]["id"], "nginx-5f2c9a", "{posted_line}");
    assert_eq!(posted_line["level"], "INFO");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_finishes_what_is_in_flight_and_loses_no_acknowledged_comment() {
    let database = TestDatabase::new(Backend::Sqlite).await;
    let (child, base) = spawn_binary(&database.url, &[]).await;
    let client = reqwest::Client::new();
    let views = async |base: &str| -> u64 {
        let article: serde_json::Value = client
            .get(format!("{base}/api/articles/{}", common::ARTICLE))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        article["views"].as_u64().unwrap()
    };
    let views_before = views(&base).await;
    // Three readers' views, counted in memory and not yet written.
    for _ in 0..3 {
        let viewed = client
            .post(format!("{base}/api/articles/{}/views", common::ARTICLE))
            .header("X-Reader-Id", common::reader(&common::unique_key()))
            .send()
            .await
            .unwrap();
        assert_eq!(viewed.status(), 200);
    }
    // Eight readers post without pause; SIGTERM arrives in the middle.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut posters = Vec::new();
    for reader in 0..8 {
        let (client, base, stop) = (client.clone(), base.clone(), stop.clone());
        posters.push(tokio::spawn(async move {
            let mut acknowledged = Vec::new();
            let mut n = reader * 1000;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                n += 1;
                let answer = client
                    .post(format!("{base}/api/articles/{}/comments", common::ARTICLE))
                    .header("Idempotency-Key", common::unique_key())
                    .json(&common::comment_body(n))
                    .send()
                    .await;
                match answer {
                    Ok(answer) if answer.status() == 201 => {
                        let created: serde_json::Value = answer.json().await.unwrap();
                        acknowledged.push(created["id"].as_i64().unwrap());
                    }
                    // Refused or cut off once the server stops accepting: not acknowledged.
                    _ => {}
                }
            }
            acknowledged
        }));
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let terminated = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(terminated.success());
    let output = tokio::task::spawn_blocking(move || child.wait_with_output())
        .await
        .unwrap()
        .unwrap();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    assert!(output.status.success(), "a clean exit: {:?}", output.status);
    assert!(String::from_utf8_lossy(&output.stderr).contains("binhluan-server stopped"));
    let mut acknowledged = Vec::new();
    for poster in posters {
        acknowledged.extend(poster.await.unwrap());
    }
    assert!(
        acknowledged.len() > 8,
        "posts were flowing: {}",
        acknowledged.len()
    );

    // Started again: every acknowledged comment is there, and the views were written.
    let (mut again, base) = spawn_binary(&database.url, &[]).await;
    for id in &acknowledged {
        let item = client
            .get(format!("{base}/api/moderation/comments/{id}"))
            .bearer_auth(common::TOKEN)
            .send()
            .await
            .unwrap();
        assert_eq!(item.status(), 200, "comment {id} was acknowledged");
    }
    assert_eq!(
        views(&base).await,
        views_before + 3,
        "the views were written"
    );
    again.kill().ok();
    again.wait().ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_cover_requests_posts_rules_limits_views_and_the_database() {
    let database = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(binhluan_server::Config {
        metrics_addr: Some("127.0.0.1:0".parse().unwrap()),
        post_rate_limit: 1,
        ..config(&database.url)
    })
    .await;
    let path = format!("/api/articles/{}/comments", common::ARTICLE);
    assert_eq!(server.get(&path).await.status(), 200);
    let refused = server
        .post_comment(
            &serde_json::json!({ "author_name": "An", "content": "Hay quá" }),
            &common::unique_key(),
        )
        .await;
    assert_eq!(refused.status(), 422);
    server.create_comment(&common::comment_body(1)).await;
    let limited = server
        .post_comment(&common::comment_body(2), &common::unique_key())
        .await;
    assert_eq!(limited.status(), 429);
    let viewed = server
        .client
        .post(server.url(&format!("/api/articles/{}/views", common::ARTICLE)))
        .send()
        .await
        .unwrap();
    assert_eq!(viewed.status(), 200);

    let url = server.metrics.clone().expect("metrics are served");
    let expected = [
        "binhluan_http_requests_total{route=\"/api/articles/{slug}/comments\",method=\"GET\",status=\"200\"}",
        "binhluan_http_request_duration_seconds_bucket{route=\"/api/articles/{slug}/comments\",method=\"POST\",le=\"0.005\"}",
        "binhluan_comment_posts_total{outcome=\"pending\"}",
        "binhluan_comment_posts_total{outcome=\"refused\"}",
        "binhluan_rule_refusals_total{rule=\"min_words\"}",
        "binhluan_rate_limited_total{limit=\"posts\"}",
        "binhluan_post_groups_total",
        "binhluan_post_group_size_count",
        "binhluan_view_batches_total",
        "binhluan_views_written_total",
        "binhluan_db_connections{state=\"idle\"}",
        "binhluan_moderation_queue{queue=\"pending\"}",
    ];
    // The views are written within a second, the gauges at start: wait for both.
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let text = server
            .client
            .get(&url)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let missing: Vec<&str> = expected
            .iter()
            .copied()
            .filter(|series| !text.lines().any(|line| line.starts_with(series)))
            .collect();
        if missing.is_empty() {
            break;
        }
        assert!(Instant::now() < deadline, "missing {missing:?} in:\n{text}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
