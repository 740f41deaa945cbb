//! Soak and fault test (a documented command, not part of the suite):
//! `cargo bench -p binhluan-server --bench soak` (`SOAK_SECONDS`, default 300; `SOAK_WORKERS`,
//! default 16).
//!
//! Two `binhluan-server` processes share one PostgreSQL cluster, started here with durable
//! settings (fsync and synchronous commit on). Workers send mixed traffic to both, bounded
//! in time and to loopback: reads, posts (each retried with its own Idempotency-Key until
//! the server gives a final answer), likes and views. A third of the way in, one process is
//! killed with SIGKILL and started again; two thirds in, PostgreSQL is crashed (`pg_ctl stop
//! -m immediate`) and started again. Afterwards every comment that got a `201` must be
//! stored exactly once, and errors must fall within the seconds after the faults. Prints the
//! figures; exits non-zero if a comment was lost or duplicated, or if errors came outside the
//! faults.

#[cfg(not(target_arch = "wasm32"))]
#[allow(dead_code)]
#[path = "../tests/common/postgres.rs"]
mod postgres;

#[cfg(not(target_arch = "wasm32"))]
mod soak {
    use std::collections::HashMap;
    use std::path::{Path, PathBuf};
    use std::process::{Child, Command, Stdio};
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    use sqlx::{Connection, PgConnection};

    use super::postgres::{bindir, free_port, is_root, postgres_command, run};

    const SLUG: &str = "lan-toa-viec-hoc-va-lam-theo-bac-o-dang-bo-thi-xa-sa-pa";
    const TOKEN: &str = "soak-moderation-token-0123456789abcdef";
    /// Errors this long after a fault began still count as the fault's.
    const FAULT_GRACE: Duration = Duration::from_secs(15);

    /// A PostgreSQL cluster with durable settings, in a temporary directory.
    struct Cluster {
        bindir: PathBuf,
        dir: PathBuf,
        port: u16,
        as_root: bool,
    }

    impl Cluster {
        fn create() -> Cluster {
            let bindir = bindir();
            let as_root = is_root();
            let dir = tempfile::Builder::new()
                .prefix("binhluan-soak-")
                .tempdir()
                .expect("a temporary directory")
                .keep();
            if as_root {
                let mut chown = Command::new("chown");
                chown.arg("postgres:postgres").arg(&dir);
                run(chown, "chown");
            }
            let mut initdb = postgres_command(&bindir, "initdb", as_root);
            initdb.arg("-D").arg(dir.join("data")).args([
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C",
            ]);
            run(initdb, "initdb");
            let cluster = Cluster {
                bindir,
                dir,
                port: free_port(),
                as_root,
            };
            cluster.start();
            cluster
        }

        fn pg_ctl(&self) -> Command {
            let mut command = postgres_command(&self.bindir, "pg_ctl", self.as_root);
            command.arg("-D").arg(self.dir.join("data"));
            command
        }

        fn start(&self) {
            let options = format!(
                "-p {} -k {} -c listen_addresses=127.0.0.1 -c max_connections=100",
                self.port,
                self.dir.display()
            );
            let mut start = self.pg_ctl();
            start
                .arg("-l")
                .arg(self.dir.join("log"))
                .args(["-w", "-o", &options, "start"]);
            run(start, "pg_ctl start");
        }

        /// As a crash: no checkpoint, no goodbye to clients.
        fn crash(&self) {
            let mut stop = self.pg_ctl();
            stop.args(["-m", "immediate", "stop"]);
            run(stop, "pg_ctl stop -m immediate");
        }

        fn url(&self) -> String {
            format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
        }
    }

    impl Drop for Cluster {
        fn drop(&mut self) {
            let mut stop = self.pg_ctl();
            stop.args(["-m", "immediate", "stop"])
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            let _ = stop.status();
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }

    /// One `binhluan-server` process.
    struct ServerProcess {
        port: u16,
        database_url: String,
        child: Child,
    }

    impl ServerProcess {
        fn spawn(port: u16, database_url: &str) -> ServerProcess {
            let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/articles");
            let child = Command::new(env!("CARGO_BIN_EXE_binhluan-server"))
                .arg(format!("--addr=127.0.0.1:{port}"))
                .arg(format!("--database-url={database_url}"))
                .arg(format!("--moderation-token={TOKEN}"))
                .arg(format!("--content={}", content.display()))
                .args([
                    "--dist=/nonexistent/dist",
                    "--post-rate-limit=0",
                    "--refused-post-rate-limit=0",
                    "--auto-publish",
                    "--database-max-connections=8",
                ])
                .env("RUST_LOG", "error")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("binhluan-server starts");
            ServerProcess {
                port,
                database_url: database_url.to_owned(),
                child,
            }
        }

        fn kill(&mut self) {
            let _ = self.child.kill(); // SIGKILL
            let _ = self.child.wait();
        }

        fn restart(&mut self) {
            self.kill();
            *self = ServerProcess::spawn(self.port, &self.database_url.clone());
        }

        fn base(&self) -> String {
            format!("http://127.0.0.1:{}", self.port)
        }
    }

    impl Drop for ServerProcess {
        fn drop(&mut self) {
            self.kill();
        }
    }

    /// What the workers saw.
    #[derive(Default)]
    struct Tally {
        requests: AtomicU64,
        answered: AtomicU64,
        /// Seconds since the start of every failed request (network error or 5xx).
        errors: Mutex<Vec<f64>>,
        /// The content of every post, with the id of its `201`.
        acknowledged: Mutex<HashMap<String, i64>>,
        /// Final answers other than `201` to posts.
        refused_posts: AtomicU64,
        /// Likes refused by the per-client limits (`429`): the loopback is one client.
        limited_likes: AtomicU64,
    }

    impl Tally {
        /// Records a request that failed (a network error or a 5xx) now.
        fn failed(&self, start: Instant) {
            self.errors
                .lock()
                .unwrap()
                .push(start.elapsed().as_secs_f64());
        }

        /// Records the answer to a request that should succeed.
        fn count(&self, answer: reqwest::Result<reqwest::Response>, start: Instant) {
            match answer {
                Ok(answer) if answer.status().is_success() => {
                    self.answered.fetch_add(1, Ordering::Relaxed);
                }
                _ => self.failed(start),
            }
        }
    }

    async fn wait_until_up(client: &reqwest::Client, base: &str) {
        for _ in 0..600 {
            if let Ok(answer) = client
                .get(format!("{base}/api/articles/{SLUG}/comments?limit=1"))
                .send()
                .await
                && answer.status().is_success()
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("{base} did not come up");
    }

    #[tokio::main]
    pub async fn main() {
        let seconds: u64 = std::env::var("SOAK_SECONDS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(300);
        let workers: usize = std::env::var("SOAK_WORKERS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(16);
        let cluster = Cluster::create();
        let servers = Arc::new(Mutex::new(vec![
            ServerProcess::spawn(free_port(), &cluster.url()),
            ServerProcess::spawn(free_port(), &cluster.url()),
        ]));
        let bases: Vec<String> = servers
            .lock()
            .unwrap()
            .iter()
            .map(ServerProcess::base)
            .collect();
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()
            .unwrap();
        for base in &bases {
            wait_until_up(&client, base).await;
        }
        println!(
            "Soak: {seconds} s, {workers} workers, two processes on one PostgreSQL (durable settings)"
        );

        let start = Instant::now();
        let deadline = start + Duration::from_secs(seconds);
        let tally = Arc::new(Tally::default());
        let stop = Arc::new(AtomicBool::new(false));
        let mut tasks = Vec::new();
        for worker in 0..workers {
            tasks.push(tokio::spawn(work(
                worker,
                client.clone(),
                bases.clone(),
                tally.clone(),
                stop.clone(),
                start,
            )));
        }

        // The faults.
        tokio::time::sleep_until((start + Duration::from_secs(seconds / 3)).into()).await;
        let kill_at = start.elapsed();
        servers.lock().unwrap()[0].kill();
        tokio::time::sleep(Duration::from_secs(2)).await;
        servers.lock().unwrap()[0].restart();
        wait_until_up(&client, &bases[0]).await;
        let process_back = start.elapsed() - kill_at;
        println!(
            "  {:>6.1} s: process 1 killed (SIGKILL), restarted 2 s later, answering again after {:.1} s",
            kill_at.as_secs_f64(),
            process_back.as_secs_f64()
        );

        tokio::time::sleep_until((start + Duration::from_secs(2 * seconds / 3)).into()).await;
        let crash_at = start.elapsed();
        cluster.crash();
        tokio::time::sleep(Duration::from_secs(1)).await;
        cluster.start();
        for base in &bases {
            wait_until_up(&client, base).await;
        }
        let database_back = start.elapsed() - crash_at;
        println!(
            "  {:>6.1} s: PostgreSQL crashed (immediate stop), started 1 s later; both processes answering from it again after {:.1} s (no restart of theirs)",
            crash_at.as_secs_f64(),
            database_back.as_secs_f64()
        );

        tokio::time::sleep_until(deadline.into()).await;
        stop.store(true, Ordering::Relaxed);
        for task in tasks {
            let _ = task.await;
        }

        // Every acknowledged comment, exactly once.
        let mut database = PgConnection::connect(&cluster.url()).await.unwrap();
        let stored: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, content FROM comments WHERE content LIKE 'Soak %'")
                .fetch_all(&mut database)
                .await
                .unwrap();
        let mut copies: HashMap<&str, Vec<i64>> = HashMap::new();
        for (id, content) in &stored {
            copies.entry(content.as_str()).or_default().push(*id);
        }
        let acknowledged = tally.acknowledged.lock().unwrap();
        let lost = acknowledged
            .iter()
            .filter(|(content, id)| {
                !copies
                    .get(content.as_str())
                    .is_some_and(|ids| ids.contains(id))
            })
            .count();
        let duplicated = copies.values().filter(|ids| ids.len() > 1).count();
        let errors = tally.errors.lock().unwrap();
        let in_fault = |at: f64, fault: Duration, back: Duration| {
            at >= fault.as_secs_f64() - 0.5 && at <= (fault + back + FAULT_GRACE).as_secs_f64()
        };
        let (during_kill, during_crash, elsewhere) =
            errors.iter().fold((0, 0, 0), |(k, c, e), &at| {
                if in_fault(at, crash_at, database_back) {
                    (k, c + 1, e)
                } else if in_fault(at, kill_at, process_back) {
                    (k + 1, c, e)
                } else {
                    (k, c, e + 1)
                }
            });
        let last_error_after_crash = errors
            .iter()
            .filter(|&&at| at >= crash_at.as_secs_f64())
            .fold(None, |last: Option<f64>, &at| {
                Some(last.map_or(at, |l| l.max(at)))
            });
        println!(
            "  requests: {} sent, {} answered",
            tally.requests.load(Ordering::Relaxed),
            tally.answered.load(Ordering::Relaxed)
        );
        println!(
            "  posts: {} acknowledged (201), {} refused for good, {} stored",
            acknowledged.len(),
            tally.refused_posts.load(Ordering::Relaxed),
            stored.len()
        );
        println!(
            "  likes refused by the per-client limits: {}",
            tally.limited_likes.load(Ordering::Relaxed)
        );
        println!("  lost: {lost}, duplicated: {duplicated}");
        println!(
            "  failed requests: {during_kill} around the kill, {during_crash} around the database crash, {elsewhere} elsewhere"
        );
        if let Some(last) = last_error_after_crash {
            println!(
                "  last failure after the database crash: {:.1} s after it",
                last - crash_at.as_secs_f64()
            );
        }
        drop(servers);
        if lost > 0 || duplicated > 0 || elsewhere > 0 {
            eprintln!("soak FAILED");
            std::process::exit(1);
        }
    }

    /// One worker: until `stop`, a mix of reads (50 %), posts (25 %), likes (15 %) and views
    /// (10 %), to either process.
    /// A reader id from `POST /api/readers`, if the server gives one.
    async fn issued_reader(client: &reqwest::Client, base: &str) -> Option<String> {
        let answer = client
            .post(format!("{base}/api/readers"))
            .send()
            .await
            .ok()?;
        let issued: binhluan_api::IssuedReader =
            answer.error_for_status().ok()?.json().await.ok()?;
        Some(issued.reader_id)
    }

    async fn work(
        worker: usize,
        client: reqwest::Client,
        bases: Vec<String>,
        tally: Arc<Tally>,
        stop: Arc<AtomicBool>,
        start: Instant,
    ) {
        let mut n: u64 = 0;
        let mut known: Vec<i64> = Vec::new();
        // The worker's reader id, issued by the server as the app's is (empty: not yet).
        let mut reader = String::new();
        while !stop.load(Ordering::Relaxed) {
            n += 1;
            let base = &bases[(worker + n as usize) % bases.len()];
            let roll = (n * 7 + worker as u64 * 13) % 20;
            tally.requests.fetch_add(1, Ordering::Relaxed);
            match roll {
                0..10 => {
                    let answer = client
                        .get(format!("{base}/api/articles/{SLUG}/comments"))
                        .send()
                        .await;
                    tally.count(answer, start);
                }
                10..15 => {
                    let content = format!(
                        "Soak {worker}-{n}: bài viết rất hay, cảm ơn tòa soạn đã đưa tin về Sa Pa."
                    );
                    let key = format!("soak-{worker}-{n}");
                    // Retried with the same key until a final answer, on either process.
                    let mut attempt = 0;
                    loop {
                        if attempt > 0 {
                            tally.requests.fetch_add(1, Ordering::Relaxed);
                        }
                        let base = &bases[(worker + n as usize + attempt) % bases.len()];
                        let answer = client
                            .post(format!("{base}/api/articles/{SLUG}/comments"))
                            .header("Idempotency-Key", &key)
                            .json(&serde_json::json!({
                                "author_name": format!("Bạn đọc {worker}"),
                                "content": content,
                            }))
                            .send()
                            .await;
                        match answer {
                            Ok(answer) if answer.status() == 201 => {
                                tally.answered.fetch_add(1, Ordering::Relaxed);
                                let body: serde_json::Value =
                                    answer.json().await.unwrap_or_default();
                                if let Some(id) = body["id"].as_i64() {
                                    known.push(id);
                                    tally
                                        .acknowledged
                                        .lock()
                                        .unwrap()
                                        .insert(content.clone(), id);
                                }
                                break;
                            }
                            Ok(answer) if answer.status().is_client_error() => {
                                tally.answered.fetch_add(1, Ordering::Relaxed);
                                tally.refused_posts.fetch_add(1, Ordering::Relaxed);
                                break;
                            }
                            _ => {
                                tally.failed(start);
                                attempt += 1;
                                tokio::time::sleep(Duration::from_millis(200)).await;
                            }
                        }
                    }
                }
                15..18 => {
                    let Some(&id) = known.get(n as usize % known.len().max(1)) else {
                        continue;
                    };
                    if reader.is_empty() {
                        reader = issued_reader(&client, base).await.unwrap_or_default();
                    }
                    let answer = client
                        .post(format!("{base}/api/comments/{id}/like"))
                        .header("X-Reader-Id", &reader)
                        .send()
                        .await;
                    match answer {
                        Ok(answer) if answer.status() == 429 => {
                            tally.answered.fetch_add(1, Ordering::Relaxed);
                            tally.limited_likes.fetch_add(1, Ordering::Relaxed);
                        }
                        answer => tally.count(answer, start),
                    }
                }
                _ => {
                    let answer = client
                        .post(format!("{base}/api/articles/{SLUG}/views"))
                        .send()
                        .await;
                    tally.count(answer, start);
                }
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    soak::main();
}

#[cfg(target_arch = "wasm32")]
fn main() {}
