//! The moderation desk's API over real HTTP, on SQLite and PostgreSQL alike: accounts,
//! sessions and their CSRF tokens, the first login link, the queues, and decisions taken by
//! two moderators at once.

mod common;

use binhluan_api::{
    AuditPage, AuthorHistory, BulkOutcome, Comment, CommentPage, CommentStatus, ModerationItem,
    ModerationPage, QueueCounts, Role, Session,
};
use binhluan_server::moderators;
use common::{
    ARTICLE, Backend, TestDatabase, TestServer, assert_error, comment_body, config, execute_sql,
    unique_key,
};
use reqwest::{Method, Response};
use serde_json::{Value, json};

suite! {
    earlier_rows_are_filled_in_at_start,
    the_first_login_link_works_once,
    parallel_guesses_do_not_slip_past_the_throttle,
    sessions_log_in_and_out_with_csrf_on_writes,
    failed_logins_are_throttled,
    only_admins_manage_accounts_and_read_the_audit,
    two_moderators_deciding_at_once,
    the_queue_filters_searches_and_explains,
    a_featured_comment_is_pinned_for_readers,
    a_decision_can_be_undone_for_ten_seconds,
    bulk_decisions_skip_what_others_decided,
}

/// A moderator's desk session: its cookie and CSRF token.
struct Desk<'a> {
    server: &'a TestServer,
    cookie: String,
    session: Session,
}

impl Desk<'_> {
    fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        self.server
            .client
            .request(method, self.server.url(path))
            .header("Cookie", &self.cookie)
    }

    /// A write, with the session's CSRF token.
    fn write(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        self.request(method, path)
            .header("X-CSRF-Token", &self.session.csrf_token)
    }

    async fn decide(&self, id: i64, action: &str) -> Response {
        let request = self.write(
            Method::POST,
            &format!("/api/moderation/comments/{id}/{action}"),
        );
        let request = if action == "reject" {
            request.json(&json!({ "reason": "spam" }))
        } else {
            request
        };
        request.send().await.unwrap()
    }

    async fn json<T: serde::de::DeserializeOwned>(&self, path: &str) -> T {
        let response = self.request(Method::GET, path).send().await.unwrap();
        assert_eq!(response.status(), 200, "GET {path}");
        response.json().await.unwrap()
    }
}

/// The session cookie a login answer sets (`name=value`), after checking its attributes.
fn session_cookie(response: &Response) -> String {
    let set = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/api/moderation"] {
        assert!(set.contains(attribute), "{set}");
    }
    assert!(
        !set.contains("Secure"),
        "no Secure flag over plain http: {set}"
    );
    set.split(';').next().unwrap().to_owned()
}

async fn log_in<'a>(server: &'a TestServer, name: &str, password: &str) -> Desk<'a> {
    let response = try_log_in(server, name, password).await;
    assert_eq!(response.status(), 200, "{name} logs in");
    let cookie = session_cookie(&response);
    let session: Session = response.json().await.unwrap();
    assert_eq!(session.name, name);
    Desk {
        server,
        cookie,
        session,
    }
}

async fn try_log_in(server: &TestServer, name: &str, password: &str) -> Response {
    server
        .client
        .post(server.url("/api/moderation/session"))
        .json(&json!({ "name": name, "password": password }))
        .send()
        .await
        .unwrap()
}

/// A new account on the server's database; its password.
async fn account(database: &TestDatabase, name: &str, role: Role) -> String {
    moderators::add(&database.url, name, role)
        .await
        .expect("the account is added")
}

/// Posts a valid comment (as the reader named `reader`, if given); its id.
async fn pending_comment(server: &TestServer, n: usize, reader: Option<&str>) -> i64 {
    let mut request = server
        .comment_post(ARTICLE, &unique_key())
        .json(&comment_body(n));
    if let Some(reader) = reader {
        request = request.header("X-Reader-Id", common::reader(reader));
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status(), 201);
    response.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap()
}

async fn the_first_login_link_works_once(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(config(&database.url)).await;
    let link = server
        .login_link
        .clone()
        .expect("a login link at first start");
    let secret = link
        .strip_prefix(&format!("{}/kiem-duyet/#dang-nhap=", server.base))
        .expect("a link to the desk with its secret in the fragment");
    let use_link = || {
        server
            .client
            .post(server.url("/api/moderation/session/link"))
            .json(&json!({ "token": secret }))
            .send()
    };
    let response = use_link().await.unwrap();
    assert_eq!(response.status(), 200);
    let cookie = session_cookie(&response);
    let session: Session = response.json().await.unwrap();
    assert_eq!(
        (session.name.as_str(), session.role),
        ("admin", Role::Admin)
    );
    assert_error(use_link().await.unwrap(), 401, "invalid_login").await;

    let desk = Desk {
        server: &server,
        cookie,
        session,
    };
    let id = pending_comment(&server, 1, None).await;
    assert_eq!(desk.decide(id, "approve").await.status(), 200);
    server.stop().await;

    let restarted = TestServer::start(config(&database.url)).await;
    assert_eq!(
        restarted.login_link, None,
        "no new link once someone has logged in"
    );
}

async fn sessions_log_in_and_out_with_csrf_on_writes(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(config(&database.url)).await;
    let password = account(&database, "lan", Role::Moderator).await;
    assert_error(
        try_log_in(&server, "lan", "wrong").await,
        401,
        "invalid_login",
    )
    .await;
    assert_error(
        try_log_in(&server, "nobody", &password).await,
        401,
        "invalid_login",
    )
    .await;
    let desk = log_in(&server, "lan", &password).await;
    assert_eq!(desk.session.role, Role::Moderator);
    let again: Session = desk.json("/api/moderation/session").await;
    assert_eq!(again.csrf_token, desk.session.csrf_token);

    let id = pending_comment(&server, 1, None).await;
    let approve = format!("/api/moderation/comments/{id}/approve");
    let forged = desk.request(Method::POST, &approve).send().await.unwrap();
    assert_error(forged, 403, "csrf_failed").await;
    let wrong = desk
        .request(Method::POST, &approve)
        .header("X-CSRF-Token", "not-the-token")
        .send()
        .await
        .unwrap();
    assert_error(wrong, 403, "csrf_failed").await;
    let approved: Comment = desk.decide(id, "approve").await.json().await.unwrap();
    assert_eq!(approved.status, CommentStatus::Published);

    // A reader's requests (no session, a made-up cookie) are refused.
    let reader = server.client.get(server.url("/api/moderation/comments"));
    assert_error(reader.send().await.unwrap(), 401, "unauthorized").await;
    let made_up = server
        .client
        .get(server.url("/api/moderation/comments"))
        .header("Cookie", "binhluan_session=made-up");
    assert_error(made_up.send().await.unwrap(), 401, "session_expired").await;

    let logged_out = desk
        .write(Method::DELETE, "/api/moderation/session")
        .send()
        .await
        .unwrap();
    assert_eq!(logged_out.status(), 204);
    assert!(
        logged_out.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    let after = desk.request(Method::GET, "/api/moderation/session");
    assert_error(after.send().await.unwrap(), 401, "session_expired").await;

    // An expired session is refused.
    let desk = log_in(&server, "lan", &password).await;
    execute_sql(
        &database.url,
        "UPDATE moderator_sessions SET expires_at = 0",
    )
    .await;
    let expired = desk.request(Method::GET, "/api/moderation/counts");
    assert_error(expired.send().await.unwrap(), 401, "session_expired").await;
}

async fn failed_logins_are_throttled(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(config(&database.url)).await;
    let password = account(&database, "lan", Role::Moderator).await;
    for _ in 0..10 {
        assert_error(
            try_log_in(&server, "lan", "guess").await,
            401,
            "invalid_login",
        )
        .await;
    }
    let throttled = assert_error(
        try_log_in(&server, "lan", &password).await,
        429,
        "rate_limited",
    )
    .await;
    assert!(
        throttled["retry_after"]
            .as_u64()
            .is_some_and(|s| (1..=900).contains(&s))
    );
}

/// Rows an earlier version stored, as the migrations leave them: the server fills in their
/// search text and publication time at start, the same way on both engines.
async fn earlier_rows_are_filled_in_at_start(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(config(&database.url)).await;
    server.stop().await;
    execute_sql(
        &database.url,
        "INSERT INTO articles (slug, document, views) VALUES ('bai-cu', \
         '{\"slug\":\"bai-cu\",\"title\":\"Bài cũ\",\"published_at\":\"2030-01-01T07:00:00+07:00\",\"views\":0}', 0); \
         INSERT INTO comments (article_slug, author_name, content, status, created_at) \
         VALUES ('bai-cu', 'ĐỖ VĂN CŨ', 'BÌNH LUẬN CŨ', 'pending', 1)",
    )
    .await;
    let server = TestServer::start(config(&database.url)).await;
    let list: Value = server
        .moderator_json(Method::GET, "/api/articles?limit=1")
        .await;
    assert_eq!(
        list["articles"][0]["slug"], "bai-cu",
        "dated 2030: the newest"
    );
    let password = account(&database, "lan", Role::Moderator).await;
    let desk = log_in(&server, "lan", &password).await;
    let found: ModerationPage = desk
        .json("/api/moderation/comments?q=%C4%91%E1%BB%97%20v%C4%83n")
        .await;
    assert_eq!(found.total, 1, "found by \"đỗ văn\"");
}

async fn parallel_guesses_do_not_slip_past_the_throttle(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(config(&database.url)).await;
    account(&database, "lan", Role::Moderator).await;
    let guesses = futures::future::join_all(
        (0..16).map(|n| try_log_in(&server, "lan", if n == 0 { "a" } else { "b" })),
    )
    .await;
    let mut statuses: Vec<u16> = guesses.iter().map(|r| r.status().as_u16()).collect();
    statuses.sort_unstable();
    assert_eq!(
        statuses,
        [vec![401; 10], vec![429; 6]].concat(),
        "ten guesses are checked, the rest refused"
    );
}

async fn only_admins_manage_accounts_and_read_the_audit(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(config(&database.url)).await;
    let admin_password = account(&database, "chu-bien", Role::Admin).await;
    let password = account(&database, "lan", Role::Moderator).await;
    let moderator = log_in(&server, "lan", &password).await;
    let add = json!({ "name": "minh", "role": "moderator" });
    let refused = moderator
        .write(Method::POST, "/api/moderation/moderators")
        .json(&add)
        .send()
        .await
        .unwrap();
    assert_error(refused, 403, "forbidden").await;
    for path in ["/api/moderation/moderators", "/api/moderation/audit"] {
        let refused = moderator.request(Method::GET, path).send().await.unwrap();
        assert_error(refused, 403, "forbidden").await;
    }

    let admin = log_in(&server, "chu-bien", &admin_password).await;
    let created = admin
        .write(Method::POST, "/api/moderation/moderators")
        .json(&add)
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let created: Value = created.json().await.unwrap();
    let minh = log_in(&server, "minh", created["password"].as_str().unwrap()).await;
    let taken = admin
        .write(Method::POST, "/api/moderation/moderators")
        .json(&add)
        .send()
        .await
        .unwrap();
    assert_error(taken, 409, "name_taken").await;
    let names: Vec<Value> = admin.json("/api/moderation/moderators").await;
    assert_eq!(
        names.iter().map(|a| a["name"].clone()).collect::<Vec<_>>(),
        ["admin", "chu-bien", "lan", "minh"]
    );
    let removed = admin
        .write(Method::DELETE, "/api/moderation/moderators/minh")
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status(), 204);
    let gone = minh.request(Method::GET, "/api/moderation/session");
    assert_error(gone.send().await.unwrap(), 401, "session_expired").await;

    // The audit log says who decided what.
    let id = pending_comment(&server, 1, None).await;
    moderator.decide(id, "approve").await;
    let other = pending_comment(&server, 2, None).await;
    let rejected = server
        .moderator(
            Method::POST,
            &format!("/api/moderation/comments/{other}/reject"),
        )
        .json(&json!({ "reason": "off_topic" }))
        .send()
        .await
        .unwrap();
    assert_eq!(rejected.status(), 200, "the bearer token still works");
    let audit: AuditPage = admin.json("/api/moderation/audit?limit=1").await;
    assert_eq!(audit.entries.len(), 1);
    assert_eq!(
        (
            audit.entries[0].moderator.as_str(),
            audit.entries[0].action.as_str(),
            audit.entries[0].comment_id,
            audit.entries[0].reason.as_deref()
        ),
        ("token", "reject", other, Some("off_topic"))
    );
    let cursor = audit.next_cursor.expect("an older entry");
    let older: AuditPage = admin
        .json(&format!("/api/moderation/audit?limit=1&cursor={cursor}"))
        .await;
    assert_eq!(
        (
            older.entries[0].moderator.as_str(),
            older.entries[0].action.as_str()
        ),
        ("lan", "approve")
    );
}

async fn two_moderators_deciding_at_once(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(config(&database.url)).await;
    let lan_password = account(&database, "lan", Role::Moderator).await;
    let minh_password = account(&database, "minh", Role::Moderator).await;
    let lan = log_in(&server, "lan", &lan_password).await;
    let minh = log_in(&server, "minh", &minh_password).await;

    let id = pending_comment(&server, 1, None).await;
    assert_eq!(lan.decide(id, "approve").await.status(), 200);
    assert_eq!(
        lan.decide(id, "approve").await.status(),
        200,
        "a retry is idempotent"
    );
    let late = assert_error(minh.decide(id, "reject").await, 409, "already_decided").await;
    assert_eq!(late["message"], "Bình luận này đã được lan duyệt.");
    assert_eq!(late["message_en"], "lan already approved this comment.");
    assert_error(minh.decide(id, "approve").await, 409, "already_decided").await;

    // At the same instant: one decides, the other is told.
    for n in 2..6 {
        let id = pending_comment(&server, n, None).await;
        let (first, second) = tokio::join!(lan.decide(id, "approve"), minh.decide(id, "reject"));
        let mut statuses = [first.status().as_u16(), second.status().as_u16()];
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 409], "comment {n}");
    }
    assert_error(lan.decide(987_654, "approve").await, 404, "not_found").await;
}

async fn the_queue_filters_searches_and_explains(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(config(&database.url)).await;
    let password = account(&database, "lan", Role::Moderator).await;
    let desk = log_in(&server, "lan", &password).await;
    let reader = "reader-0123456789";
    let first = pending_comment(&server, 1, Some(reader)).await;
    desk.decide(first, "approve").await;
    let rejected = pending_comment(&server, 2, Some(reader)).await;
    desk.decide(rejected, "reject").await;
    let reply = server
        .comment_post(ARTICLE, &unique_key())
        .header("X-Reader-Id", common::reader(reader))
        .json(&json!({
            "author_name": "TRẦN THỊ BÌNH",
            "author_email": "an@example.vn",
            "content": "Tôi đồng ý với ý kiến này, mong tòa soạn tiếp tục đưa tin về Sa Pa nhé.",
            "parent_id": first
        }))
        .send()
        .await
        .unwrap();
    let reply = reply.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let other = pending_comment(&server, 3, None).await;

    let page: ModerationPage = desk.json("/api/moderation/comments").await;
    assert_eq!(
        page.comments
            .iter()
            .map(|c| c.comment.id)
            .collect::<Vec<_>>(),
        [reply, other],
        "pending, oldest first"
    );
    let item: &ModerationItem = &page.comments[0];
    assert_eq!(item.article.slug, ARTICLE);
    assert!(
        item.article.title.starts_with("Lan tỏa"),
        "{}",
        item.article.title
    );
    let parent = item.parent.as_ref().expect("what it answers");
    assert_eq!(parent.id, first);
    assert!(parent.excerpt.starts_with("Bình luận thứ 1"));
    assert_eq!(item.comment.author_email.as_deref(), Some("an@example.vn"));
    let hashed = item.reader.clone().expect("the reader, hashed");
    assert_eq!(hashed.len(), 12);
    assert!(!hashed.contains("reader"));
    assert!(
        item.client
            .as_ref()
            .is_some_and(|client| client.len() == 12)
    );
    assert_eq!(page.comments[1].reader, None);

    let searched: ModerationPage = desk
        .json("/api/moderation/comments?q=%C4%91%E1%BB%93ng%20%C3%BD")
        .await;
    assert_eq!(
        searched
            .comments
            .iter()
            .map(|c| c.comment.id)
            .collect::<Vec<_>>(),
        [reply],
        "searched by text (đồng ý)"
    );
    // "trần" finds "TRẦN": case is ignored in every script, not only ASCII.
    let by_author: ModerationPage = desk.json("/api/moderation/comments?q=tr%E1%BA%A7n").await;
    assert_eq!(by_author.total, 1, "searched by author, ignoring case");
    let wildcard: ModerationPage = desk.json("/api/moderation/comments?q=%25").await;
    assert_eq!(wildcard.total, 0, "% is taken literally");
    let elsewhere: ModerationPage = desk
        .json("/api/moderation/comments?article=mua-lua-chin-tren-ruong-bac-thang-sa-pa")
        .await;
    assert_eq!(elsewhere.total, 0);
    let decided: ModerationPage = desk.json("/api/moderation/comments?status=rejected").await;
    assert_eq!(decided.comments[0].decided_by.as_deref(), Some("lan"));
    assert_eq!(
        decided.comments[0].comment.rejection_reason.as_deref(),
        Some("spam")
    );

    let counts: QueueCounts = desk.json("/api/moderation/counts").await;
    assert_eq!(
        counts,
        QueueCounts {
            pending: 2,
            published: 1,
            rejected: 1,
            reported: 0,
        }
    );
    let history: AuthorHistory = desk
        .json(&format!("/api/moderation/comments/{reply}/history"))
        .await;
    assert_eq!((history.approved, history.rejected), (1, 1));
    assert_eq!(
        history.recent.iter().map(|c| c.id).collect::<Vec<_>>(),
        [other, rejected, first],
        "the same e-mail's other comments, newest first"
    );

    // Paging stays on the same queue and order.
    let first_page: ModerationPage = desk.json("/api/moderation/comments?limit=1").await;
    let cursor = first_page.next_cursor.expect("a second page");
    let second_page: ModerationPage = desk
        .json(&format!("/api/moderation/comments?limit=1&cursor={cursor}"))
        .await;
    assert_eq!(second_page.comments[0].comment.id, other);
}

async fn a_featured_comment_is_pinned_for_readers(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(config(&database.url)).await;
    let password = account(&database, "lan", Role::Moderator).await;
    let desk = log_in(&server, "lan", &password).await;
    let mut ids = Vec::new();
    for n in 0..4 {
        let id = pending_comment(&server, n, None).await;
        desk.decide(id, "approve").await;
        ids.push(id);
    }
    let pending = pending_comment(&server, 9, None).await;
    assert_error(desk.decide(pending, "feature").await, 409, "not_published").await;
    let reply = server
        .comment_post(ARTICLE, &unique_key())
        .json(&json!({
            "author_name": "Bạn đọc",
            "content": "Tôi đồng ý với ý kiến này, mong tòa soạn tiếp tục đưa tin về Sa Pa nhé.",
            "parent_id": ids[1]
        }))
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    desk.decide(reply, "approve").await;
    assert_error(desk.decide(reply, "feature").await, 409, "not_published").await;
    let chosen: Comment = desk.decide(ids[0], "feature").await.json().await.unwrap();
    assert!(chosen.featured);

    let path = format!("/api/articles/{ARTICLE}/comments?limit=2");
    let first: CommentPage = serde_json::from_value(server.get_json(&path).await).unwrap();
    assert_eq!(
        first
            .comments
            .iter()
            .map(|c| (c.id, c.featured))
            .collect::<Vec<_>>(),
        [(ids[0], true), (ids[3], false), (ids[2], false)],
        "the chosen comment first, then the newest"
    );
    let cursor = first.next_cursor.unwrap();
    let rest: CommentPage =
        serde_json::from_value(server.get_json(&format!("{path}&cursor={cursor}")).await).unwrap();
    assert_eq!(
        rest.comments.iter().map(|c| c.id).collect::<Vec<_>>(),
        [ids[1]],
        "not shown twice"
    );
    let unchosen = desk
        .write(
            Method::DELETE,
            &format!("/api/moderation/comments/{}/feature", ids[0]),
        )
        .send()
        .await
        .unwrap();
    assert!(!unchosen.json::<Comment>().await.unwrap().featured);
}

async fn a_decision_can_be_undone_for_ten_seconds(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(config(&database.url)).await;
    let lan = log_in(
        &server,
        "lan",
        &account(&database, "lan", Role::Moderator).await,
    )
    .await;
    let minh = log_in(
        &server,
        "minh",
        &account(&database, "minh", Role::Moderator).await,
    )
    .await;
    let id = pending_comment(&server, 1, None).await;
    lan.decide(id, "reject").await;
    assert_error(minh.decide(id, "undo").await, 409, "undo_expired").await;
    let undone: Comment = lan.decide(id, "undo").await.json().await.unwrap();
    assert_eq!(undone.status, CommentStatus::Pending);
    assert_eq!(undone.rejection_reason, None);
    assert_eq!(
        minh.decide(id, "approve").await.status(),
        200,
        "back in the queue"
    );

    let late = pending_comment(&server, 2, None).await;
    lan.decide(late, "approve").await;
    execute_sql(
        &database.url,
        &format!("UPDATE comments SET decided_at = decided_at - 13000000 WHERE id = {late}"),
    )
    .await;
    assert_error(lan.decide(late, "undo").await, 409, "undo_expired").await;
}

async fn bulk_decisions_skip_what_others_decided(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(config(&database.url)).await;
    let lan = log_in(
        &server,
        "lan",
        &account(&database, "lan", Role::Moderator).await,
    )
    .await;
    let minh = log_in(
        &server,
        "minh",
        &account(&database, "minh", Role::Moderator).await,
    )
    .await;
    let ids = [
        pending_comment(&server, 1, None).await,
        pending_comment(&server, 2, None).await,
        pending_comment(&server, 3, None).await,
    ];
    minh.decide(ids[1], "reject").await;
    let bulk = |body: Value| {
        lan.write(Method::POST, "/api/moderation/comments/bulk")
            .json(&body)
            .send()
    };
    let outcome: BulkOutcome = bulk(json!({ "ids": ids, "action": "approve" }))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        outcome.decided.iter().map(|c| c.id).collect::<Vec<_>>(),
        [ids[0], ids[2]]
    );
    assert_eq!(outcome.skipped.len(), 1);
    assert_eq!(
        (
            outcome.skipped[0].id,
            outcome.skipped[0].error.error.as_str()
        ),
        (ids[1], "already_decided")
    );
    let without_reason = bulk(json!({ "ids": [ids[0]], "action": "reject" }))
        .await
        .unwrap();
    assert_error(without_reason, 400, "invalid_input").await;
    let too_many = bulk(json!({ "ids": (0..101).collect::<Vec<_>>(), "action": "approve" }))
        .await
        .unwrap();
    assert_error(too_many, 400, "invalid_input").await;
}

/// The accounts command: add prints a one-time password, list and remove.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_moderators_command_manages_accounts() {
    let database = TestDatabase::new(Backend::Sqlite).await;
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_binhluan-server"))
            .arg("moderators")
            .args(args)
            .args(["--database-url", &database.url])
            .output()
            .expect("the command runs")
    };
    let added = run(&["add", "lan", "--admin"]);
    assert!(added.status.success());
    let printed = String::from_utf8_lossy(&added.stdout);
    let password = printed
        .trim()
        .rsplit(' ')
        .next()
        .expect("the password, last");
    assert_eq!(password.len(), 20, "{printed}");
    assert!(!run(&["add", "lan"]).status.success(), "the name is taken");
    assert!(
        !run(&["add", "token"]).status.success(),
        "the bearer token's name is not an account's"
    );
    let listed = run(&["list"]);
    assert!(String::from_utf8_lossy(&listed.stdout).contains("lan\tAdmin\tnever logged in"));

    let server = TestServer::start(config(&database.url)).await;
    log_in(&server, "lan", password).await;

    let reset = run(&["password", "lan"]);
    assert!(reset.status.success());
    let printed = String::from_utf8_lossy(&reset.stdout);
    let new_password = printed.trim().rsplit(' ').next().unwrap().to_owned();
    assert_ne!(new_password, password);
    assert_error(
        try_log_in(&server, "lan", password).await,
        401,
        "invalid_login",
    )
    .await;
    log_in(&server, "lan", &new_password).await;
    assert!(!run(&["password", "nobody"]).status.success());
    server.stop().await;

    assert!(run(&["remove", "lan"]).status.success());
    assert!(!run(&["remove", "lan"]).status.success());
}

/// A newcomer's first run, as `scripts/run` starts the server: the one-time link it prints
/// logs the admin in, and their approval publishes a reader's comment.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_printed_link_lets_a_newcomer_approve_a_comment() {
    use tokio::io::{AsyncBufReadExt, BufReader};

    let database = TestDatabase::new(Backend::Sqlite).await;
    let mut server = tokio::process::Command::new(env!("CARGO_BIN_EXE_binhluan-server"))
        .args(["--addr", "127.0.0.1:0", "--database-url", &database.url])
        .args(["--dist", "/nonexistent/dist", "--content"])
        .arg(common::content_folder())
        .env("RUST_LOG", "info")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("the server binary starts");
    let mut lines = BufReader::new(server.stdout.take().unwrap()).lines();
    let line = lines
        .next_line()
        .await
        .unwrap()
        .expect("the server prints the login link");
    let link = line
        .split_whitespace()
        .find(|word| word.starts_with("http://"))
        .expect("a link in the line");
    let (base, secret) = link.split_once("/kiem-duyet/#dang-nhap=").unwrap();
    let client = reqwest::Client::new();
    let post = client
        .post(format!("{base}/api/articles/{ARTICLE}/comments"))
        .header("Idempotency-Key", unique_key())
        .json(&comment_body(1))
        .send()
        .await
        .unwrap();
    assert_eq!(post.status(), 201);
    let id = post.json::<Value>().await.unwrap()["id"].as_i64().unwrap();

    let login = client
        .post(format!("{base}/api/moderation/session/link"))
        .json(&json!({ "token": secret }))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 200);
    let cookie = session_cookie(&login);
    let session: Session = login.json().await.unwrap();
    let approved = client
        .post(format!("{base}/api/moderation/comments/{id}/approve"))
        .header("Cookie", &cookie)
        .header("X-CSRF-Token", &session.csrf_token)
        .send()
        .await
        .unwrap();
    assert_eq!(approved.status(), 200);
    let page: CommentPage = client
        .get(format!("{base}/api/articles/{ARTICLE}/comments"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(page.comments.iter().map(|c| c.id).collect::<Vec<_>>(), [id]);

    server.start_kill().ok();
    let mut log = String::new();
    tokio::io::AsyncReadExt::read_to_string(&mut server.stderr.take().unwrap(), &mut log)
        .await
        .unwrap();
    assert!(log.contains("desk login"), "the log is read: {log}");
    assert!(
        !log.contains(secret),
        "the link's secret stays out of the log"
    );
}
