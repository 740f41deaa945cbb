//! The API over real HTTP on loopback, against SQLite and PostgreSQL alike.

mod common;

use binhluan_server::Clock;

use std::collections::HashSet;
use std::time::Duration;

use binhluan_api::{Article, Comment, CommentPage, IssuedReader, Policy, Violation};
use binhluan_rules::LinkPolicy;
use common::{
    ARTICLE, Backend, TOKEN, TestDatabase, TestServer, assert_error, comment_body, config,
    execute_sql, query_number, unique_key, valid_text,
};
use futures::future::join_all;
use reqwest::Method;
use serde_json::{Value, json};

suite! {
    article_and_views,
    views_count_once_per_reader_and_reach_the_database_in_batches,
    policy_is_the_default,
    moderation_flow_end_to_end,
    auto_publish_publishes_at_once,
    verdict_matches_the_rules_crate,
    xss_payload_is_stored_verbatim_and_returned_as_json_text,
    retries_with_the_same_key_replay_the_original_answer,
    idempotency_keys_expire_after_seven_days,
    concurrent_posts_with_one_key_create_one_comment,
    concurrent_posts_with_different_keys_all_succeed,
    a_refused_post_among_concurrent_posts_refuses_only_itself,
    rate_limit_is_counted_in_the_database,
    rate_limit_counts_ipv6_clients_by_their_64,
    rate_limit_counts_ipv6_networks_by_their_56_and_48,
    forwarded_for_is_read_through_the_trusted_proxies_only,
    refused_posts_have_a_limit_of_their_own,
    malformed_bodies_are_refused,
    body_size_and_content_type_are_enforced,
    body_limit_follows_the_policy,
    author_name_and_email_are_validated,
    replies_go_one_level_deep,
    replies_are_paged_with_their_own_cursor,
    pagination_walks_every_comment_once,
    likes_count_once_per_reader,
    thread_pages_are_the_same_for_every_reader_cacheable_and_revalidated,
    fresh_reader_ids_from_one_client_add_few_likes,
    reader_ids_are_issued_signed_and_bounded_per_client,
    emails_never_appear_in_public_answers,
    moderation_requires_the_token,
    cross_site_writes_are_refused,
    unknown_api_paths_answer_json,
    restart_keeps_data_without_duplicating_articles,
}

const FIXTURE: &str = include_str!(
    "../../../content/articles/lan-toa-viec-hoc-va-lam-theo-bac-o-dang-bo-thi-xa-sa-pa.json"
);

/// Asserts an error answer: `status`, JSON content type, and the stable `error` code.
async fn moderation_queue(server: &TestServer, status: &str) -> CommentPage {
    moderation_page(server, &format!("?status={status}&limit=100")).await
}

async fn moderation_page(server: &TestServer, query: &str) -> CommentPage {
    let path = format!("/api/moderation/comments{query}");
    server.moderator_json(Method::GET, &path).await
}

/// Posts `body` as a comment on article `slug`, with a new `Idempotency-Key` and `headers`.
async fn post_with_headers(
    server: &TestServer,
    slug: &str,
    headers: &[(&str, &str)],
    body: &Value,
) -> reqwest::Response {
    let mut request = server.comment_post(slug, &unique_key()).json(body);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.unwrap()
}

/// `method /api/comments/{target}/like` with the `headers`.
async fn like_request(
    server: &TestServer,
    method: Method,
    target: &str,
    headers: &[(&str, &str)],
) -> reqwest::Response {
    let mut request = server
        .client
        .request(method, server.url(&format!("/api/comments/{target}/like")));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.unwrap()
}

async fn public_page(server: &TestServer, query: &str) -> CommentPage {
    let response = server
        .get(&format!("/api/articles/{ARTICLE}/comments{query}"))
        .await;
    assert_eq!(response.status(), 200, "list {query}");
    response.json().await.unwrap()
}

async fn start(backend: Backend) -> (TestDatabase, TestServer) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(config(&database.url)).await;
    (database, server)
}

async fn article_and_views(backend: Backend) {
    let (_database, server) = start(backend).await;
    let fixture: Article = serde_json::from_str(FIXTURE).unwrap();

    let response = server.get(&format!("/api/articles/{ARTICLE}")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    let article: Article = response.json().await.unwrap();
    assert_eq!(article, fixture);

    assert_error(
        server.get("/api/articles/khong-co-bai-nay").await,
        404,
        "not_found",
    )
    .await;

    let views = server.post(&format!("/api/articles/{ARTICLE}/views")).await;
    assert_eq!(
        views.json::<Value>().await.unwrap(),
        json!({ "views": fixture.views + 1 })
    );
    let article: Article =
        serde_json::from_value(server.get_json(&format!("/api/articles/{ARTICLE}")).await).unwrap();
    assert_eq!(article.views, fixture.views + 1);
    let missing = server.post("/api/articles/khong-co-bai-nay/views").await;
    assert_error(missing, 404, "not_found").await;
}

/// `POST /api/articles/{ARTICLE}/views` as the reader named `reader`, if any: the views it
/// answers.
async fn view_as(server: &TestServer, reader: Option<&str>) -> u64 {
    let mut request = server
        .client
        .post(server.url(&format!("/api/articles/{ARTICLE}/views")));
    if let Some(reader) = reader {
        request = request.header("X-Reader-Id", common::reader(reader));
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status(), 200);
    response.json::<Value>().await.unwrap()["views"]
        .as_u64()
        .unwrap()
}

async fn views_count_once_per_reader_and_reach_the_database_in_batches(backend: Backend) {
    let (database, server) = start(backend).await;
    let sql = format!("SELECT views FROM articles WHERE slug = '{ARTICLE}'");
    let stored = || query_number(&database.url, &sql);
    let before = stored().await as u64;
    // 200 views from one reader add 1.
    for _ in 0..200 {
        assert_eq!(view_as(&server, Some("doc-gia-1")).await, before + 1);
    }
    // 300 fresh reader ids from one machine add at most 30 (`READERS_PER_CLIENT`), the
    // reader above included; as do views without a reader id.
    for n in 0..300 {
        view_as(&server, Some(&format!("doc-gia-moi-{n}"))).await;
    }
    assert_eq!(view_as(&server, None).await, before + 30);
    let article = server.get_json(&format!("/api/articles/{ARTICLE}")).await;
    assert_eq!(article["views"], before + 30);
    // Written within a second or two, in batches, not a write per view.
    for _ in 0..100 {
        if stored().await as u64 == before + 30 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(stored().await as u64, before + 30);
    assert_eq!(view_as(&server, Some("doc-gia-1")).await, before + 30);
}

async fn policy_is_the_default(backend: Backend) {
    let (_database, server) = start(backend).await;
    let policy: Policy = serde_json::from_value(server.get_json("/api/policy").await).unwrap();
    assert_eq!(policy, Policy::default());
}

async fn moderation_flow_end_to_end(backend: Backend) {
    let (_database, server) = start(backend).await;
    let count_path = format!("/api/articles/{ARTICLE}/comments/count");

    let posted = server.create_comment(&comment_body(1)).await;
    assert_eq!(posted["status"], "pending");
    let id = posted["id"].as_i64().unwrap();
    assert!(
        public_page(&server, "").await.comments.is_empty(),
        "pending comments are not listed"
    );
    assert_eq!(server.get_json(&count_path).await, json!({ "count": 0 }));

    let queue = moderation_queue(&server, "pending").await;
    assert_eq!(queue.total, 1);
    assert_eq!(queue.comments[0].id, id);
    assert_eq!(
        queue.comments[0].author_email.as_deref(),
        Some("an@example.vn")
    );

    let approved: Comment = serde_json::from_value(server.approve(id).await).unwrap();
    assert_eq!(approved.status, binhluan_api::CommentStatus::Published);
    let page = public_page(&server, "").await;
    assert_eq!(page.comments.iter().map(|c| c.id).collect::<Vec<_>>(), [id]);
    assert_eq!(page.total, 1);
    let count = server.get(&count_path).await;
    assert_eq!(count.headers()["cache-control"], "public, max-age=5");
    assert_eq!(count.json::<Value>().await.unwrap(), json!({ "count": 1 }));
    assert!(
        moderation_queue(&server, "pending")
            .await
            .comments
            .is_empty()
    );

    let second = server.create_comment(&comment_body(2)).await["id"]
        .as_i64()
        .unwrap();
    let reject_path = format!("/api/moderation/comments/{second}/reject");
    let without_reason = server
        .moderator(Method::POST, &reject_path)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        assert_error(without_reason, 400, "invalid_input").await["field"],
        "reason"
    );
    let blank_reason = server
        .moderator(Method::POST, &reject_path)
        .json(&json!({ "reason": "  " }))
        .send()
        .await
        .unwrap();
    assert_error(blank_reason, 400, "invalid_input").await;
    let rejected = server
        .moderator(Method::POST, &reject_path)
        .json(&json!({ "reason": "Lạc đề" }))
        .send()
        .await
        .unwrap();
    assert_eq!(rejected.status(), 200);
    let rejected: Comment = rejected.json().await.unwrap();
    assert_eq!(rejected.status, binhluan_api::CommentStatus::Rejected);
    assert_eq!(rejected.rejection_reason.as_deref(), Some("Lạc đề"));
    assert_eq!(
        public_page(&server, "").await.total,
        1,
        "rejected comments are not listed"
    );
    let rejected_queue = moderation_queue(&server, "rejected").await;
    assert_eq!(
        rejected_queue
            .comments
            .iter()
            .map(|c| c.id)
            .collect::<Vec<_>>(),
        [second]
    );
    assert_eq!(
        rejected_queue.comments[0].rejection_reason.as_deref(),
        Some("Lạc đề")
    );

    // The queue is oldest first and pages with a cursor.
    let ids: Vec<i64> = {
        let mut ids = Vec::new();
        for n in 3..6 {
            ids.push(
                server.create_comment(&comment_body(n)).await["id"]
                    .as_i64()
                    .unwrap(),
            );
        }
        ids
    };
    let first = moderation_page(&server, "?limit=2").await;
    assert_eq!(
        first.comments.iter().map(|c| c.id).collect::<Vec<_>>(),
        ids[..2]
    );
    assert_eq!(first.total, 3);
    let cursor = first.next_cursor.expect("a second page");
    let rest = moderation_page(&server, &format!("?limit=2&cursor={cursor}")).await;
    assert_eq!(
        rest.comments.iter().map(|c| c.id).collect::<Vec<_>>(),
        ids[2..]
    );
    assert_eq!(rest.next_cursor, None);

    for (method, path, status, code) in [
        (
            Method::POST,
            "/api/moderation/comments/987654/approve",
            404,
            "not_found",
        ),
        (
            Method::GET,
            "/api/moderation/comments?status=deleted",
            400,
            "invalid_input",
        ),
    ] {
        let response = server.moderator(method, path).send().await.unwrap();
        assert_error(response, status, code).await;
    }
}

async fn auto_publish_publishes_at_once(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(binhluan_server::Config {
        auto_publish: true,
        ..config(&database.url)
    })
    .await;
    let posted = server.create_comment(&comment_body(1)).await;
    assert_eq!(posted["status"], "published");
    assert_eq!(
        public_page(&server, "").await.comments[0].id,
        posted["id"].as_i64().unwrap()
    );
}

/// A server enforcing `policy` (given with `--policy`); the directory holds the policy file.
async fn start_with_policy(
    backend: Backend,
    policy: &Policy,
    auto_publish: bool,
) -> (TestDatabase, TestServer, tempfile::TempDir) {
    let database = TestDatabase::new(backend).await;
    let dir = tempfile::tempdir().unwrap();
    let policy_file = dir.path().join("policy.json");
    std::fs::write(&policy_file, serde_json::to_string(policy).unwrap()).unwrap();
    let server = TestServer::start(binhluan_server::Config {
        auto_publish,
        policy: Some(policy_file),
        ..config(&database.url)
    })
    .await;
    let served: Policy = serde_json::from_value(server.get_json("/api/policy").await).unwrap();
    assert_eq!(&served, policy);
    (database, server, dir)
}

async fn verdict_matches_the_rules_crate(backend: Backend) {
    let holding = Policy {
        links: LinkPolicy::Hold,
        max_chars: 300,
        banned_words: vec!["lừa đảo".to_owned()],
        ..Policy::default()
    };
    for policy in [Policy::default(), holding] {
        assert_server_verdicts(backend, &policy).await;
    }
}

/// Posts a handful of texts to a server enforcing `policy` and compares each answer with
/// `binhluan_rules::check`: accepted (and held when the verdict holds) or `422` with exactly
/// the verdict's violations.
async fn assert_server_verdicts(backend: Backend, policy: &Policy) {
    let (_database, server, _policy_dir) = start_with_policy(backend, policy, true).await;
    let texts = [
        valid_text(1),
        "Hay quá!".to_owned(),
        "Bai viet rat hay va y nghia, cam on toa soan da dua tin ve Sa Pa nhe".to_owned(),
        "Xem thêm bài viết rất hay và ý nghĩa này tại https://vi.wikipedia.org/wiki/Sa_Pa nhé các bạn".to_owned(),
        "Đây là trò lừa đảo, bài viết rất hay và ý nghĩa, cảm ơn tòa soạn đã đưa tin".to_owned(),
        format!("{} {}", valid_text(2), "rất hay ".repeat(60)),
        // Decomposed marks and a zero-width space: stored normalized.
        "Bài vie\u{302}\u{301}t rất hay\u{200b} và ý nghĩa, cảm ơn tòa soạn đã đưa tin về Sa Pa".to_owned(),
        "Cảm ơn".to_owned(),
        XSS_CONTENT.to_owned(),
    ];
    let (mut accepted, mut refused, mut held) = (0, 0, 0);
    for text in texts {
        let verdict = binhluan_rules::check(&text, policy);
        accepted += usize::from(verdict.ok);
        refused += usize::from(!verdict.ok);
        held += usize::from(verdict.ok && verdict.hold);
        let body = json!({ "author_name": "Trần Thị Bình", "content": text });
        let response = server.post_comment(&body, &unique_key()).await;
        if verdict.ok {
            assert_eq!(
                response.status(),
                201,
                "{text:?} passes the rules: {verdict:?}"
            );
            let comment: Comment = response.json().await.unwrap();
            let expected_status = if verdict.hold { "pending" } else { "published" };
            assert_eq!(
                serde_json::to_value(comment.status).unwrap(),
                expected_status,
                "{text:?}"
            );
            assert_eq!(
                comment.content,
                binhluan_rules::normalize_for_storage(&text)
            );
        } else {
            let error = assert_error(response, 422, "rule_violation").await;
            let violations: Vec<Violation> =
                serde_json::from_value(error["violations"].clone()).unwrap();
            assert_eq!(violations, verdict.violations, "{text:?}");
        }
    }
    assert!(
        accepted > 0 && refused > 0,
        "the texts exercise both answers ({accepted} accepted, {refused} refused)"
    );
    if policy.links == LinkPolicy::Hold {
        assert!(held > 0, "a link is held under \"links\": \"hold\"");
    }
}

/// Script and event-handler markup inside a valid Vietnamese comment.
const XSS_CONTENT: &str = "Bài viết rất hay và ý nghĩa <script>alert(1)</script>, cảm ơn tòa soạn đã đưa tin \
                           <img src=x onerror=alert(2)> về thị xã Sa Pa của chúng ta";

async fn xss_payload_is_stored_verbatim_and_returned_as_json_text(backend: Backend) {
    // The rules see the <img> tag as a link: a newsroom that allows links accepts it.
    let allowing_links = Policy {
        links: LinkPolicy::Allow,
        ..Policy::default()
    };
    let (_database, server, _policy_dir) = start_with_policy(backend, &allowing_links, false).await;
    let content = XSS_CONTENT;
    assert!(
        binhluan_rules::check(content, &allowing_links).ok,
        "the payload is a valid comment"
    );
    let name = "<b onmouseover=alert(3)>An</b>";
    let posted = server
        .create_comment(&json!({ "author_name": name, "content": content }))
        .await;
    let expected = binhluan_rules::normalize_for_storage(content);
    assert_eq!(posted["content"], expected.as_str());
    server.approve(posted["id"].as_i64().unwrap()).await;

    let response = server
        .get(&format!("/api/articles/{ARTICLE}/comments"))
        .await;
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    let page: CommentPage = response.json().await.unwrap();
    assert_eq!(
        page.comments[0].content, expected,
        "stored and returned verbatim, as text"
    );
    assert!(
        expected.contains("<script>alert(1)</script>")
            && expected.contains("<img src=x onerror=alert(2)>")
    );
    assert_eq!(page.comments[0].author_name, name);
}

async fn retries_with_the_same_key_replay_the_original_answer(backend: Backend) {
    let (_database, server) = start(backend).await;
    let body = comment_body(1);
    let first = server.post_comment(&body, "retry-key-1").await;
    assert_eq!(first.status(), 201);
    let first_text = first.text().await.unwrap();
    for _ in 0..3 {
        let again = server.post_comment(&body, "retry-key-1").await;
        assert_eq!(again.status(), 201);
        assert_eq!(again.headers()["idempotent-replayed"], "true");
        assert_eq!(
            again.text().await.unwrap(),
            first_text,
            "the original answer, same id"
        );
    }
    let other = server.post_comment(&comment_body(2), "retry-key-1").await;
    assert_error(other, 409, "idempotency_conflict").await;
    assert_eq!(moderation_queue(&server, "pending").await.total, 1);

    let url = server.url(&format!("/api/articles/{ARTICLE}/comments"));
    let missing = server.client.post(&url).json(&body).send().await.unwrap();
    assert_eq!(
        assert_error(missing, 400, "invalid_input").await["field"],
        "Idempotency-Key"
    );
    for bad in ["has space", &"k".repeat(101), "ngày"] {
        let request = server.client.post(&url).json(&body);
        let response = request
            .header("Idempotency-Key", bad.as_bytes())
            .send()
            .await
            .unwrap();
        assert_eq!(
            assert_error(response, 400, "invalid_input").await["field"],
            "Idempotency-Key",
            "{bad:?}"
        );
    }
    let longest = server
        .post_comment(&comment_body(3), &"k".repeat(100))
        .await;
    assert_eq!(longest.status(), 201);
}

async fn idempotency_keys_expire_after_seven_days(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let first = TestServer::start(config(&database.url)).await;
    let days_ago = |days: i64, key: &str| {
        format!(
            "UPDATE idempotency_keys SET created_at = created_at - {} WHERE idempotency_key = '{key}'",
            days * 86_400_000_000
        )
    };
    let (week_old, six_days_old) = (comment_body(1), comment_body(2));
    let week_old_id = first.post_comment(&week_old, "week-old").await;
    let week_old_id = week_old_id.json::<Comment>().await.unwrap().id;
    let six_days_old_answer = first.post_comment(&six_days_old, "six-days-old").await;
    let six_days_old_answer = six_days_old_answer.text().await.unwrap();
    first.stop().await;
    execute_sql(&database.url, &days_ago(8, "week-old")).await;
    execute_sql(&database.url, &days_ago(6, "six-days-old")).await;

    // Any process purges expired keys when it posts (at most once an hour).
    let second = TestServer::start(config(&database.url)).await;
    second.create_comment(&comment_body(3)).await;
    let kept = |key: &str| {
        format!("SELECT COUNT(*) FROM idempotency_keys WHERE idempotency_key = '{key}'")
    };
    assert_eq!(query_number(&database.url, &kept("week-old")).await, 0);
    assert_eq!(query_number(&database.url, &kept("six-days-old")).await, 1);
    let replayed = second.post_comment(&six_days_old, "six-days-old").await;
    assert_eq!(replayed.headers()["idempotent-replayed"], "true");
    assert_eq!(replayed.text().await.unwrap(), six_days_old_answer);
    // A retry after the retention posts again.
    let reposted = second.post_comment(&week_old, "week-old").await;
    assert_eq!(reposted.status(), 201);
    assert!(reposted.headers().get("idempotent-replayed").is_none());
    assert_ne!(reposted.json::<Comment>().await.unwrap().id, week_old_id);
}

async fn concurrent_posts_with_one_key_create_one_comment(backend: Backend) {
    let (_database, server) = start(backend).await;
    let body = comment_body(1);
    let attempts = (0..16).map(|_| server.post_comment(&body, "concurrent-key"));
    let answers = join_all(attempts).await;
    let mut ids = HashSet::new();
    for response in answers {
        assert_eq!(response.status(), 201);
        let comment: Comment = response.json().await.unwrap();
        ids.insert(comment.id);
    }
    assert_eq!(ids.len(), 1, "every retry got the same comment");
    assert_eq!(moderation_queue(&server, "pending").await.total, 1);
}

async fn concurrent_posts_with_different_keys_all_succeed(backend: Backend) {
    let (_database, server) = start(backend).await;
    let requests: Vec<(Value, String)> = (0..24).map(|n| (comment_body(n), unique_key())).collect();
    let answers = join_all(
        requests
            .iter()
            .map(|(body, key)| server.post_comment(body, key)),
    )
    .await;
    let mut ids = HashSet::new();
    for response in answers {
        assert_eq!(response.status(), 201);
        ids.insert(response.json::<Comment>().await.unwrap().id);
    }
    assert_eq!(ids.len(), 24);
    assert_eq!(moderation_queue(&server, "pending").await.total, 24);
}

/// Posts that arrive together (on SQLite, they share one commit) are decided one by one: a
/// post refused for its key or its parent refuses only itself, and every other is stored.
async fn a_refused_post_among_concurrent_posts_refuses_only_itself(backend: Backend) {
    let (_database, server) = start(backend).await;
    let good: Vec<(Value, String)> = (0..12).map(|n| (comment_body(n), unique_key())).collect();
    let one_key_six_comments: Vec<Value> = (20..26).map(comment_body).collect();
    let mut orphan = comment_body(30);
    orphan["parent_id"] = json!(999_999);
    let orphan_key = unique_key();
    let (good_answers, same_key_answers, orphan_answer) = tokio::join!(
        join_all(
            good.iter()
                .map(|(body, key)| server.post_comment(body, key))
        ),
        join_all(
            one_key_six_comments
                .iter()
                .map(|body| server.post_comment(body, "one-key-six-comments"))
        ),
        server.post_comment(&orphan, &orphan_key),
    );
    for response in good_answers {
        assert_eq!(response.status(), 201);
    }
    let statuses: Vec<u16> = same_key_answers
        .iter()
        .map(|response| response.status().as_u16())
        .collect();
    assert_eq!(
        statuses.iter().filter(|&&status| status == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|&&status| status == 409).count(),
        5,
        "{statuses:?}"
    );
    assert_error(orphan_answer, 400, "invalid_input").await;
    assert_eq!(moderation_queue(&server, "pending").await.total, 13);
}

async fn rate_limit_is_counted_in_the_database(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let limited = binhluan_server::Config {
        post_rate_limit: 3,
        ..config(&database.url)
    };
    let clock = Clock::stopped_at_the_hour();
    let first = TestServer::start_with_clock(limited.clone(), &clock).await;
    let second = TestServer::start_with_clock(limited.clone(), &clock).await;

    let first_body = comment_body(1);
    assert_eq!(
        first.post_comment(&first_body, "rate-key-1").await.status(),
        201
    );
    assert_eq!(
        second
            .post_comment(&comment_body(2), "rate-key-2")
            .await
            .status(),
        201
    );
    assert_eq!(
        first
            .post_comment(&comment_body(3), "rate-key-3")
            .await
            .status(),
        201
    );
    // Replays neither count nor get refused.
    for _ in 0..3 {
        assert_eq!(
            second
                .post_comment(&first_body, "rate-key-1")
                .await
                .status(),
            201
        );
    }
    let refused_key = unique_key();
    for (server, key) in [(&second, unique_key()), (&first, refused_key.clone())] {
        let refused = server.post_comment(&comment_body(4), &key).await;
        let retry_after: u64 = refused.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        // The window began as the clock stopped: a whole minute is left.
        assert_eq!(retry_after, 60, "Retry-After {retry_after}");
        let error = assert_error(refused, 429, "rate_limited").await;
        assert_eq!(error["retry_after"], retry_after);
    }
    // A refused key is not used up: it can be retried once the window has passed (below).
    assert_eq!(moderation_queue(&first, "pending").await.total, 3);

    // X-Forwarded-For is ignored unless trusted; trusted, it is the client address.
    let spoofed = post_with_headers(
        &first,
        ARTICLE,
        &[("X-Forwarded-For", "203.0.113.7")],
        &comment_body(5),
    )
    .await;
    assert_eq!(spoofed.status(), 429);
    let behind_proxy = TestServer::start_with_clock(
        binhluan_server::Config {
            trusted_proxies: vec!["127.0.0.1/32".parse().unwrap()],
            ..limited.clone()
        },
        &clock,
    )
    .await;
    let forwarded = post_with_headers(
        &behind_proxy,
        ARTICLE,
        &[("X-Forwarded-For", "198.51.100.1, 203.0.113.7")],
        &comment_body(6),
    )
    .await;
    assert_eq!(
        forwarded.status(),
        201,
        "another client address behind the proxy"
    );

    // With the limit off, nothing is refused.
    let unlimited = TestServer::start(config(&database.url)).await;
    assert_eq!(
        unlimited
            .post_comment(&comment_body(7), &unique_key())
            .await
            .status(),
        201
    );

    // The next minute is a new window: the refused key posts.
    clock.advance(Duration::from_secs(60));
    assert_eq!(
        first
            .post_comment(&comment_body(4), &refused_key)
            .await
            .status(),
        201
    );
}

/// A server that takes one post a window from each client, behind a proxy on this machine
/// whose `X-Forwarded-For` it trusts; its clock stands still, so the window never ends.
async fn one_post_an_hour_behind_the_local_proxy(backend: Backend) -> (TestDatabase, TestServer) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start_with_clock(
        binhluan_server::Config {
            post_rate_limit: 1,
            trusted_proxies: vec!["127.0.0.1/32".parse().unwrap()],
            ..config(&database.url)
        },
        &Clock::stopped_at_the_hour(),
    )
    .await;
    (database, server)
}

async fn rate_limit_counts_ipv6_clients_by_their_64(backend: Backend) {
    let (_database, server) = one_post_an_hour_behind_the_local_proxy(backend).await;
    // In order: the last X-Forwarded-For entry, the status its post gets, and why.
    let posts = [
        ("2001:db8:1:2::1", 201),                  // 2001:db8:1:2::/64
        ("2001:db8:1:2:ffff:ffff:ffff:ffff", 429), // the same /64
        ("[2001:db8:1:2::3]:443", 429),            // the same /64
        ("2001:db8:1:3::1", 201),                  // the next /64
        ("198.51.100.9", 201),                     // an IPv4 address
        ("::ffff:198.51.100.9", 429),              // the same, IPv4-mapped
        ("198.51.100.9:5555", 429),                // the same, with a port
        ("198.51.100.10", 201),                    // the next IPv4 address
        ("unknown", 201),                          // not an address: the peer, 127.0.0.1
        ("not an address", 429),                   // the peer again
    ];
    for (n, (forwarded_for, status)) in posts.into_iter().enumerate() {
        let header = format!("192.0.2.1, {forwarded_for}");
        let headers = [("X-Forwarded-For", header.as_str())];
        let response = post_with_headers(&server, ARTICLE, &headers, &comment_body(n)).await;
        assert_eq!(response.status(), status, "X-Forwarded-For {forwarded_for}");
    }
    let from_the_peer = server.post_comment(&comment_body(99), &unique_key()).await;
    assert_eq!(from_the_peer.status(), 429, "no X-Forwarded-For: the peer");
}

/// Posts comment `n` as the client `forwarded_for` behind the trusted local proxy.
async fn post_as(server: &TestServer, forwarded_for: &str, n: usize) -> u16 {
    let headers = [("X-Forwarded-For", forwarded_for)];
    post_with_headers(server, ARTICLE, &headers, &comment_body(n))
        .await
        .status()
        .as_u16()
}

async fn rate_limit_counts_ipv6_networks_by_their_56_and_48(backend: Backend) {
    let (_database, server) = one_post_an_hour_behind_the_local_proxy(backend).await;
    // Four /64s of one /56 post once each; a fifth /64 of it is past the /56's 4.
    for n in 0..4 {
        assert_eq!(
            post_as(&server, &format!("2001:db8:5:{n}::1"), n).await,
            201
        );
    }
    assert_eq!(post_as(&server, "2001:db8:5:4::1", 4).await, 429, "the /56");
    // Other /56s of the same /48 go on, up to the /48's 16 posts (a refused one is not
    // counted).
    for n in 1..=12 {
        let client = format!("2001:db8:5:{n:x}00::1");
        assert_eq!(post_as(&server, &client, 10 + n).await, 201, "{client}");
    }
    assert_eq!(
        post_as(&server, "2001:db8:5:d00::1", 30).await,
        429,
        "the /48"
    );
    // Another /48 is another network.
    assert_eq!(post_as(&server, "2001:db8:6::1", 31).await, 201);
}

async fn forwarded_for_is_read_through_the_trusted_proxies_only(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let clock = Clock::stopped_at_the_hour();
    // Two proxies in front: a CDN (198.51.100.0/24) and the load balancer (this machine).
    let server = TestServer::start_with_clock(
        binhluan_server::Config {
            post_rate_limit: 1,
            trusted_proxies: vec![
                "127.0.0.1/32".parse().unwrap(),
                "198.51.100.0/24".parse().unwrap(),
            ],
            ..config(&database.url)
        },
        &clock,
    )
    .await;
    assert_eq!(post_as(&server, "203.0.113.7, 198.51.100.20", 1).await, 201);
    // The same client through another CDN node: the same client.
    assert_eq!(post_as(&server, "203.0.113.7, 198.51.100.21", 2).await, 429);
    // What the client writes left of itself does not make it someone else.
    assert_eq!(
        post_as(&server, "192.0.2.99, 203.0.113.7, 198.51.100.20", 3).await,
        429
    );
    // Another client through the CDN.
    assert_eq!(post_as(&server, "203.0.113.8, 198.51.100.20", 4).await, 201);

    // A server that trusts no proxy ignores the header.
    let direct = TestServer::start_with_clock(
        binhluan_server::Config {
            post_rate_limit: 1,
            ..config(&database.url)
        },
        &clock,
    )
    .await;
    assert_eq!(post_as(&direct, "203.0.113.50", 5).await, 201);
    assert_eq!(post_as(&direct, "203.0.113.51", 6).await, 429, "the peer");
}

async fn refused_posts_have_a_limit_of_their_own(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let clock = Clock::stopped_at_the_hour();
    let server = TestServer::start_with_clock(
        binhluan_server::Config {
            refused_post_rate_limit: 3,
            ..config(&database.url)
        },
        &clock,
    )
    .await;
    let refused = json!({ "author_name": "Bot", "content": "spam spam spam" });
    for attempt in 0..3 {
        let answer = server.post_comment(&refused, &unique_key()).await;
        assert_eq!(answer.status(), 422, "attempt {attempt}");
    }
    let answer = server.post_comment(&refused, &unique_key()).await;
    assert_error(answer, 429, "rate_limited").await;
    // Accepted posts have their own limit (off here): a reader who fixed the text posts.
    assert_eq!(
        server
            .post_comment(&comment_body(1), &unique_key())
            .await
            .status(),
        201
    );
}

async fn malformed_bodies_are_refused(backend: Backend) {
    let (_database, server) = start(backend).await;
    let valid = valid_text(1);
    let bodies: Vec<Vec<u8>> = vec![
        b"{".to_vec(),
        b"".to_vec(),
        b"[]".to_vec(),
        b"null".to_vec(),
        [
            b"{\"author_name\":\"Nguy\xff\xfen\",\"content\":\"".as_slice(),
            valid.as_bytes(),
            b"\"}",
        ]
        .concat(),
        json!({ "author_name": "Nguyễn Văn An", "content": 123 })
            .to_string()
            .into_bytes(),
        json!({ "author_name": ["An"], "content": valid })
            .to_string()
            .into_bytes(),
        json!({ "author_name": "Nguyễn Văn An", "content": valid, "parent_id": "một" })
            .to_string()
            .into_bytes(),
        json!({ "author_name": "Nguyễn Văn An", "content": valid, "author_email": 5 })
            .to_string()
            .into_bytes(),
        json!({ "author_name": "Nguyễn Văn An", "content": valid, "is_admin": true })
            .to_string()
            .into_bytes(),
        json!({ "author_name": "Nguyễn Văn An" })
            .to_string()
            .into_bytes(),
        json!({ "content": valid }).to_string().into_bytes(),
    ];
    for body in bodies {
        let response = post_raw(&server, body.clone()).await;
        assert_eq!(response.status(), 400, "{}", String::from_utf8_lossy(&body));
        assert_error(response, 400, "invalid_input").await;
    }
    assert_eq!(moderation_queue(&server, "pending").await.total, 0);
}

/// Posts `body` (JSON bytes) as a comment on the sample article.
async fn post_raw(server: &TestServer, body: Vec<u8>) -> reqwest::Response {
    server
        .comment_post(ARTICLE, &unique_key())
        .header("Content-Type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap()
}

/// `value` as JSON padded with trailing spaces (still valid JSON) to exactly `length` bytes.
fn json_of_length(value: &Value, length: usize) -> Vec<u8> {
    let mut bytes = value.to_string().into_bytes();
    assert!(bytes.len() <= length);
    bytes.resize(length, b' ');
    bytes
}

async fn body_size_and_content_type_are_enforced(backend: Backend) {
    let (_database, server) = start(backend).await;
    // The default policy's 2000 characters: 16 × 2000 + 4096 bytes.
    let limit = 36_096;
    let at_limit = post_raw(&server, json_of_length(&comment_body(1), limit)).await;
    assert_eq!(at_limit.status(), 201, "a body of exactly the limit");
    let over_limit = post_raw(&server, json_of_length(&comment_body(2), limit + 1)).await;
    assert_error(over_limit, 413, "payload_too_large").await;

    let body = comment_body(1).to_string();
    for content_type in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        Some("multipart/form-data"),
        None,
    ] {
        let mut request = server
            .comment_post(ARTICLE, &unique_key())
            .body(body.clone());
        if let Some(content_type) = content_type {
            request = request.header("Content-Type", content_type);
        }
        assert_error(request.send().await.unwrap(), 415, "unsupported_media_type").await;
    }
    let with_charset = server
        .comment_post(ARTICLE, &unique_key())
        .header("Content-Type", "application/json; charset=utf-8")
        .body(body);
    assert_eq!(with_charset.send().await.unwrap().status(), 201);
}

async fn body_limit_follows_the_policy(backend: Backend) {
    let long = Policy {
        max_chars: 10_000,
        ..Policy::default()
    };
    let (_database, server, _policy_dir) = start_with_policy(backend, &long, false).await;
    // A comment at the limit, 10000 characters: a sentence, a space and emoji (4 bytes
    // each), sent raw and, as Python's json.dumps writes it, with every non-ASCII character
    // escaped (an emoji as a surrogate pair, 12 bytes).
    let sentence = "Bài viết rất hay và ý nghĩa, cảm ơn tòa soạn nhiều lắm";
    let content = format!("{sentence} {}", "😀".repeat(10_000 - 55));
    let verdict = binhluan_rules::check(&content, &long);
    assert!(verdict.ok, "{:?}", verdict.violations);
    let body = json!({ "author_name": "Nguyễn Văn An", "content": content });
    let raw = body.to_string().into_bytes();
    let escaped = ascii_escaped(&body.to_string());
    assert!(raw.len() > 16 * 1024 && escaped.len() > 100 * 1024);
    for bytes in [raw, escaped] {
        let length = bytes.len();
        assert_eq!(
            post_raw(&server, bytes).await.status(),
            201,
            "{length} bytes"
        );
    }
    // 16 × 10000 + 4096 bytes.
    let over_limit = post_raw(&server, json_of_length(&comment_body(1), 164_097)).await;
    assert_error(over_limit, 413, "payload_too_large").await;
}

/// JSON text with every non-ASCII character written as `\uXXXX` escapes.
fn ascii_escaped(json: &str) -> Vec<u8> {
    let mut escaped = String::new();
    for c in json.chars() {
        if c.is_ascii() {
            escaped.push(c);
        } else {
            for unit in c.encode_utf16(&mut [0; 2]) {
                escaped.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    escaped.into_bytes()
}

async fn author_name_and_email_are_validated(backend: Backend) {
    let (_database, server) = start(backend).await;
    let post = |name: String, email: Option<&str>| {
        let mut body = json!({ "author_name": name, "content": valid_text(1) });
        if let Some(email) = email {
            body["author_email"] = json!(email);
        }
        body
    };
    for name in [
        "A".to_owned(),
        "   ".to_owned(),
        " B ".to_owned(),
        "ă".repeat(51),
        "An\u{7}".to_owned(),
        // Invisible characters are not part of the stored name, so they do not count.
        "\u{200B}\u{200B}".to_owned(),
        "\u{FEFF}".repeat(3),
        "\u{2060}\u{2060}".to_owned(),
        "\u{AD}\u{AD}".to_owned(),
        "A\u{200B}".to_owned(),
    ] {
        let response = server
            .post_comment(&post(name.clone(), None), &unique_key())
            .await;
        assert_eq!(
            assert_error(response, 400, "invalid_input").await["field"],
            "author_name",
            "{name:?}"
        );
    }
    let trimmed = server
        .create_comment(&post("  Lê Hưng  ".to_owned(), None))
        .await;
    assert_eq!(trimmed["author_name"], "Lê Hưng");
    assert_eq!(
        server.create_comment(&post("ă".repeat(50), None)).await["author_name"],
        "ă".repeat(50)
    );
    // Stored exactly as validated: NFC, invisible characters removed, trimmed again; 50
    // letters typed decomposed are 50 characters.
    for (typed, stored) in [
        (
            "\u{200B} Le\u{302} Hu\u{31b}ng\u{AD} ".to_owned(),
            "Lê Hưng".to_owned(),
        ),
        ("a\u{306}".repeat(50), "ă".repeat(50)),
    ] {
        assert_eq!(
            server.create_comment(&post(typed.clone(), None)).await["author_name"],
            stored.as_str(),
            "{typed:?}"
        );
    }

    // Links in names are found by the rules crate's link detection.
    for (name, has_link) in [
        ("xem spam.com", true),
        ("https://spam.example", true),
        ("Nguyễn Văn An", false),
    ] {
        let response = server
            .post_comment(&post(name.to_owned(), None), &unique_key())
            .await;
        if has_link {
            assert_eq!(
                assert_error(response, 400, "invalid_input").await["field"],
                "author_name",
                "{name:?}"
            );
        } else {
            assert_eq!(response.status(), 201, "{name:?}");
        }
    }

    let too_long = format!(
        "{}@{}.vn",
        "a".repeat(64),
        vec!["b".repeat(63); 3].join(".")
    );
    for email in ["an", "an@", "an@bao", "an bình@bao.vn", too_long.as_str()] {
        let response = server
            .post_comment(&post("Lê Hưng".to_owned(), Some(email)), &unique_key())
            .await;
        assert_eq!(
            assert_error(response, 400, "invalid_input").await["field"],
            "author_email",
            "{email:?}"
        );
    }
    server
        .create_comment(&post("Lê Hưng".to_owned(), Some("hung@baolaocai.vn")))
        .await;
    let blank = server
        .create_comment(&post("Lê Hưng".to_owned(), Some("")))
        .await["id"]
        .as_i64()
        .unwrap();
    let queue = moderation_queue(&server, "pending").await;
    let stored_blank = queue
        .comments
        .iter()
        .find(|comment| comment.id == blank)
        .unwrap();
    assert_eq!(
        stored_blank.author_email, None,
        "a blank e-mail is no e-mail"
    );
    assert!(
        queue
            .comments
            .iter()
            .any(|c| c.author_email.as_deref() == Some("hung@baolaocai.vn"))
    );
}

async fn replies_go_one_level_deep(backend: Backend) {
    let (database, server) = start(backend).await;
    let parent = server.published_comment(1, None).await;
    let first_reply = server.published_comment(2, Some(parent)).await;
    let second_reply = server.published_comment(3, Some(parent)).await;
    let pending_reply = server
        .create_comment(&json!({ "parent_id": parent }).pipe_merge(comment_body(4)))
        .await;
    assert_eq!(pending_reply["parent_id"], parent);

    let page = public_page(&server, "").await;
    assert_eq!(page.comments.len(), 1, "replies are not top-level comments");
    let replies: Vec<i64> = page.comments[0]
        .replies
        .iter()
        .map(|reply| reply.id)
        .collect();
    assert_eq!(
        replies,
        [first_reply, second_reply],
        "published replies, oldest first"
    );
    assert_eq!(page.total, 3);

    let reply_to = |parent_id: i64| json!({ "parent_id": parent_id }).pipe_merge(comment_body(9));
    for (parent_id, what) in [
        (first_reply, "reply to a reply"),
        (987_654, "no such parent"),
    ] {
        let response = server
            .post_comment(&reply_to(parent_id), &unique_key())
            .await;
        assert_eq!(
            assert_error(response, 400, "invalid_input").await["field"],
            "parent_id",
            "{what}"
        );
    }
    let rejected = server.create_comment(&comment_body(5)).await["id"]
        .as_i64()
        .unwrap();
    server
        .moderator(
            Method::POST,
            &format!("/api/moderation/comments/{rejected}/reject"),
        )
        .json(&json!({ "reason": "spam" }))
        .send()
        .await
        .unwrap();
    let response = server
        .post_comment(&reply_to(rejected), &unique_key())
        .await;
    let refused_rejected = assert_error(response, 400, "invalid_input").await;
    // A comment still waiting for a moderator cannot be answered either, and the answer is
    // the one for a comment that does not exist: readers cannot learn that it does.
    let waiting = server.create_comment(&comment_body(7)).await["id"]
        .as_i64()
        .unwrap();
    let response = server.post_comment(&reply_to(waiting), &unique_key()).await;
    let refused_waiting = assert_error(response, 400, "invalid_input").await;
    let response = server.post_comment(&reply_to(987_655), &unique_key()).await;
    let refused_missing = assert_error(response, 400, "invalid_input").await;
    assert_eq!(refused_waiting, refused_missing);
    assert_eq!(refused_rejected, refused_missing);

    // A reply whose comment is rejected after it was published (a moderator's undo, then a
    // rejection) is shown nowhere, and not counted.
    execute_sql(
        &database.url,
        &format!("UPDATE comments SET status = 'rejected' WHERE id = {parent}"),
    )
    .await;
    let page = public_page(&server, "").await;
    assert!(page.comments.is_empty(), "{:?}", page.comments);
    assert_eq!(page.total, 0);
    let count = server
        .get_json(&format!("/api/articles/{ARTICLE}/comments/count"))
        .await;
    assert_eq!(count["count"], 0);

    execute_sql(
        &database.url,
        "INSERT INTO articles (slug, document, views) VALUES ('bai-khac', \
         '{\"slug\":\"bai-khac\",\"title\":\"Bài khác\",\"published_at\":\"2020-05-18T08:00:00+07:00\",\
         \"views\":0,\"lead\":\"Tin ngắn.\",\"body\":[],\"byline\":\"PV\"}', 0)",
    )
    .await;
    let elsewhere = post_with_headers(&server, "bai-khac", &[], &reply_to(parent)).await;
    assert_eq!(
        assert_error(elsewhere, 400, "invalid_input").await["field"],
        "parent_id"
    );
    let unknown_article =
        post_with_headers(&server, "khong-co-bai-nay", &[], &comment_body(6)).await;
    assert_error(unknown_article, 404, "not_found").await;
}

/// `GET /api/comments/{id}/replies{query}` as reader `reader-1`.
async fn replies_page(server: &TestServer, id: i64, query: &str) -> reqwest::Response {
    server
        .client
        .get(server.url(&format!("/api/comments/{id}/replies{query}")))
        .header("X-Reader-Id", common::reader("reader-1"))
        .send()
        .await
        .unwrap()
}

async fn replies_are_paged_with_their_own_cursor(backend: Backend) {
    let (database, server) = start(backend).await;
    let parent = server.published_comment(1, None).await;
    let quiet = server.published_comment(2, None).await;
    let mut replies = Vec::new();
    for n in 0..8 {
        replies.push(server.published_comment(10 + n, Some(parent)).await);
    }
    // A pending reply is on no page and in no count.
    server
        .create_comment(&json!({ "parent_id": parent }).pipe_merge(comment_body(30)))
        .await;
    let liked = replies[5];
    let like = like_request(
        &server,
        Method::POST,
        &liked.to_string(),
        &[("X-Reader-Id", &common::reader("reader-1"))],
    )
    .await;
    assert_eq!(like.status(), 200);

    let page = public_page(&server, "").await;
    assert_eq!(page.total, 10);
    let shown = page.comments.iter().find(|c| c.id == parent).unwrap();
    assert_eq!(
        shown.replies.iter().map(|r| r.id).collect::<Vec<_>>(),
        replies[..3],
        "the first 3 replies, oldest first"
    );
    assert_eq!(shown.reply_count, 8);
    let quiet = page.comments.iter().find(|c| c.id == quiet).unwrap();
    assert_eq!((quiet.reply_count, &quiet.replies_cursor), (0, &None));

    // The rest, two at a time, from the comment's own cursor.
    let mut cursor = shown.replies_cursor.clone().expect("more replies to load");
    let mut seen = Vec::new();
    loop {
        let response = replies_page(&server, parent, &format!("?limit=2&cursor={cursor}")).await;
        assert_eq!(response.status(), 200);
        let page: CommentPage = response.json().await.unwrap();
        assert_eq!(page.total, 8, "all the comment's published replies");
        assert!(page.comments.len() <= 2);
        assert!(page.comments.iter().all(|r| r.parent_id == Some(parent)));
        seen.extend(page.comments);
        match page.next_cursor {
            Some(next) => cursor = next,
            None => break,
        }
    }
    assert_eq!(
        seen.iter().map(|r| r.id).collect::<Vec<_>>(),
        replies[3..],
        "every other reply once, oldest first"
    );
    // The pages are public (asked with a reader id, they still say nothing of the reader);
    // the reader's like is in the article's `liked`.
    assert!(seen.iter().all(|r| !r.liked));
    let mine = server
        .client
        .get(server.url(&format!("/api/articles/{ARTICLE}/mine")))
        .header("X-Reader-Id", common::reader("reader-1"))
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(mine, json!({ "liked": [liked], "pending": [] }));

    // From the start without a cursor; a comment whose replies fit has no cursor.
    let response = replies_page(&server, parent, "").await;
    let all: CommentPage = response.json().await.unwrap();
    assert_eq!(all.comments.len(), 8);
    assert_eq!(all.next_cursor, None);

    assert_error(
        replies_page(&server, parent, "?cursor=x!").await,
        400,
        "invalid_input",
    )
    .await;
    assert_error(
        replies_page(&server, parent, "?limit=101").await,
        400,
        "invalid_input",
    )
    .await;
    assert_error(
        replies_page(&server, parent, "?sort=top").await,
        400,
        "invalid_input",
    )
    .await;
    // Only a published top-level comment has a page of replies.
    let pending = server.create_comment(&comment_body(40)).await["id"]
        .as_i64()
        .unwrap();
    for id in [replies[0], pending, 987_654] {
        assert_error(replies_page(&server, id, "").await, 404, "not_found").await;
    }
    execute_sql(
        &database.url,
        &format!("UPDATE articles SET hidden = 1 WHERE slug = '{ARTICLE}'"),
    )
    .await;
    assert_error(replies_page(&server, parent, "").await, 404, "not_found").await;
}

async fn pagination_walks_every_comment_once(backend: Backend) {
    let (_database, server) = start(backend).await;
    let mut ids = Vec::new();
    for n in 0..7 {
        ids.push(server.published_comment(n, None).await);
    }
    let reply = server.published_comment(99, Some(ids[0])).await;
    // Comment i gets i % 4 likes.
    for (i, id) in ids.iter().enumerate() {
        for reader in 0..i % 4 {
            let reader = common::reader(&format!("reader-{reader:04}"));
            let headers = [("X-Reader-Id", reader.as_str())];
            let response = like_request(&server, Method::POST, &id.to_string(), &headers).await;
            assert_eq!(response.status(), 200);
        }
    }

    for sort in ["newest", "top"] {
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        let mut pages = 0;
        loop {
            let query = match &cursor {
                Some(cursor) => format!("?sort={sort}&limit=3&cursor={cursor}"),
                None => format!("?sort={sort}&limit=3"),
            };
            let page = public_page(&server, &query).await;
            assert_eq!(page.total, 8);
            assert!(page.comments.len() <= 3);
            seen.extend(page.comments);
            pages += 1;
            match page.next_cursor {
                Some(next) => cursor = Some(next),
                None => break,
            }
        }
        assert_eq!(pages, 3, "{sort}: 3 + 3 + 1");
        let seen_ids: Vec<i64> = seen.iter().map(|c| c.id).collect();
        let mut sorted = seen_ids.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, ids, "{sort}: every top-level comment exactly once");
        match sort {
            "newest" => assert_eq!(seen_ids, ids.iter().rev().copied().collect::<Vec<_>>()),
            _ => assert!(
                seen.windows(2).all(|pair| pair[0].likes >= pair[1].likes),
                "most liked first"
            ),
        }
        let with_reply = seen.iter().find(|c| c.id == ids[0]).unwrap();
        assert_eq!(
            with_reply.replies.iter().map(|r| r.id).collect::<Vec<_>>(),
            [reply]
        );
    }
    assert_eq!(
        public_page(&server, "").await.comments.len(),
        7,
        "default limit 20"
    );

    let first_page = public_page(&server, "?limit=3").await;
    assert_eq!(
        public_page(&server, "?limit=3&cursor=").await,
        first_page,
        "an empty cursor is the first page"
    );
    let newest_cursor = public_page(&server, "?limit=1").await.next_cursor.unwrap();
    for query in [
        "?limit=0".to_owned(),
        "?limit=101".to_owned(),
        "?limit=abc".to_owned(),
        "?sort=oldest".to_owned(),
        "?cursor=garbage".to_owned(),
        format!("?sort=top&cursor={newest_cursor}"),
    ] {
        let response = server
            .get(&format!("/api/articles/{ARTICLE}/comments{query}"))
            .await;
        assert_error(response, 400, "invalid_input").await;
    }
    assert_eq!(public_page(&server, "?limit=100").await.comments.len(), 7);
    assert_error(
        server.get("/api/articles/khong-co-bai-nay/comments").await,
        404,
        "not_found",
    )
    .await;
    assert_error(
        server
            .get("/api/articles/khong-co-bai-nay/comments/count")
            .await,
        404,
        "not_found",
    )
    .await;
}

async fn fresh_reader_ids_from_one_client_add_few_likes(backend: Backend) {
    let (_database, server) = start(backend).await;
    let target = server.published_comment(1, None).await.to_string();
    let other = server.published_comment(2, None).await.to_string();
    let like_as = async |method: Method, id: &str, reader: String| {
        like_request(
            &server,
            method,
            id,
            &[("X-Reader-Id", &common::reader(&reader))],
        )
        .await
    };
    // 30 fresh reader ids from one address: 10 likes of one comment an hour count.
    let mut accepted = 0;
    for n in 0..30 {
        let response = like_as(Method::POST, &target, format!("ban-doc-moi-{n}")).await;
        if response.status() == 200 {
            accepted += 1;
        } else {
            assert!(response.headers().contains_key("retry-after"));
            assert_error(response, 429, "rate_limited").await;
        }
    }
    assert_eq!(accepted, 10);
    let page = public_page(&server, "").await;
    let liked = page.comments.iter().find(|c| c.id.to_string() == target);
    assert_eq!(liked.unwrap().likes, 10, "refused likes are not stored");
    // Another comment from the same address, and an unlike, still go through.
    let response = like_as(Method::POST, &other, "ban-doc-moi-0".to_owned()).await;
    assert_eq!(response.status(), 200);
    let response = like_as(Method::DELETE, &target, "ban-doc-moi-0".to_owned()).await;
    assert_eq!(response.json::<Value>().await.unwrap()["likes"], 9);
    // Past 120 likes and unlikes a minute, one address waits. (A minute may begin during
    // the loop: then up to twice as many pass before the first refusal.)
    let mut passed = 0;
    loop {
        let response = like_as(Method::DELETE, &other, "ban-doc-moi-1".to_owned()).await;
        if response.status() == 429 {
            break;
        }
        assert_eq!(response.status(), 200);
        passed += 1;
        assert!(passed <= 2 * 120, "no limit per minute");
    }
    assert!(passed >= 120 - 32, "{passed} passed before the limit");
}

async fn reader_ids_are_issued_signed_and_bounded_per_client(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(binhluan_server::Config {
        trusted_proxies: vec!["127.0.0.1/32".parse().unwrap()],
        ..config(&database.url)
    })
    .await;
    let id = server.published_comment(1, None).await.to_string();
    let issue = |address: &'static str| {
        server
            .client
            .post(server.url("/api/readers"))
            .header("X-Forwarded-For", address)
            .send()
    };
    // One address gets 100 ids an hour, then waits; another address is not held back.
    let mut issued = HashSet::new();
    for _ in 0..100 {
        let response = issue("198.51.100.7").await.unwrap();
        assert_eq!(response.status(), 201);
        let reader: IssuedReader = response.json().await.unwrap();
        assert!(reader.reader_id.starts_with("r1."), "{}", reader.reader_id);
        issued.insert(reader.reader_id);
    }
    assert_eq!(issued.len(), 100, "every id is new");
    let refused = issue("198.51.100.7").await.unwrap();
    assert!(refused.headers().contains_key("retry-after"));
    assert_error(refused, 429, "rate_limited").await;
    assert_eq!(issue("198.51.100.8").await.unwrap().status(), 201);

    // An issued id likes; ids the server did not sign, however many, like nothing.
    let signed = issued.iter().next().unwrap();
    let like = like_request(&server, Method::POST, &id, &[("X-Reader-Id", signed)]).await;
    assert_eq!(like.json::<Value>().await.unwrap()["likes"], 1);
    let forged = signed.replace("r1.", "r1.A");
    for made_up in [
        "3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b".to_owned(),
        forged,
        format!("{}B", &signed[..signed.len() - 1]),
    ] {
        let response = like_request(&server, Method::POST, &id, &[("X-Reader-Id", &made_up)]).await;
        assert_error(response, 400, "invalid_input").await;
    }
    assert_eq!(public_page(&server, "").await.comments[0].likes, 1);
}

async fn likes_count_once_per_reader(backend: Backend) {
    let (_database, server) = start(backend).await;
    let id = server.published_comment(1, None).await.to_string();
    // `method` by `reader` answers `likes` and `liked`.
    let expect = async |method: Method, reader: &str, likes: u64, liked: bool| {
        let response = like_request(
            &server,
            method,
            &id,
            &[("X-Reader-Id", &common::reader(reader))],
        )
        .await;
        assert_eq!(response.status(), 200);
        assert_eq!(
            response.json::<Value>().await.unwrap(),
            json!({ "likes": likes, "liked": liked })
        );
    };
    expect(Method::POST, "reader-aaaa", 1, true).await;
    expect(Method::POST, "reader-aaaa", 1, true).await;
    expect(Method::POST, "reader_bbbb", 2, true).await;

    let liked_by = async |reader: &str| {
        server
            .client
            .get(server.url(&format!("/api/articles/{ARTICLE}/mine")))
            .header("X-Reader-Id", common::reader(reader))
            .send()
            .await
            .unwrap()
            .json::<Value>()
            .await
            .unwrap()["liked"]
            .clone()
    };
    assert_eq!(
        liked_by("reader-aaaa").await,
        json!([id.parse::<i64>().unwrap()])
    );
    assert_eq!(liked_by("reader-dddd").await, json!([]));
    let anonymous = public_page(&server, "").await;
    assert_eq!(
        (anonymous.comments[0].likes, anonymous.comments[0].liked),
        (2, false)
    );

    expect(Method::DELETE, "reader-aaaa", 1, false).await;
    expect(Method::DELETE, "reader-aaaa", 1, false).await;

    // Concurrent likes by one reader count once.
    let reader_cccc = common::reader("reader-cccc");
    let reader = [("X-Reader-Id", reader_cccc.as_str())];
    let concurrent =
        join_all((0..10).map(|_| like_request(&server, Method::POST, &id, &reader))).await;
    for response in concurrent {
        assert_eq!(response.status(), 200);
    }
    assert_eq!(public_page(&server, "").await.comments[0].likes, 2);

    let pending = server.create_comment(&comment_body(2)).await["id"].to_string();
    let aaaa = common::reader("reader-aaaa");
    let other_key = binhluan_server::readers::ReaderKey::new(b"another server's secret, 32 chars+")
        .sign(&[7; binhluan_server::readers::NONCE_BYTES]);
    for (method, target, reader, status, code) in [
        (Method::POST, id.as_str(), None, 400, "invalid_input"),
        (Method::POST, &id, Some("short"), 400, "invalid_input"),
        (Method::POST, &id, Some("reader aaaa"), 400, "invalid_input"),
        // Ids this server did not sign count as none.
        (
            Method::POST,
            &id,
            Some("3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b"),
            400,
            "invalid_input",
        ),
        (
            Method::POST,
            &id,
            Some(other_key.as_str()),
            400,
            "invalid_input",
        ),
        (
            Method::POST,
            "abc",
            Some(aaaa.as_str()),
            400,
            "invalid_input",
        ),
        (
            Method::POST,
            "987654",
            Some(aaaa.as_str()),
            404,
            "not_found",
        ),
        (
            Method::POST,
            &pending,
            Some(aaaa.as_str()),
            404,
            "not_found",
        ),
        (
            Method::DELETE,
            &pending,
            Some(aaaa.as_str()),
            404,
            "not_found",
        ),
    ] {
        let headers: Vec<(&str, &str)> = reader.map(|r| ("X-Reader-Id", r)).into_iter().collect();
        let response = like_request(&server, method, target, &headers).await;
        assert_error(response, status, code).await;
    }
}

async fn emails_never_appear_in_public_answers(backend: Backend) {
    let (_database, server) = start(backend).await;
    let email = "bi-mat@example.vn";
    let mut body = comment_body(1);
    body["author_email"] = json!(email);
    let post = server.post_comment(&body, "email-key").await;
    assert_eq!(post.status(), 201);
    let posted = post.text().await.unwrap();
    assert!(
        !posted.contains(email) && !posted.contains("author_email"),
        "POST answer: {posted}"
    );
    let id = serde_json::from_str::<Value>(&posted).unwrap()["id"]
        .as_i64()
        .unwrap();
    server.approve(id).await;
    let mut reply = comment_body(2);
    reply["author_email"] = json!(email);
    reply["parent_id"] = json!(id);
    let reply_id = server.create_comment(&reply).await["id"].as_i64().unwrap();
    server.approve(reply_id).await;
    let replay = server
        .post_comment(&body, "email-key")
        .await
        .text()
        .await
        .unwrap();

    let mut texts = vec![replay];
    for path in [
        format!("/api/articles/{ARTICLE}/comments"),
        format!("/api/articles/{ARTICLE}/comments?sort=top"),
        format!("/api/articles/{ARTICLE}"),
    ] {
        texts.push(server.get(&path).await.text().await.unwrap());
    }
    for text in texts {
        assert!(
            !text.contains(email) && !text.contains("author_email"),
            "public answer leaks the e-mail: {text}"
        );
    }
    let queue = moderation_queue(&server, "published").await;
    assert!(
        queue
            .comments
            .iter()
            .all(|c| c.author_email.as_deref() == Some(email)),
        "moderators see it"
    );
}

async fn moderation_requires_the_token(backend: Backend) {
    let (database, server) = start(backend).await;
    let id = server.create_comment(&comment_body(1)).await["id"]
        .as_i64()
        .unwrap();
    let list = server.url("/api/moderation/comments");
    let approve = server.url(&format!("/api/moderation/comments/{id}/approve"));
    let reject = server.url(&format!("/api/moderation/comments/{id}/reject"));
    let client = &server.client;
    for refused in [
        client.get(&list),
        client.get(&list).bearer_auth("wrong"),
        client.post(&approve).bearer_auth(format!("{TOKEN}x")),
        client
            .post(&approve)
            .header("Authorization", format!("Basic {TOKEN}")),
        client.post(&reject).json(&json!({ "reason": "x" })),
    ] {
        assert_error(refused.send().await.unwrap(), 401, "unauthorized").await;
    }
    assert!(
        public_page(&server, "").await.comments.is_empty(),
        "nothing was approved"
    );
    let approved = client.post(&approve).bearer_auth(TOKEN).send().await;
    assert_eq!(approved.unwrap().status(), 200);

    let disabled = TestServer::start(binhluan_server::Config {
        moderation_token: None,
        ..config(&database.url)
    })
    .await;
    let refused = disabled.moderator(Method::GET, "/api/moderation/comments");
    // No token is configured: a presented one is refused (desk sessions still work).
    assert_error(refused.send().await.unwrap(), 401, "unauthorized").await;
}

async fn cross_site_writes_are_refused(backend: Backend) {
    let (_database, server) = start(backend).await;
    let url = server.url(&format!("/api/articles/{ARTICLE}/comments"));
    let post_from = async |origin: &str, n: usize| {
        post_with_headers(&server, ARTICLE, &[("Origin", origin)], &comment_body(n)).await
    };
    for (n, foreign) in ["https://evil.example", "null"].into_iter().enumerate() {
        assert_error(post_from(foreign, n).await, 403, "forbidden_origin").await;
    }
    let embedded = post_from("https://bao.example.vn", 3).await;
    assert_eq!(embedded.status(), 201);
    assert_eq!(
        embedded.headers()["access-control-allow-origin"],
        "https://bao.example.vn"
    );
    let same_origin = post_from(&format!("http://{}", server.host), 4).await;
    assert_eq!(same_origin.status(), 201);
    assert_eq!(moderation_queue(&server, "pending").await.total, 2);

    let id = server.published_comment(5, None).await;
    let headers = [
        ("X-Reader-Id", &*common::reader("reader-aaaa")),
        ("Origin", "https://evil.example"),
    ];
    let like = like_request(&server, Method::POST, &id.to_string(), &headers).await;
    assert_error(like, 403, "forbidden_origin").await;

    let preflight = |origin: &'static str| {
        server
            .client
            .request(Method::OPTIONS, &url)
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header(
                "Access-Control-Request-Headers",
                "content-type, idempotency-key, x-reader-id, authorization",
            )
            .send()
    };
    let allowed = preflight("https://bao.example.vn").await.unwrap();
    assert!(allowed.status().is_success());
    assert_eq!(
        allowed.headers()["access-control-allow-origin"],
        "https://bao.example.vn"
    );
    let allowed_headers = allowed.headers()["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    for header in [
        "content-type",
        "idempotency-key",
        "x-reader-id",
        "authorization",
    ] {
        assert!(
            allowed_headers.contains(header),
            "{header} in {allowed_headers}"
        );
    }
    let refused = preflight("https://evil.example").await.unwrap();
    assert!(
        refused
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );

    let read = server
        .client
        .get(server.url(&format!("/api/articles/{ARTICLE}/comments")))
        .header("Origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(read.status(), 200);
    assert!(
        read.headers().get("access-control-allow-origin").is_none(),
        "no CORS for foreign origins"
    );
}

async fn unknown_api_paths_answer_json(backend: Backend) {
    let (_database, server) = start(backend).await;
    for path in ["/api/nope", "/api", "/api/article", "/api/articles/a/b/c/d"] {
        assert_error(server.get(path).await, 404, "not_found").await;
    }
    let put = server.client.put(server.url("/api/policy")).send().await;
    assert_error(put.unwrap(), 405, "method_not_allowed").await;
}

async fn restart_keeps_data_without_duplicating_articles(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(config(&database.url)).await;
    let id = server.create_comment(&comment_body(1)).await["id"]
        .as_i64()
        .unwrap();
    server.post(&format!("/api/articles/{ARTICLE}/views")).await;
    server.stop().await;

    let restarted = TestServer::start(config(&database.url)).await;
    assert_eq!(
        moderation_queue(&restarted, "pending").await.comments[0].id,
        id
    );
    let article: Article = serde_json::from_value(
        restarted
            .get_json(&format!("/api/articles/{ARTICLE}"))
            .await,
    )
    .unwrap();
    let fixture: Article = serde_json::from_str(FIXTURE).unwrap();
    assert_eq!(
        article.views,
        fixture.views + 1,
        "the view counter is not reset"
    );
    restarted.stop().await;
    let articles = query_number(&database.url, "SELECT COUNT(*) FROM articles").await;
    let sample_files = std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content/articles"
    ))
    .unwrap()
    .count();
    assert_eq!(
        articles,
        i64::try_from(sample_files).unwrap(),
        "no duplicate after restart"
    );
}

/// `--allowed-origins` as typed by an operator (case, default port, trailing slash) matches the
/// `Origin` browsers send.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn allowed_origins_match_as_browsers_send_them() {
    use clap::Parser;
    let database = TestDatabase::new(Backend::Sqlite).await;
    let parsed = binhluan_server::Config::try_parse_from([
        "binhluan-server",
        "--allowed-origins",
        "HTTPS://Bao.Example.VN:443/,http://m.example.vn:80",
    ])
    .unwrap();
    let server = TestServer::start(binhluan_server::Config {
        allowed_origins: parsed.allowed_origins,
        ..config(&database.url)
    })
    .await;
    for (n, origin) in ["https://bao.example.vn", "http://m.example.vn"]
        .into_iter()
        .enumerate()
    {
        let headers = [("Origin", origin)];
        let response = post_with_headers(&server, ARTICLE, &headers, &comment_body(n)).await;
        assert_eq!(response.status(), 201, "{origin}");
        assert_eq!(response.headers()["access-control-allow-origin"], origin);
    }
}

/// Merges the fields of another JSON object into this one.
trait MergeJson {
    fn pipe_merge(self, other: Value) -> Value;
}
impl MergeJson for Value {
    fn pipe_merge(mut self, other: Value) -> Value {
        if let (Some(target), Value::Object(source)) = (self.as_object_mut(), other) {
            target.extend(source);
        }
        self
    }
}

/// `GET path` with `headers`.
async fn get_with(server: &TestServer, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut request = server.client.get(server.url(path));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.unwrap()
}

fn header(response: &reqwest::Response, name: &str) -> String {
    response
        .headers()
        .get(name)
        .map(|value| value.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

async fn thread_pages_are_the_same_for_every_reader_cacheable_and_revalidated(backend: Backend) {
    let (_database, server) = start(backend).await;
    let first = server.published_comment(1, None).await;
    server.published_comment(2, Some(first)).await;
    let reader = common::reader("reader-cache");
    let like = like_request(
        &server,
        Method::POST,
        &first.to_string(),
        &[("X-Reader-Id", &reader)],
    )
    .await;
    assert_eq!(like.status(), 200);

    // The same bytes for a reader who likes a comment and for anyone, cacheable by anyone.
    let path = format!("/api/articles/{ARTICLE}/comments");
    let anyone = get_with(&server, &path, &[]).await;
    let liker = get_with(&server, &path, &[("X-Reader-Id", &reader)]).await;
    assert_eq!(anyone.status(), 200);
    assert_eq!(
        header(&anyone, "cache-control"),
        "public, max-age=5, stale-while-revalidate=5"
    );
    assert_eq!(header(&anyone, "content-type"), "application/json");
    // A cache keeps one copy per embedding origin: the CORS headers differ between them.
    let vary: Vec<_> = anyone.headers().get_all("vary").iter().collect();
    assert!(
        vary.iter()
            .any(|v| v.to_str().unwrap().split(", ").any(|name| name == "origin")),
        "{vary:?}"
    );
    let etag = header(&anyone, "etag");
    assert!(etag.starts_with('"') && etag.len() > 40, "{etag}");
    assert_eq!(header(&liker, "etag"), etag);
    let body = anyone.bytes().await.unwrap();
    assert_eq!(
        liker.bytes().await.unwrap(),
        body,
        "no reader's state in it"
    );
    let page: CommentPage = serde_json::from_slice(&body).unwrap();
    assert!(!page.comments[0].liked && page.comments[0].likes == 1);

    // Revalidation: 304 with the same validators while nothing changed.
    let again = get_with(&server, &path, &[("If-None-Match", &etag)]).await;
    assert_eq!(again.status(), 304);
    assert_eq!(header(&again, "etag"), etag);
    assert_eq!(
        header(&again, "cache-control"),
        "public, max-age=5, stale-while-revalidate=5"
    );
    assert!(again.bytes().await.unwrap().is_empty());

    // An approval changes the page, so its tag: a cache that asks again gets the new page.
    let approved = server.published_comment(3, None).await;
    let changed = get_with(&server, &path, &[("If-None-Match", &etag)]).await;
    assert_eq!(changed.status(), 200);
    assert_ne!(header(&changed, "etag"), etag);
    let page: CommentPage = changed.json().await.unwrap();
    assert!(page.comments.iter().any(|c| c.id == approved));

    // A comment's replies: public and revalidated the same way.
    let replies = format!("/api/comments/{first}/replies");
    let answer = get_with(&server, &replies, &[("X-Reader-Id", &reader)]).await;
    assert_eq!(answer.status(), 200);
    assert!(header(&answer, "cache-control").starts_with("public, max-age=5"));
    let etag = header(&answer, "etag");
    let again = get_with(&server, &replies, &[("If-None-Match", &etag)]).await;
    assert_eq!(again.status(), 304);

    // The reader's own state: never cached, only with the reader's id. Their comments and
    // replies that wait for a moderator are in it, newest first, and on no public page.
    let mut held = Vec::new();
    for (n, parent) in [(4, None), (5, Some(first))] {
        let mut body = comment_body(n);
        body["parent_id"] = json!(parent);
        let response = server
            .comment_post(ARTICLE, &unique_key())
            .header("X-Reader-Id", &reader)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 201);
        held.insert(0, response.json::<Value>().await.unwrap()["id"].clone());
    }
    server.create_comment(&comment_body(6)).await; // someone else's
    let public = get_with(&server, &path, &[("X-Reader-Id", &reader)]).await;
    let public: CommentPage = public.json().await.unwrap();
    assert!(
        public
            .comments
            .iter()
            .all(|c| c.status == binhluan_api::CommentStatus::Published)
    );
    let mine_path = format!("/api/articles/{ARTICLE}/mine");
    let mine = get_with(&server, &mine_path, &[("X-Reader-Id", &reader)]).await;
    assert_eq!(header(&mine, "cache-control"), "no-store");
    let mine: Value = mine.json().await.unwrap();
    assert_eq!(mine["liked"], json!([first]));
    let pending = mine["pending"].as_array().unwrap();
    assert_eq!(
        pending.iter().map(|c| c["id"].clone()).collect::<Vec<_>>(),
        held
    );
    assert_eq!(pending[0]["parent_id"], json!(first));
    assert_eq!(pending[1]["content"], json!(valid_text(4)));
    assert!(
        pending
            .iter()
            .all(|c| c["status"] == "pending" && c.get("author_email").is_none()),
        "{pending:?}"
    );
    let nobody = get_with(&server, &mine_path, &[]).await;
    assert_eq!(
        nobody.json::<Value>().await.unwrap(),
        json!({ "liked": [], "pending": [] })
    );
    let forged = get_with(&server, &mine_path, &[("X-Reader-Id", "r1.forged.tag")]).await;
    assert_eq!(
        forged.json::<Value>().await.unwrap(),
        json!({ "liked": [], "pending": [] })
    );
    let unknown = get_with(&server, "/api/articles/khong-co-bai-nay/mine", &[]).await;
    assert_error(unknown, 404, "not_found").await;
}
