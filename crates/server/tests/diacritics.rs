//! "Thêm dấu" over HTTP, on SQLite and PostgreSQL alike: `POST /api/diacritics/restore`
//! restores the marks of a text typed without them, gives each changed word's span (in
//! characters) and alternatives, leaves marked text alone, refuses a text longer than the
//! policy's `max_chars`, malformed requests and foreign sites with bilingual JSON errors
//! (newsroom pages on `--allowed-origins` may ask), and limits each client to 30 requests a
//! minute.

mod common;

use binhluan_server::Clock;

use std::time::Duration;

use common::start_behind_proxy as start;

use binhluan_api::{Policy, Restored};
use common::{Backend, TestServer, start_behind_proxy_with_clock};
use reqwest::Response;
use serde_json::{Value, json};

suite! {
    a_plain_comment_gets_its_marks_and_its_words,
    marked_text_and_what_is_not_a_word_are_kept,
    newsroom_pages_may_ask_and_other_sites_may_not,
    long_texts_and_malformed_requests_get_bilingual_errors,
    restoring_is_rate_limited_per_client,
}

/// Client `address` asks to restore `body`.
async fn ask(server: &TestServer, address: &str, body: &Value) -> Response {
    server
        .client
        .post(server.url("/api/diacritics/restore"))
        .header("X-Forwarded-For", address)
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn restored(server: &TestServer, text: &str) -> Restored {
    let response = ask(server, "198.51.100.1", &json!({ "text": text })).await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

async fn assert_error(response: Response, status: u16, code: &str) -> Value {
    assert_eq!(response.status(), status, "expected {status} {code}");
    let body: Value = response.json().await.expect("a JSON error");
    assert_eq!(body["error"], code, "{body}");
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
    assert!(body["message_en"].as_str().is_some_and(|m| !m.is_empty()));
    body
}

/// The characters `start..end` of `text`.
fn span(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

async fn a_plain_comment_gets_its_marks_and_its_words(backend: Backend) {
    let (_database, server, _dir) = start(backend, None).await;
    let typed = "😀 Bai viet rat hay, cam on tac gia da chia se!";
    let answer = restored(&server, typed).await;
    assert_eq!(
        answer.text,
        "😀 Bài viết rất hay, cảm ơn tác giả đã chia sẻ!"
    );
    assert_eq!(answer.text.chars().count(), typed.chars().count());
    let bai = &answer.words[0];
    assert_eq!(
        (bai.start, bai.end),
        (2, 5),
        "spans count characters, not bytes"
    );
    assert_eq!(bai.original, "Bai");
    for word in &answer.words {
        let chosen = span(&answer.text, word.start, word.end);
        assert_eq!(span(typed, word.start, word.end), word.original);
        assert_eq!(binhluan_rules::strip_marks(&chosen), word.original);
        assert!(chosen != word.original || !word.alternatives.is_empty());
        assert!(word.alternatives.len() <= 4 && !word.alternatives.contains(&chosen));
    }
    let words: Vec<&str> = answer.words.iter().map(|w| w.original.as_str()).collect();
    assert!(
        words.contains(&"viet") && words.contains(&"cam"),
        "{words:?}"
    );
    // The restored text passes the rule the plain one broke.
    let verdict = binhluan_rules::check(&answer.text, &Policy::default());
    assert!(verdict.ok, "{verdict:?}");
    server.stop().await;
}

async fn marked_text_and_what_is_not_a_word_are_kept(backend: Backend) {
    let (_database, server, _dir) = start(backend, None).await;
    let marked = "Bài viết này hay quá, tôi đồng ý với anh ta.";
    let answer = restored(&server, marked).await;
    assert_eq!(answer.text, marked);
    assert!(answer.words.is_empty());
    let answer = restored(
        &server,
        "Xem abc.com, goi 0912 345 678, UBND tinh, I love you",
    )
    .await;
    assert_eq!(
        answer.text,
        "Xem abc.com, gọi 0912 345 678, UBND tỉnh, I love you"
    );
    let answer = restored(&server, "").await;
    assert_eq!(answer.text, "");
    assert!(answer.words.is_empty());
    server.stop().await;
}

async fn newsroom_pages_may_ask_and_other_sites_may_not(backend: Backend) {
    let (_database, server, _dir) = start(backend, None).await;
    let from = |origin: &'static str| {
        server
            .client
            .post(server.url("/api/diacritics/restore"))
            .header("Origin", origin)
            .json(&json!({ "text": "toi di hoc" }))
            .send()
    };
    let response = from("https://bao.example.vn").await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["access-control-allow-origin"],
        "https://bao.example.vn"
    );
    let response = from("https://evil.example").await.unwrap();
    assert_error(response, 403, "forbidden_origin").await;
    server.stop().await;
}

async fn long_texts_and_malformed_requests_get_bilingual_errors(backend: Backend) {
    let policy = Policy {
        max_chars: 40,
        ..Policy::default()
    };
    let (_database, server, _dir) = start(backend, Some(&policy)).await;
    let forty = "toi di hoc ".repeat(3) + "cam on!";
    assert_eq!(forty.chars().count(), 40);
    assert_eq!(restored(&server, &forty).await.text.chars().count(), 40);
    let response = ask(&server, "198.51.100.2", &json!({ "text": forty + "a" })).await;
    let body = assert_error(response, 422, "rule_violation").await;
    assert_eq!(body["violations"][0]["rule"], "max_length", "{body}");
    let response = ask(&server, "198.51.100.2", &json!({ "words": "toi" })).await;
    assert_error(response, 400, "invalid_input").await;
    let response = ask(&server, "198.51.100.2", &json!({ "text": 5 })).await;
    assert_error(response, 400, "invalid_input").await;
    let response = server
        .client
        .post(server.url("/api/diacritics/restore"))
        .header("Content-Type", "text/plain")
        .body("toi di hoc")
        .send()
        .await
        .unwrap();
    assert_error(response, 415, "unsupported_media_type").await;
    let response = server.get("/api/diacritics/restore").await;
    assert_error(response, 405, "method_not_allowed").await;
    server.stop().await;
}

async fn restoring_is_rate_limited_per_client(backend: Backend) {
    let clock = Clock::stopped_at_the_hour();
    let (_database, server, _dir) = start_behind_proxy_with_clock(backend, None, &clock).await;
    let body = json!({ "text": "toi di hoc" });
    // 30 a minute; the clock stands still, so the window lasts the whole loop.
    for n in 0..30 {
        let response = ask(&server, "198.51.100.7", &body).await;
        assert_eq!(response.status(), 200, "request {n}");
    }
    let refused = ask(&server, "198.51.100.7", &body).await;
    let retry_after: u64 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(retry_after, 60, "the whole minute is left");
    let error = assert_error(refused, 429, "rate_limited").await;
    assert_eq!(error["retry_after"], retry_after);
    // Another client is not held back.
    assert_eq!(ask(&server, "198.51.100.8", &body).await.status(), 200);
    // The next minute is a new window.
    clock.advance(Duration::from_secs(60));
    assert_eq!(ask(&server, "198.51.100.7", &body).await.status(), 200);
    server.stop().await;
}
