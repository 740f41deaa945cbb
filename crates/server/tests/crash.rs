//! Kill -9 in the middle of posting: every comment that got a `201` is there after a restart.

mod common;

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use binhluan_api::CommentPage;
use common::{ARTICLE, TOKEN, comment_body};
use reqwest::Client;

/// Concurrent clients posting while the server is killed.
const CLIENTS: usize = 8;
/// Kill-and-restart rounds.
const ROUNDS: usize = 3;

fn spawn_server(database: &Path, port: u16) -> Child {
    Command::new(env!("CARGO_BIN_EXE_binhluan-server"))
        .args(["--addr", &format!("127.0.0.1:{port}")])
        .args([
            "--database-url",
            &format!("sqlite://{}", database.display()),
        ])
        .args([
            "--moderation-token",
            TOKEN,
            "--post-rate-limit",
            "0",
            "--dist",
            "/nonexistent/dist",
            "--content",
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/articles"),
        ])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server binary starts")
}

async fn wait_until_ready(client: &Client, base: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if client
            .get(format!("{base}/api/policy"))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not start within 30 s");
}

/// Every comment the moderation API lists (pending, as the server pre-moderates).
async fn stored_ids(client: &Client, base: &str) -> Vec<(i64, String)> {
    let mut stored = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut url = format!("{base}/api/moderation/comments?status=pending&limit=100");
        if let Some(cursor) = &cursor {
            url.push_str(&format!("&cursor={cursor}"));
        }
        let page: CommentPage = client
            .get(url)
            .bearer_auth(TOKEN)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .expect("a page");
        stored.extend(
            page.comments
                .into_iter()
                .map(|comment| (comment.id, comment.content)),
        );
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => return stored,
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_comments_survive_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("crash.db");
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let client = Client::new();
    let acknowledged: Arc<Mutex<Vec<(i64, String)>>> = Arc::default();

    for round in 0..ROUNDS {
        let mut server = spawn_server(&database, port);
        wait_until_ready(&client, &base).await;
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let mut clients = Vec::new();
        for c in 0..CLIENTS {
            let (client, base, acknowledged, stop) = (
                client.clone(),
                base.clone(),
                acknowledged.clone(),
                stop.clone(),
            );
            clients.push(tokio::spawn(async move {
                for n in 0.. {
                    if stop.load(std::sync::atomic::Ordering::Relaxed) {
                        break;
                    }
                    let body = comment_body(round * 1_000_000 + c * 10_000 + n);
                    let sent = client
                        .post(format!("{base}/api/articles/{ARTICLE}/comments"))
                        .header("Idempotency-Key", format!("crash-{round}-{c}-{n}"))
                        .json(&body)
                        .send()
                        .await;
                    let Ok(response) = sent else { break };
                    if response.status() != 201 {
                        break;
                    }
                    let Ok(comment) = response.json::<binhluan_api::Comment>().await else {
                        break;
                    };
                    acknowledged
                        .lock()
                        .unwrap()
                        .push((comment.id, comment.content));
                }
            }));
        }
        // Let the clients get going, then kill the server mid-stream.
        tokio::time::sleep(Duration::from_millis(400 + 300 * round as u64)).await;
        server.kill().expect("SIGKILL");
        server.wait().ok();
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        for client in clients {
            client.await.unwrap();
        }
    }

    let mut server = spawn_server(&database, port);
    wait_until_ready(&client, &base).await;
    let stored = stored_ids(&client, &base).await;
    server.kill().ok();
    server.wait().ok();
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(
        acknowledged.len() >= ROUNDS * CLIENTS,
        "the clients posted before the kills ({})",
        acknowledged.len()
    );
    eprintln!(
        "{} comments acknowledged over {ROUNDS} kills, {} stored",
        acknowledged.len(),
        stored.len()
    );
    let missing: Vec<&(i64, String)> = acknowledged
        .iter()
        .filter(|comment| !stored.contains(comment))
        .collect();
    assert!(
        missing.is_empty(),
        "{} acknowledged comments lost: {missing:?}",
        missing.len()
    );
}
