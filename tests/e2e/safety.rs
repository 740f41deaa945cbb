//! Community safety in the moderation desk: readers' reports reach "Bị báo cáo", where a
//! moderator keeps or rejects the comment; a moderator bans an author and lifts the ban.

use binhluan_api::{CommentStatus, IDEMPOTENCY_KEY_HEADER, NewComment, READER_ID_HEADER, Role};
use serde_json::json;

use reqwest::Method;

use crate::support::desk::{
    add_moderator, as_moderator, log_in, moderation_item, post_comments, wait_for_count,
    wait_for_items,
};
use crate::support::{Browser, SEED_SLUG, ServerOptions, TestServer};

const NAME: &str = "thu.tran";

/// Reader `reader` (an issued id) reports comment `id` with `body`, through the API; asserts
/// `202`.
async fn report(server: &TestServer, id: i64, reader: &str, body: serde_json::Value) {
    let response = reqwest::Client::new()
        .post(server.url(&format!("/api/comments/{id}/report")))
        .header(READER_ID_HEADER, reader)
        .json(&body)
        .send()
        .await
        .expect("the API answers");
    assert_eq!(response.status(), 202, "the report is taken");
}

/// Reader `reader` (an issued id) posts comment number `n` on the seed article; the answer's
/// status.
async fn post_as(server: &TestServer, reader: &str, n: usize) -> reqwest::Response {
    let comment = NewComment {
        author_name: "Kẻ phá rối".to_owned(),
        author_email: None,
        content: format!(
            "Bình luận số {n} của người này: mua ngay hàng giảm giá ở cửa hàng chúng tôi nhé."
        ),
        parent_id: None,
    };
    reqwest::Client::new()
        .post(server.url(&format!("/api/articles/{SEED_SLUG}/comments")))
        .header(IDEMPOTENCY_KEY_HEADER, format!("safety-{reader}-{n}"))
        .header(READER_ID_HEADER, reader)
        .json(&comment)
        .send()
        .await
        .expect("the API answers")
}

#[tokio::test(flavor = "multi_thread")]
async fn reported_comments_are_kept_or_rejected_from_the_desk() {
    let server = TestServer::start(ServerOptions::default()).await;
    let password = add_moderator(&server, NAME, Role::Moderator).await;
    let comments = post_comments(&server, 2).await;
    let [kept, rejected] = [comments[0].id, comments[1].id];
    server.approve(kept).await;
    server.approve(rejected).await;
    report(
        &server,
        kept,
        &server.new_reader().await,
        json!({ "reason": "spam" }),
    )
    .await;
    report(
        &server,
        kept,
        &server.new_reader().await,
        json!({ "reason": "other", "text": "Quảng cáo <b>bán thuốc</b>" }),
    )
    .await;
    report(
        &server,
        rejected,
        &server.new_reader().await,
        json!({ "reason": "personal_attack" }),
    )
    .await;

    let browser = Browser::desktop().await;
    log_in(&browser, &server, NAME, &password).await;
    wait_for_count(&browser, "reported", 2).await;
    browser.click(".tab[data-status=reported]").await;
    browser
        .wait_until(
            "the most reported comes first",
            &format!(
                "[...document.querySelectorAll('article.reported')].map(e => e.id).join(',') === 'bc-{kept},bc-{rejected}'"
            ),
        )
        .await;
    let card = format!("#bc-{kept}");
    browser
        .wait_for_text(&format!("{card} .badge.reports"), "2 báo cáo")
        .await;
    browser
        .wait_for_text(&format!("{card} [data-reason=spam]"), "Spam, quảng cáo: 1")
        .await;
    browser
        .wait_for_text(&format!("{card} [data-reason=other]"), "Lý do khác: 1")
        .await;
    // The reader's words are text, never markup.
    browser
        .wait_for_text(
            &format!("{card} .report-texts q"),
            "Quảng cáo <b>bán thuốc</b>",
        )
        .await;
    assert_eq!(
        browser
            .eval(&format!(
                "document.querySelectorAll('{card} .report-texts b').length"
            ))
            .await,
        0
    );
    browser.assert_accessible().await;

    // "Giữ lại": the comment leaves the queue and stays published.
    browser.click(&format!("{card} button.keep")).await;
    browser
        .wait_until(
            "the kept comment leaves the queue",
            &format!("!document.querySelector('{card}')"),
        )
        .await;
    wait_for_count(&browser, "reported", 1).await;
    assert_eq!(
        moderation_item(&server, kept).await.comment.status,
        CommentStatus::Published
    );

    // Rejected as a personal attack: off the site.
    browser
        .click(&format!(
            "#bc-{rejected} .reasons button[data-reason=personal_attack]"
        ))
        .await;
    browser
        .wait_for_text(
            ".reported-queue .empty",
            "Không có bình luận nào bị báo cáo.",
        )
        .await;
    wait_for_count(&browser, "reported", 0).await;
    let item = moderation_item(&server, rejected).await;
    assert_eq!(item.comment.status, CommentStatus::Rejected);
    assert_eq!(
        item.comment.rejection_reason.as_deref(),
        Some("personal_attack")
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_author_is_banned_and_unbanned_from_the_desk() {
    let server = TestServer::start(ServerOptions::default()).await;
    let password = add_moderator(&server, NAME, Role::Moderator).await;
    let reader = &server.new_reader().await;
    let response = post_as(&server, reader, 1).await;
    assert_eq!(response.status(), 201);
    let id = response.json::<serde_json::Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();

    let browser = Browser::desktop().await;
    log_in(&browser, &server, NAME, &password).await;
    wait_for_items(&browser, &[id]).await;
    browser.click(&format!("#kd-{id} button.ban")).await;
    browser
        .click(&format!("#kd-{id} input[name=ban-length-{id}][value='1']"))
        .await;
    browser
        .type_into(&format!("#ban-note-{id}"), "Quảng cáo liên tục")
        .await;
    browser.click(&format!("#kd-{id} .ban-reject input")).await;
    browser.assert_accessible().await;
    browser.click(&format!("#kd-{id} .ban-submit")).await;
    browser
        .wait_until(
            "the toast says the author is banned",
            "[...document.querySelectorAll('.toast')].some(t => t.textContent.includes('Đã cấm tác giả'))",
        )
        .await;
    // Seven days, and the pending comment rejected as asked.
    assert_eq!(
        moderation_item(&server, id).await.comment.status,
        CommentStatus::Rejected
    );
    let refused = post_as(&server, reader, 2).await;
    assert_eq!(refused.status(), 403);
    let body: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(body["error"], "banned");
    let days = (body["until"].as_f64().unwrap() - js_now_ms()) / 86_400_000.0;
    assert!((6.9..7.1).contains(&days), "a seven-day ban: {days}");

    browser.click(".tab[data-status=bans]").await;
    browser
        .wait_for_text(".bans tbody td:nth-child(3)", "Quảng cáo liên tục")
        .await;
    browser
        .wait_for_text(".bans tbody td:nth-child(4)", NAME)
        .await;
    browser.click(".bans button.unban").await;
    browser
        .wait_for_text(".bans .empty", "Không ai bị cấm.")
        .await;
    assert_eq!(post_as(&server, reader, 3).await.status(), 201, "unbanned");
    browser.close().await;
}

/// Milliseconds since the epoch, now.
fn js_now_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as f64
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reader_reports_a_comment_and_a_banned_reader_keeps_the_draft() {
    let server = TestServer::start(ServerOptions {
        auto_publish: true,
        ..Default::default()
    })
    .await;
    let other = post_as(&server, &server.new_reader().await, 1).await;
    let other = other.json::<serde_json::Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    let browser = Browser::desktop().await;
    browser.goto(&server.url("/")).await;
    let comment = ".comment-list > article.comment";
    browser.click(&format!("{comment} .report-button")).await;
    browser
        .click(&format!("{comment} .report-form option[value=off_topic]"))
        .await;
    browser.assert_accessible().await;
    browser.click(".report-form button[type=submit]").await;
    browser
        .wait_for_text(
            &format!("{comment} .report-thanks"),
            "Cảm ơn, chúng tôi sẽ xem xét",
        )
        .await;
    let reports: binhluan_api::ReportedPage =
        as_moderator(&server, Method::GET, "/api/moderation/reports", None)
            .await
            .json()
            .await
            .unwrap();
    assert_eq!(reports.comments[0].item.comment.id, other);
    assert_eq!(
        reports.comments[0].reasons[0].reason,
        binhluan_api::ReportReason::OffTopic
    );
    // Remembered: no second report from this browser.
    browser.reload().await;
    browser
        .wait_for_text(
            &format!("{comment} .report-thanks"),
            "Cảm ơn, chúng tôi sẽ xem xét",
        )
        .await;

    // The reader posts, is banned for a day, and posts again: told so, the text kept.
    let form = "section.comments > form.comment-form";
    let first = "Bài viết rất hay và bổ ích, cảm ơn tác giả đã chia sẻ thông tin này.";
    browser
        .type_into(
            &format!("{form} input[name=author_name]"),
            "Nguyễn Văn Bình",
        )
        .await;
    browser.type_into(&format!("{form} textarea"), first).await;
    browser.click(&format!("{form} button[type=submit]")).await;
    browser
        .wait_for_text(".form-notice.is-ok", "Bình luận của bạn đã được đăng.")
        .await;
    let published = server.moderation_list(CommentStatus::Published).await;
    let mine = published
        .iter()
        .find(|c| c.content == first)
        .expect("the reader's comment")
        .id;
    let body = json!({ "comment_id": mine, "days": 1, "note": "Thử nghiệm" });
    let ban: binhluan_api::Ban =
        as_moderator(&server, Method::POST, "/api/moderation/bans", Some(&body))
            .await
            .json()
            .await
            .unwrap();
    let second = "Tôi vẫn muốn góp ý thêm về bài viết này, mong tòa soạn xem xét giúp tôi.";
    browser.type_into(&format!("{form} textarea"), second).await;
    browser.click(&format!("{form} button[type=submit]")).await;
    let alert = browser.non_empty_text(".form-notice.is-error").await;
    assert!(
        alert.starts_with("Bạn đã bị tạm khóa bình luận đến "),
        "alert: {alert}"
    );
    assert_eq!(
        browser
            .eval(&format!("document.querySelector('{form} textarea').value"))
            .await,
        second,
        "the draft is kept"
    );
    // Lifted: the same text goes.
    let lifted = as_moderator(
        &server,
        Method::DELETE,
        &format!("/api/moderation/bans/{}", ban.id),
        None,
    )
    .await;
    assert_eq!(lifted.status(), 204);
    browser.click(&format!("{form} button[type=submit]")).await;
    browser
        .wait_for_text(".form-notice.is-ok", "Bình luận của bạn đã được đăng.")
        .await;
    browser.close().await;
}
