//! Faults and hostile traffic: what the server does when it is misconfigured or attacked.
//! (Nothing here depends on the database engine: SQLite only.)

mod common;

use binhluan_server::Server;
use common::{Backend, TOKEN, TestDatabase, TestServer, config};

/// Why `Server::bind` refused `settings`.
async fn refusal(settings: binhluan_server::Config) -> String {
    match Server::bind(&settings).await {
        Ok(_) => panic!("the server started"),
        Err(error) => format!("{error:#}"),
    }
}

#[tokio::test]
async fn a_short_or_unreadable_moderation_token_stops_the_server_with_a_clear_message() {
    let database = TestDatabase::new(Backend::Sqlite).await;
    let short = binhluan_server::Config {
        moderation_token: Some("dev".to_owned()),
        ..config(&database.url)
    };
    let message = refusal(short).await;
    assert!(message.contains("has 3 characters"), "{message}");
    assert!(message.contains("at least 32"), "{message}");
    assert!(message.contains("openssl rand -hex 32"), "{message}");

    let blank = binhluan_server::Config {
        moderation_token: Some("   ".to_owned()),
        ..config(&database.url)
    };
    assert!(refusal(blank).await.contains("has 0 characters"));

    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("token");
    std::fs::write(&file, "ngan\n").unwrap();
    let short_file = binhluan_server::Config {
        moderation_token: None,
        moderation_token_file: Some(file),
        ..config(&database.url)
    };
    assert!(refusal(short_file).await.contains("has 4 characters"));

    let missing = binhluan_server::Config {
        moderation_token: None,
        moderation_token_file: Some(folder.path().join("khong-co")),
        ..config(&database.url)
    };
    let message = refusal(missing).await;
    assert!(
        message.contains("cannot read the moderation token file"),
        "{message}"
    );
}

#[tokio::test]
async fn the_moderation_token_can_come_from_a_file() {
    let database = TestDatabase::new(Backend::Sqlite).await;
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("token");
    std::fs::write(&file, format!("{TOKEN}\n")).unwrap();
    let server = TestServer::start(binhluan_server::Config {
        moderation_token: None,
        moderation_token_file: Some(file),
        ..config(&database.url)
    })
    .await;
    let answer = server
        .client
        .get(server.url("/api/moderation/counts"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
}

#[tokio::test]
async fn wrong_moderation_tokens_are_throttled_per_client() {
    let database = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(config(&database.url)).await;
    let counts = |token: &str| {
        server
            .client
            .get(server.url("/api/moderation/counts"))
            .bearer_auth(token)
            .send()
    };
    for guess in 0..10 {
        let answer = counts(&format!("guess-{guess}")).await.unwrap();
        assert_eq!(answer.status(), 401, "guess {guess}");
    }
    // The eleventh is refused before it is compared: even the right token, from this client.
    for token in ["guess-10", TOKEN] {
        let answer = counts(token).await.unwrap();
        assert_eq!(answer.status(), 429, "{token}");
        let wait: u64 = answer.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=900).contains(&wait), "{wait}");
    }
}
