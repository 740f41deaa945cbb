//! Faults and hostile traffic: what the server does when it is misconfigured or attacked.
//! (Nothing here depends on the database engine: SQLite only.)

mod common;

use std::time::Duration;

use binhluan_server::Server;
use common::{ARTICLE, Backend, TOKEN, TestDatabase, TestServer, config};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

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

/// Everything `stream` receives until the server closes it (or resets it); `None` if it is
/// still open after `bound`.
async fn until_closed(stream: &mut tokio::net::TcpStream, bound: Duration) -> Option<String> {
    let mut received = Vec::new();
    let read = tokio::time::timeout(bound, async {
        let mut buffer = [0_u8; 4096];
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => received.extend_from_slice(&buffer[..n]),
            }
        }
    })
    .await;
    read.ok()
        .map(|()| String::from_utf8_lossy(&received).into_owned())
}

#[tokio::test]
async fn slow_and_idle_clients_lose_their_connections() {
    let database = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(binhluan_server::Config {
        header_read_timeout: 1,
        ..config(&database.url)
    })
    .await;
    // A client that never finishes its headers (slowloris) is cut off.
    let mut slow = tokio::net::TcpStream::connect(&server.host).await.unwrap();
    slow.write_all(b"GET /api/policy HTTP/1.1\r\nHost: binhluan\r\nX-Slow: 1")
        .await
        .unwrap();
    let answer = until_closed(&mut slow, Duration::from_secs(8)).await;
    assert!(answer.is_some(), "the slow client still holds its socket");
    assert!(!answer.unwrap().contains("200 OK"));

    // A kept-alive connection left idle after its answer is closed too.
    let mut idle = tokio::net::TcpStream::connect(&server.host).await.unwrap();
    idle.write_all(b"GET /api/policy HTTP/1.1\r\nHost: binhluan\r\n\r\n")
        .await
        .unwrap();
    let answer = until_closed(&mut idle, Duration::from_secs(8)).await;
    let answer = answer.expect("the idle connection still stays open");
    assert!(answer.starts_with("HTTP/1.1 200 OK"), "{answer}");
}

#[tokio::test]
async fn stacked_combining_marks_are_not_stored() {
    let database = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(config(&database.url)).await;
    let zalgo = "\u{301}\u{316}\u{35C}\u{489}".repeat(30);
    let content = format!(
        "Bài viết rất hay{zalgo}, cảm ơn tác giả đã chia sẻ thông tin bổ ích này với bạn đọc."
    );
    let body = serde_json::json!({ "author_name": format!("Lan{zalgo}"), "content": content });
    let created = server.create_comment(&body).await;
    let stored = created["content"].as_str().unwrap();
    assert!(
        stored.contains("haý\u{316}\u{35C},"),
        "the first three marks kept (one composed): {stored:?}"
    );
    let name = created["author_name"].as_str().unwrap();
    assert!(name.chars().count() <= "Lan".len() + 3, "{name:?}");
}

#[tokio::test]
async fn a_reader_sees_a_comment_with_more_replies_than_a_query_may_bind() {
    let database = TestDatabase::new(Backend::Sqlite).await;
    let server = TestServer::start(config(&database.url)).await;
    let parent = server.published_comment(1, None).await;
    // 33,000 published replies: more ids than SQLite binds in one query (32,766).
    common::execute_sql(
        &database.url,
        &format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 33000) \
             INSERT INTO comments (article_slug, parent_id, author_name, content, status, created_at) \
             SELECT '{ARTICLE}', {parent}, 'Bạn đọc', 'Một câu trả lời số ' || i, 'published', i FROM n"
        ),
    )
    .await;
    let answer = server
        .client
        .get(server.url(&format!("/api/articles/{ARTICLE}/comments")))
        .header("X-Reader-Id", common::reader("doc-gia-1"))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    // The page holds the first replies and where the rest start, not 33,000 of them.
    let page: binhluan_api::CommentPage = answer.json().await.unwrap();
    let comment = &page.comments[0];
    assert_eq!(comment.replies.len(), 3);
    assert_eq!(comment.reply_count, 33_000);
    assert!(comment.replies_cursor.is_some());
}
