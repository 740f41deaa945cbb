//! A fuzz harness on stable Rust for what the server reads from clients: every request body
//! type decoded from random and mangled JSON, and the author fields checked, must never panic.
//!
//! The suite runs 3,000 cases; the long run is a documented command:
//! `BINHLUAN_FUZZ_CASES=1000000 cargo test --release -p binhluan-api --test fuzz`.

#![cfg(not(target_arch = "wasm32"))]

use binhluan_api::author::{author_email, author_name_problem};
use binhluan_api::{
    ArticleInput, BulkDecision, Like, LinkLogin, Login, ModerationDecision, NewComment,
    NewModerator, ThreadRequest, is_slug,
};
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("BINHLUAN_FUZZ_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(3_000)
}

/// Valid bodies of every kind, to be mangled.
const BODIES: [&str; 8] = [
    r#"{"author_name":"Nguyễn Văn An","author_email":"an@example.vn","content":"Bài viết rất hay","parent_id":12}"#,
    r#"{"title":"Tin","url":"https://bao.example.vn/a.html","published_at":"2026-12-03T08:00:00+07:00","lead":"Mở đầu","body":[{"type":"paragraph","text":"Một"},{"type":"figure","image_url":"https://a/b.jpg","alt":"x","caption":"y"},{"type":"quote","text":"z"}],"byline":"A","source":"B","comments":"open","hidden":false}"#,
    r#"{"slug":"bai-moi","title":"Tin mới","url":"https://bao.example.vn/x"}"#,
    r#"{"name":"admin","password":"mật khẩu dài"}"#,
    r#"{"secret":"abc"}"#,
    r#"{"action":"approve","ids":[1,2,3],"reason":"spam"}"#,
    r#"{"reason":"links"}"#,
    r#"{"name":"lan","admin":true}"#,
];

/// A body with some of its bytes replaced, removed or doubled.
fn mangled() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::sample::select(BODIES.to_vec()),
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 0..8),
    )
        .prop_map(|(body, edits)| {
            let mut bytes = body.as_bytes().to_vec();
            for (at, byte, kind) in edits {
                if bytes.is_empty() {
                    break;
                }
                let at = at.index(bytes.len());
                match kind {
                    0 => bytes[at] = byte,
                    1 => {
                        bytes.remove(at);
                    }
                    _ => bytes.insert(at, bytes[at]),
                }
            }
            bytes
        })
}

/// JSON values of any shape, nested a few levels, with hostile strings.
fn json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        any::<String>().prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::from),
            prop::collection::btree_map(
                prop::sample::select(vec![
                    "author_name",
                    "author_email",
                    "content",
                    "parent_id",
                    "title",
                    "url",
                    "body",
                    "type",
                    "text",
                    "comments",
                    "hidden",
                    "slug",
                    "name",
                    "password",
                    "action",
                    "ids",
                    "reason",
                    "admin",
                    "liked",
                    "secret",
                    "other",
                ])
                .prop_map(str::to_owned),
                inner,
                0..8,
            )
            .prop_map(|map| serde_json::Value::Object(map.into_iter().collect())),
        ]
    })
}

/// Decodes `bytes` as every body the server reads, and checks what a comment says of its
/// author; none may panic.
fn decode_all(bytes: &[u8]) {
    if let Ok(comment) = serde_json::from_slice::<NewComment>(bytes) {
        let _ = author_name_problem(&comment.author_name);
        let _ = author_email(comment.author_email.as_deref());
    }
    let _ = serde_json::from_slice::<ArticleInput>(bytes);
    if let Ok(thread) = serde_json::from_slice::<ThreadRequest>(bytes) {
        let _ = is_slug(&thread.slug);
    }
    let _ = serde_json::from_slice::<Login>(bytes);
    let _ = serde_json::from_slice::<LinkLogin>(bytes);
    let _ = serde_json::from_slice::<BulkDecision>(bytes);
    let _ = serde_json::from_slice::<ModerationDecision>(bytes);
    let _ = serde_json::from_slice::<NewModerator>(bytes);
    let _ = serde_json::from_slice::<Like>(bytes);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn mangled_bodies_never_panic(bytes in mangled()) {
        decode_all(&bytes);
    }

    #[test]
    fn bodies_of_any_shape_never_panic(value in json()) {
        decode_all(value.to_string().as_bytes());
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        decode_all(&bytes);
    }

    #[test]
    fn author_fields_of_any_text_never_panic(name in any::<String>(), email in any::<String>()) {
        let _ = author_name_problem(&name);
        let _ = author_email(Some(&email));
        let _ = is_slug(&name);
    }
}
