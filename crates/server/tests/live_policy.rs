//! The policy edited live, on SQLite and PostgreSQL alike: an admin's save through one server
//! process is in force on a second process (the real binary) on the same database within
//! 5 s, without a restart; saves are versioned, so two edits of one version cannot both win;
//! they are validated and for admins only; and `--policy` only seeds the first version.

mod common;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use binhluan_api::{Policy, PolicyVersion, Role, Session};
use binhluan_server::moderators;
use common::postgres::free_port;
use common::{ARTICLE, Backend, TOKEN, TestDatabase, TestServer, assert_error, config, unique_key};
use reqwest::{Method, Response};
use serde_json::{Value, json};

suite! {
    a_saved_policy_reaches_another_process_within_five_seconds,
    saves_are_versioned_validated_and_for_admins,
    the_policy_file_only_seeds_the_first_version,
}

/// Eight Vietnamese words: refused by the default ten, accepted by five.
const EIGHT_WORDS: &str = "Bài viết này rất hay và hữu ích.";

/// The second process: the server's binary on the same database.
struct Binary {
    child: Child,
    base: String,
}

impl Binary {
    async fn start(database_url: &str) -> Self {
        let port = free_port();
        let child = Command::new(env!("CARGO_BIN_EXE_binhluan-server"))
            .args(["--addr", &format!("127.0.0.1:{port}")])
            .args(["--database-url", database_url])
            .args(["--moderation-token", TOKEN, "--post-rate-limit", "0"])
            .args(["--dist", "/nonexistent/binhluan-dist"])
            .arg("--content")
            .arg(common::content_folder())
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server binary starts");
        let binary = Self {
            child,
            base: format!("http://127.0.0.1:{port}"),
        };
        let client = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(60);
        while client.get(binary.url("/api/policy")).send().await.is_err() {
            assert!(Instant::now() < deadline, "the binary answers within 60 s");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        binary
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Binary {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

async fn policy_at(url: String) -> Policy {
    reqwest::get(url).await.unwrap().json().await.unwrap()
}

async fn save(server: &TestServer, base_version: i64, policy: &Policy) -> Response {
    server
        .moderator(Method::PUT, "/api/moderation/policy")
        .json(&json!({ "base_version": base_version, "policy": policy }))
        .send()
        .await
        .unwrap()
}

fn eight_words_body() -> Value {
    json!({ "author_name": "Trần Thị Bình", "content": EIGHT_WORDS })
}

async fn a_saved_policy_reaches_another_process_within_five_seconds(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let first = TestServer::start(config(&database.url)).await;
    let second = Binary::start(&database.url).await;
    let client = reqwest::Client::new();
    let post = |body: Value| {
        client
            .post(second.url(&format!("/api/articles/{ARTICLE}/comments")))
            .header("Idempotency-Key", unique_key())
            .json(&body)
            .send()
    };
    assert_eq!(post(eight_words_body()).await.unwrap().status(), 422);

    let current: PolicyVersion = first
        .moderator_json(Method::GET, "/api/moderation/policy")
        .await;
    assert_eq!((current.version, current.saved_by.as_str()), (1, "default"));
    assert_eq!(current.policy, Policy::default());
    let edited = Policy {
        min_words: 5,
        suspect_words: vec!["xổ số".to_owned()],
        ..Policy::default()
    };
    let saved = save(&first, 1, &edited).await;
    assert_eq!(saved.status(), 200);
    let saved_at = Instant::now();
    let saved: PolicyVersion = saved.json().await.unwrap();
    assert_eq!((saved.version, &saved.policy), (2, &edited));
    assert_eq!(policy_at(first.url("/api/policy")).await, edited);

    // The second process has not been told: it finds the new version by itself.
    while policy_at(second.url("/api/policy")).await != edited {
        assert!(
            saved_at.elapsed() < Duration::from_secs(5),
            "the second process follows within 5 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let accepted = post(eight_words_body()).await.unwrap();
    assert_eq!(accepted.status(), 201, "five words are enough now");
    let suspect = post(json!({
        "author_name": "Trần Thị Bình",
        "content": "Ai muốn chơi xổ số cùng tôi thì nhắn nhé các bạn.",
    }))
    .await
    .unwrap();
    assert_eq!(suspect.status(), 201);
    let id = suspect.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    let item: Value = first
        .moderator_json(Method::GET, &format!("/api/moderation/comments/{id}"))
        .await;
    assert_eq!(item["held_for"], json!(["suspect_words"]), "{item}");
    let plain_id = accepted.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    let plain: Value = first
        .moderator_json(Method::GET, &format!("/api/moderation/comments/{plain_id}"))
        .await;
    assert_eq!(plain.get("held_for"), None, "{plain}");
}

async fn saves_are_versioned_validated_and_for_admins(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(config(&database.url)).await;
    let five = Policy {
        min_words: 5,
        ..Policy::default()
    };
    assert_eq!(save(&server, 1, &five).await.status(), 200);
    // A second admin, still editing version 1, cannot overwrite version 2.
    let stale = Policy {
        min_words: 20,
        ..Policy::default()
    };
    assert_error(save(&server, 1, &stale).await, 409, "policy_changed").await;
    assert_eq!(policy_at(server.url("/api/policy")).await, five);

    for (field, policy) in [
        (
            "max_chars",
            Policy {
                max_chars: 5,
                ..Policy::default()
            },
        ),
        (
            "min_words",
            Policy {
                min_words: 1000,
                ..Policy::default()
            },
        ),
        (
            "banned_words",
            Policy {
                banned_words: vec![" lừa đảo".to_owned()],
                ..Policy::default()
            },
        ),
        (
            "suspect_words",
            Policy {
                suspect_words: vec![String::new()],
                ..Policy::default()
            },
        ),
        (
            "hide_after_reports",
            Policy {
                hide_after_reports: Some(0),
                ..Policy::default()
            },
        ),
    ] {
        let body = assert_error(save(&server, 2, &policy).await, 400, "invalid_input").await;
        assert_eq!(body["field"], field, "{body}");
    }
    let unknown = server
        .moderator(Method::PUT, "/api/moderation/policy")
        .json(&json!({ "base_version": 2, "policy": { "min_word": 3 } }))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 400, "a misspelt field is refused");

    // The body limit follows the policy in force: 16 bytes a character plus 4 KiB, at least
    // 16 KiB (under the default policy's 36,096 B, this body is read, and refused by the rules).
    let short = Policy {
        max_chars: 100,
        ..Policy::default()
    };
    assert_eq!(save(&server, 2, &short).await.status(), 200);
    let padded = json!({ "author_name": "Nguyễn Văn An", "content": "a".repeat(20_000) });
    let too_large = server.post_comment(&padded, &unique_key()).await;
    assert_error(too_large, 413, "payload_too_large").await;

    // A moderator reads the policy and cannot save it.
    let password = moderators::add(&database.url, "lan", Role::Moderator)
        .await
        .unwrap();
    let login = server
        .client
        .post(server.url("/api/moderation/session"))
        .json(&json!({ "name": "lan", "password": password }))
        .send()
        .await
        .unwrap();
    let cookie = login.headers()["set-cookie"].to_str().unwrap();
    let cookie = cookie.split(';').next().unwrap().to_owned();
    let session: Session = login.json().await.unwrap();
    let read = server
        .client
        .get(server.url("/api/moderation/policy"))
        .header("Cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(read.json::<PolicyVersion>().await.unwrap().version, 3);
    let refused = server
        .client
        .put(server.url("/api/moderation/policy"))
        .header("Cookie", &cookie)
        .header("X-CSRF-Token", &session.csrf_token)
        .json(&json!({ "base_version": 3, "policy": Policy::default() }))
        .send()
        .await
        .unwrap();
    assert_error(refused, 403, "forbidden").await;
    let anonymous = server
        .client
        .get(server.url("/api/moderation/policy"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
}

async fn the_policy_file_only_seeds_the_first_version(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("policy.json");
    let three = Policy {
        min_words: 3,
        ..Policy::default()
    };
    std::fs::write(&file, serde_json::to_string(&three).unwrap()).unwrap();
    let with_file = || binhluan_server::Config {
        policy: Some(file.clone()),
        ..config(&database.url)
    };
    let server = TestServer::start(with_file()).await;
    let first: PolicyVersion = server
        .moderator_json(Method::GET, "/api/moderation/policy")
        .await;
    assert_eq!((first.version, first.saved_by.as_str()), (1, "--policy"));
    assert_eq!(first.policy, three);
    let seven = Policy {
        min_words: 7,
        ..Policy::default()
    };
    assert_eq!(save(&server, 1, &seven).await.status(), 200);
    server.stop().await;

    let restarted = TestServer::start(with_file()).await;
    assert_eq!(policy_at(restarted.url("/api/policy")).await, seven);
}
