//! Community safety over real HTTP, on SQLite and PostgreSQL alike: readers' reports (once
//! per reader, limited per client, the desk's reported queue, keeping or rejecting, hiding
//! after enough reports) and bans (of a reader id and a client key, by time or for good,
//! lifted, with the author's pending comments rejected only when asked).

mod common;

use binhluan_server::Clock;

use common::start_behind_proxy as start;

use binhluan_api::{
    AuditPage, Ban, BanList, Comment, CommentPage, CommentStatus, ModerationItem, Policy,
    QueueCounts, ReportReason, ReportedPage, Role,
};
use common::{
    ARTICLE, Backend, TestServer, assert_error, comment_body, execute_sql,
    start_behind_proxy_with_clock, unique_key,
};
use reqwest::{Method, Response};
use serde_json::{Value, json};

suite! {
    reports_reach_the_queue_once_per_reader,
    reports_are_rate_limited_per_client,
    enough_reports_hide_a_comment_until_a_moderator_decides,
    a_ban_covers_the_reader_and_the_client_until_lifted,
    a_permanent_ban_rejects_pending_comments_only_when_asked,
    bans_are_for_moderators_with_valid_requests,
}

/// Reader `reader` at `address` reports comment `id`.
async fn report(
    server: &TestServer,
    id: i64,
    reader: &str,
    address: &str,
    body: Value,
) -> Response {
    server
        .client
        .post(server.url(&format!("/api/comments/{id}/report")))
        .header("X-Reader-Id", common::reader(reader))
        .header("X-Forwarded-For", address)
        .json(&body)
        .send()
        .await
        .unwrap()
}

/// Reader `reader` at `address` posts comment number `n` (answering `parent`, if given).
async fn post_as(
    server: &TestServer,
    reader: &str,
    address: &str,
    n: usize,
    parent: Option<i64>,
) -> Response {
    let mut body = comment_body(n);
    if let Some(parent) = parent {
        body["parent_id"] = json!(parent);
    }
    server
        .comment_post(ARTICLE, &unique_key())
        .header("X-Reader-Id", common::reader(reader))
        .header("X-Forwarded-For", address)
        .json(&body)
        .send()
        .await
        .unwrap()
}

/// Posts as `reader` at `address`, asserting `201`; the comment's id.
async fn posted_id(server: &TestServer, reader: &str, address: &str, n: usize) -> i64 {
    let response = post_as(server, reader, address, n, None).await;
    assert_eq!(response.status(), 201);
    response.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap()
}

async fn reported(server: &TestServer, query: &str) -> ReportedPage {
    server
        .moderator_json(Method::GET, &format!("/api/moderation/reports{query}"))
        .await
}

async fn public_ids(server: &TestServer) -> Vec<i64> {
    let page: CommentPage = server
        .get(&format!("/api/articles/{ARTICLE}/comments"))
        .await
        .json()
        .await
        .unwrap();
    page.comments.iter().map(|comment| comment.id).collect()
}

async fn audit_actions(server: &TestServer) -> Vec<(String, i64)> {
    let audit: AuditPage = server
        .moderator_json(Method::GET, "/api/moderation/audit")
        .await;
    audit
        .entries
        .into_iter()
        .map(|entry| (entry.action, entry.comment_id))
        .collect()
}

async fn counts(server: &TestServer) -> QueueCounts {
    server
        .moderator_json(Method::GET, "/api/moderation/counts")
        .await
}

async fn reports_reach_the_queue_once_per_reader(backend: Backend) {
    let (_database, server, _dir) = start(backend, None).await;
    let first = server.published_comment(1, None).await;
    let second = server.published_comment(2, None).await;
    let pending = server.create_comment(&comment_body(3)).await["id"]
        .as_i64()
        .unwrap();
    let spam = json!({ "reason": "spam" });
    for _ in 0..2 {
        let response = report(&server, first, "reader-aaaa", "203.0.113.1", spam.clone()).await;
        assert_eq!(
            response.status(),
            202,
            "again is accepted, and counted once"
        );
    }
    let other = json!({ "reason": "other", "text": "  Quảng cáo <b>bán hàng</b>  " });
    let response = report(&server, first, "reader-bbbb", "203.0.113.2", other).await;
    assert_eq!(response.status(), 202);
    let offensive = json!({ "reason": "offensive" });
    let response = report(
        &server,
        second,
        "reader-bbbb",
        "203.0.113.2",
        offensive.clone(),
    )
    .await;
    assert_eq!(response.status(), 202);

    // Refused: no reader id, an unknown reason, "other" without words, too many words, a
    // comment readers cannot see.
    let no_reader = server
        .client
        .post(server.url(&format!("/api/comments/{first}/report")))
        .json(&spam)
        .send()
        .await
        .unwrap();
    assert_error(no_reader, 400, "invalid_input").await;
    let rude = report(
        &server,
        first,
        "reader-cccc",
        "203.0.113.3",
        json!({ "reason": "rude" }),
    )
    .await;
    assert_error(rude, 400, "invalid_input").await;
    let bare = json!({ "reason": "other", "text": "   " });
    let body = assert_error(
        report(&server, first, "reader-cccc", "203.0.113.3", bare).await,
        400,
        "invalid_input",
    )
    .await;
    assert_eq!(body["field"], "text");
    let long = json!({ "reason": "spam", "text": "x".repeat(501) });
    let body = assert_error(
        report(&server, first, "reader-cccc", "203.0.113.3", long).await,
        400,
        "invalid_input",
    )
    .await;
    assert_eq!(body["field"], "text");
    for id in [pending, 999_999] {
        let response = report(&server, id, "reader-cccc", "203.0.113.3", spam.clone()).await;
        assert_error(response, 404, "not_found").await;
    }

    assert_eq!(counts(&server).await.reported, 2);
    let page = reported(&server, "").await;
    assert_eq!(page.total, 2);
    let ids: Vec<i64> = page.comments.iter().map(|c| c.item.comment.id).collect();
    assert_eq!(ids, [first, second], "most reported first");
    let top = &page.comments[0];
    assert_eq!(top.reports, 2, "one report per reader");
    let mut reasons: Vec<(ReportReason, u64)> =
        top.reasons.iter().map(|r| (r.reason, r.count)).collect();
    reasons.sort_by_key(|(reason, _)| reason.code());
    assert_eq!(reasons, [(ReportReason::Other, 1), (ReportReason::Spam, 1)]);
    assert_eq!(
        top.texts,
        ["Quảng cáo <b>bán hàng</b>"],
        "trimmed, stored as text"
    );
    assert!(
        top.item.client.is_some(),
        "the author's pseudonymous network"
    );
    // Pages, most reported first.
    let one = reported(&server, "?limit=1").await;
    assert_eq!(one.comments[0].item.comment.id, first);
    let cursor = one.next_cursor.expect("a second page");
    let two = reported(&server, &format!("?limit=1&cursor={cursor}")).await;
    assert_eq!(two.comments[0].item.comment.id, second);
    assert_eq!(two.next_cursor, None);

    // Reported comments stay published until a moderator decides (no policy to hide them).
    assert_eq!(public_ids(&server).await, [second, first]);

    // "Giữ lại": the reports are dismissed; the comment stays.
    let kept: Comment = server
        .moderator_json(
            Method::POST,
            &format!("/api/moderation/comments/{first}/keep"),
        )
        .await;
    assert_eq!(kept.status, CommentStatus::Published);
    let page = reported(&server, "").await;
    assert_eq!(page.comments.len(), 1);
    assert_eq!(page.comments[0].item.comment.id, second);
    assert_eq!(public_ids(&server).await, [second, first]);
    // A reader who reported it already cannot bring it back; a new reader can.
    let response = report(&server, first, "reader-aaaa", "203.0.113.1", spam.clone()).await;
    assert_eq!(response.status(), 202);
    assert_eq!(reported(&server, "").await.total, 1);
    let response = report(&server, first, "reader-dddd", "203.0.113.4", spam.clone()).await;
    assert_eq!(response.status(), 202);
    assert_eq!(reported(&server, "").await.total, 2);

    // Rejecting a reported published comment takes it off the page and closes its reports.
    let response = server
        .moderator(
            Method::POST,
            &format!("/api/moderation/comments/{second}/reject"),
        )
        .json(&json!({ "reason": "offensive" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let rejected: Comment = response.json().await.unwrap();
    assert_eq!(rejected.status, CommentStatus::Rejected);
    assert_eq!(public_ids(&server).await, [first]);
    let page = reported(&server, "").await;
    let ids: Vec<i64> = page.comments.iter().map(|c| c.item.comment.id).collect();
    assert_eq!(ids, [first]);
    // A published comment no one reported still cannot be rejected.
    let unreported = server.published_comment(4, None).await;
    let response = server
        .moderator(
            Method::POST,
            &format!("/api/moderation/comments/{unreported}/reject"),
        )
        .json(&json!({ "reason": "spam" }))
        .send()
        .await
        .unwrap();
    assert_error(response, 409, "already_decided").await;

    let actions = audit_actions(&server).await;
    assert!(actions.contains(&("keep".to_owned(), first)), "{actions:?}");
    assert!(
        actions.contains(&("reject".to_owned(), second)),
        "{actions:?}"
    );
    // Keeping needs a moderator.
    let response = server
        .post(&format!("/api/moderation/comments/{first}/keep"))
        .await;
    assert_error(response, 401, "unauthorized").await;
    let response = report(
        &server,
        first,
        "reader-eeee",
        "203.0.113.5",
        json!({ "reason": "spam", "extra": 1 }),
    )
    .await;
    assert_error(response, 400, "invalid_input").await;
}

async fn reports_are_rate_limited_per_client(backend: Backend) {
    // The clock stands still: the hour's window lasts the whole test.
    let clock = Clock::stopped_at_the_hour();
    let (_database, server, _dir) = start_behind_proxy_with_clock(backend, None, &clock).await;
    let id = server.published_comment(1, None).await;
    for n in 0..20 {
        let response = report(
            &server,
            id,
            &format!("fresh-reader-{n:04}"),
            "198.51.100.7",
            json!({ "reason": "spam" }),
        )
        .await;
        assert_eq!(response.status(), 202, "report {n}");
    }
    let response = report(
        &server,
        id,
        "fresh-reader-9999",
        "198.51.100.7",
        json!({ "reason": "spam" }),
    )
    .await;
    assert!(response.headers().contains_key("retry-after"));
    let body = assert_error(response, 429, "rate_limited").await;
    assert!(
        body["retry_after"]
            .as_u64()
            .is_some_and(|s| s > 0 && s <= 3600)
    );
    assert_eq!(body["retry_after"], 3600, "the whole hour is left");
    // Not counted; another client still reports.
    assert_eq!(reported(&server, "").await.comments[0].reports, 20);
    let response = report(
        &server,
        id,
        "fresh-reader-9999",
        "198.51.100.8",
        json!({ "reason": "spam" }),
    )
    .await;
    assert_eq!(response.status(), 202);
    assert_eq!(reported(&server, "").await.comments[0].reports, 21);
}

async fn enough_reports_hide_a_comment_until_a_moderator_decides(backend: Backend) {
    let policy = Policy {
        hide_after_reports: Some(2),
        ..Policy::default()
    };
    let (_database, server, _dir) = start(backend, Some(&policy)).await;
    let served: Policy = serde_json::from_value(server.get_json("/api/policy").await).unwrap();
    assert_eq!(served.hide_after_reports, Some(2));
    let id = server.published_comment(1, None).await;
    server.published_comment(2, Some(id)).await;
    let count = || async {
        server
            .get_json(&format!("/api/articles/{ARTICLE}/comments/count"))
            .await["count"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(count().await, 2);
    let spam = json!({ "reason": "spam" });
    assert_eq!(
        report(&server, id, "reader-aaaa", "203.0.113.1", spam.clone())
            .await
            .status(),
        202
    );
    assert_eq!(public_ids(&server).await, [id], "one report hides nothing");
    assert_eq!(
        report(&server, id, "reader-bbbb", "203.0.113.2", spam.clone())
            .await
            .status(),
        202
    );
    assert!(public_ids(&server).await.is_empty(), "two readers hide it");
    assert_eq!(count().await, 0, "its reply goes with it");
    let item: ModerationItem = server
        .moderator_json(Method::GET, &format!("/api/moderation/comments/{id}"))
        .await;
    assert_eq!(item.comment.status, CommentStatus::Pending);
    assert_eq!(item.held_for, ["reports"]);
    assert_eq!(reported(&server, "").await.comments[0].reports, 2);
    let actions = audit_actions(&server).await;
    assert!(actions.contains(&("hide".to_owned(), id)), "{actions:?}");
    // Still reportable while hidden (readers may have it on screen).
    assert_eq!(
        report(&server, id, "reader-cccc", "203.0.113.3", spam.clone())
            .await
            .status(),
        202
    );

    // Kept: published again, reports closed.
    let kept: Comment = server
        .moderator_json(Method::POST, &format!("/api/moderation/comments/{id}/keep"))
        .await;
    assert_eq!(kept.status, CommentStatus::Published);
    assert_eq!(public_ids(&server).await, [id]);
    assert_eq!(count().await, 2);
    assert_eq!(reported(&server, "").await.total, 0);

    // Hidden again by two new readers, then approved from the pending queue: published, and
    // its reports closed.
    for reader in ["reader-dddd", "reader-eeee"] {
        assert_eq!(
            report(&server, id, reader, "203.0.113.4", spam.clone())
                .await
                .status(),
            202
        );
    }
    assert!(public_ids(&server).await.is_empty());
    server.approve(id).await;
    assert_eq!(public_ids(&server).await, [id]);
    assert_eq!(reported(&server, "").await.total, 0);
    assert_eq!(counts(&server).await.reported, 0);
}

async fn a_ban_covers_the_reader_and_the_client_until_lifted(backend: Backend) {
    let (database, server, _dir) = start(backend, None).await;
    let (troll, address) = ("troll-reader-01", "203.0.113.66");
    let target = posted_id(&server, troll, address, 1).await;
    server.approve(target).await;
    let pending = posted_id(&server, troll, address, 2).await;
    let other = server.published_comment(3, None).await;

    let response = server
        .moderator(Method::POST, "/api/moderation/bans")
        .json(&json!({ "comment_id": target, "days": 1, "note": "Spam liên tục" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let ban: Ban = response.json().await.unwrap();
    assert_eq!(ban.comment_id, target);
    assert_eq!(ban.moderator, "token");
    assert_eq!(ban.note, "Spam liên tục");
    assert_eq!(ban.rejected_pending, 0);
    let item: ModerationItem = server
        .moderator_json(Method::GET, &format!("/api/moderation/comments/{target}"))
        .await;
    assert_eq!(ban.reader, item.reader, "the pseudonym the desk shows");
    assert_eq!(ban.client, item.client);
    let until = ban.until.clone().expect("a day's ban ends");

    // The reader, anywhere; anyone at the reader's address; replies and reports too.
    for (reader, address) in [
        (troll, address),
        (troll, "198.51.100.1"),
        ("neighbour-01", address),
    ] {
        let body = assert_error(
            post_as(&server, reader, address, 4, None).await,
            403,
            "banned",
        )
        .await;
        let ms = body["until"].as_i64().expect("until, in milliseconds");
        let day_ms = 24 * 60 * 60 * 1000;
        let now_ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as i64;
        assert!(
            (ms - now_ms - day_ms).abs() < 60_000,
            "{ms} is a day from now"
        );
        assert!(
            body["message"].as_str().unwrap().contains("tạm khóa"),
            "{body}"
        );
        assert!(
            body["message_en"].as_str().unwrap().contains("until"),
            "{body}"
        );
    }
    assert_error(
        post_as(&server, troll, address, 5, Some(other)).await,
        403,
        "banned",
    )
    .await;
    let response = report(&server, other, troll, address, json!({ "reason": "spam" })).await;
    assert_error(response, 403, "banned").await;
    // Someone else elsewhere posts as usual.
    assert_eq!(
        post_as(&server, "someone-else-01", "198.51.100.2", 6, None)
            .await
            .status(),
        201
    );
    // Nothing of the reader's was hidden.
    let item: ModerationItem = server
        .moderator_json(Method::GET, &format!("/api/moderation/comments/{pending}"))
        .await;
    assert_eq!(item.comment.status, CommentStatus::Pending);
    assert!(public_ids(&server).await.contains(&target));

    let list: BanList = server
        .moderator_json(Method::GET, "/api/moderation/bans")
        .await;
    assert_eq!(list.bans.len(), 1);
    assert_eq!(list.bans[0].id, ban.id);
    assert_eq!(list.bans[0].until.as_deref(), Some(until.as_str()));

    // Lifted: the reader posts again; lifting twice is harmless; an unknown ban is 404.
    let path = format!("/api/moderation/bans/{}", ban.id);
    let response = server
        .moderator(Method::DELETE, &path)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    assert_eq!(
        post_as(&server, troll, address, 7, None).await.status(),
        201
    );
    let response = server
        .moderator(Method::DELETE, &path)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    let response = server
        .moderator(Method::DELETE, "/api/moderation/bans/999999")
        .send()
        .await
        .unwrap();
    assert_error(response, 404, "not_found").await;
    let list: BanList = server
        .moderator_json(Method::GET, "/api/moderation/bans")
        .await;
    assert!(list.bans.is_empty());
    let actions = audit_actions(&server).await;
    assert!(actions.contains(&("ban".to_owned(), target)), "{actions:?}");
    assert!(
        actions.contains(&("unban".to_owned(), target)),
        "{actions:?}"
    );

    // Bans end by themselves.
    let response = server
        .moderator(Method::POST, "/api/moderation/bans")
        .json(&json!({ "comment_id": target, "days": 7, "note": "Lần hai" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    assert_error(
        post_as(&server, troll, address, 8, None).await,
        403,
        "banned",
    )
    .await;
    execute_sql(&database.url, "UPDATE bans SET until_at = 1").await;
    assert_eq!(
        post_as(&server, troll, address, 9, None).await.status(),
        201
    );
    let list: BanList = server
        .moderator_json(Method::GET, "/api/moderation/bans")
        .await;
    assert!(list.bans.is_empty(), "an ended ban is not listed");
}

async fn a_permanent_ban_rejects_pending_comments_only_when_asked(backend: Backend) {
    let (_database, server, _dir) = start(backend, None).await;
    let (troll, address) = ("troll-reader-02", "203.0.113.77");
    let published = posted_id(&server, troll, address, 1).await;
    server.approve(published).await;
    let first = posted_id(&server, troll, address, 2).await;
    let second = posted_id(&server, troll, address, 3).await;
    // Someone else at the same address: not the author's, not rejected.
    let neighbour = posted_id(&server, "neighbour-02", address, 4).await;
    let response = server
        .moderator(Method::POST, "/api/moderation/bans")
        .json(&json!({ "comment_id": first, "days": null, "note": "Lừa đảo", "reject_pending": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let ban: Ban = response.json().await.unwrap();
    assert_eq!(ban.until, None);
    assert_eq!(ban.rejected_pending, 2);
    for (id, status) in [
        (first, CommentStatus::Rejected),
        (second, CommentStatus::Rejected),
        (published, CommentStatus::Published),
        (neighbour, CommentStatus::Pending),
    ] {
        let item: ModerationItem = server
            .moderator_json(Method::GET, &format!("/api/moderation/comments/{id}"))
            .await;
        assert_eq!(item.comment.status, status, "comment {id}");
    }
    assert!(public_ids(&server).await.contains(&published));
    let body = assert_error(
        post_as(&server, troll, "198.51.100.3", 5, None).await,
        403,
        "banned",
    )
    .await;
    assert!(body.get("until").is_none(), "for good: {body}");
    assert!(
        body["message"].as_str().unwrap().contains("vĩnh viễn"),
        "{body}"
    );
}

async fn bans_are_for_moderators_with_valid_requests(backend: Backend) {
    let (database, server, _dir) = start(backend, None).await;
    let id = posted_id(&server, "reader-ffff", "203.0.113.9", 1).await;
    let ban = |body: Value| {
        server
            .moderator(Method::POST, "/api/moderation/bans")
            .json(&body)
            .send()
    };
    for (body, field) in [
        (
            json!({ "comment_id": id, "days": 0, "note": "x" }),
            Some("days"),
        ),
        (
            json!({ "comment_id": id, "days": 366, "note": "x" }),
            Some("days"),
        ),
        (
            json!({ "comment_id": id, "days": 1, "note": "  " }),
            Some("note"),
        ),
        (
            json!({ "comment_id": id, "days": 1, "note": "x".repeat(501) }),
            Some("note"),
        ),
        (json!({ "comment_id": id, "days": -1, "note": "x" }), None),
        (
            json!({ "comment_id": id, "note": "x", "extra": true }),
            None,
        ),
    ] {
        let answer = assert_error(ban(body.clone()).await.unwrap(), 400, "invalid_input").await;
        if let Some(field) = field {
            assert_eq!(answer["field"], field, "{body}");
        }
    }
    let missing = ban(json!({ "comment_id": 999_999, "days": 1, "note": "x" }))
        .await
        .unwrap();
    assert_error(missing, 404, "not_found").await;
    // A comment from before reader ids and addresses were kept: no one to ban.
    execute_sql(
        &database.url,
        &format!("UPDATE comments SET reader_id = NULL, client_key = NULL WHERE id = {id}"),
    )
    .await;
    let anonymous = ban(json!({ "comment_id": id, "days": 1, "note": "x" }))
        .await
        .unwrap();
    let body = assert_error(anonymous, 400, "invalid_input").await;
    assert_eq!(body["field"], "comment_id");

    let anyone = server
        .client
        .post(server.url("/api/moderation/bans"))
        .json(&json!({ "comment_id": id, "days": 1, "note": "x" }))
        .send()
        .await
        .unwrap();
    assert_error(anyone, 401, "unauthorized").await;
    assert_error(
        server.get("/api/moderation/bans").await,
        401,
        "unauthorized",
    )
    .await;
    // A desk session's ban needs its CSRF token.
    let password = binhluan_server::moderators::add(&database.url, "mod-an", Role::Moderator)
        .await
        .unwrap();
    let login = server
        .client
        .post(server.url("/api/moderation/session"))
        .json(&json!({ "name": "mod-an", "password": password }))
        .send()
        .await
        .unwrap();
    let cookie = login.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let session: binhluan_api::Session = login.json().await.unwrap();
    let target = posted_id(&server, "reader-gggg", "203.0.113.10", 2).await;
    let body = json!({ "comment_id": target, "days": 7, "note": "Xúc phạm" });
    let forged = server
        .client
        .post(server.url("/api/moderation/bans"))
        .header("Cookie", &cookie)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_error(forged, 403, "csrf_failed").await;
    let made = server
        .client
        .post(server.url("/api/moderation/bans"))
        .header("Cookie", &cookie)
        .header("X-CSRF-Token", &session.csrf_token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(made.status(), 201);
    let ban: Ban = made.json().await.unwrap();
    assert_eq!(ban.moderator, "mod-an");
}
