//! The moderation desk (`/kiem-duyet/`): a moderator logs in and decides with the keyboard
//! and the mouse, against the real server.

use binhluan_api::{CommentPage, CommentStatus, Role};

use crate::support::desk::{
    add_moderator, desk_url, focused_id, log_in, moderation_item, post_comments, press,
    remove_moderator, wait_for_count, wait_for_focus, wait_for_items,
};
use crate::support::{Browser, SEED_SLUG, ServerOptions, TestServer};

const NAME: &str = "lan.nguyen";

#[tokio::test(flavor = "multi_thread")]
async fn a_moderator_approves_and_rejects_with_the_keyboard() {
    let server = TestServer::start(ServerOptions::default()).await;
    let password = add_moderator(&server, NAME, Role::Moderator).await;
    let comments = post_comments(&server, 3).await;
    let [first, second, third] = [comments[0].id, comments[1].id, comments[2].id];
    let browser = Browser::desktop().await;
    log_in(&browser, &server, NAME, &password).await;
    // Pending comments come oldest first, the first one focused.
    wait_for_items(&browser, &[first, second, third]).await;
    wait_for_count(&browser, "pending", 3).await;
    assert_eq!(focused_id(&browser).await, first);
    browser.assert_accessible().await;

    // j moves to the second; a approves it, and the next one is focused at once.
    press(&browser, "j").await;
    wait_for_focus(&browser, second).await;
    press(&browser, "a").await;
    wait_for_items(&browser, &[first, third]).await;
    wait_for_focus(&browser, third).await;
    browser
        .wait_until(
            "the toast says it was approved, with its undo",
            "[...document.querySelectorAll('.toast')].some(t => t.textContent.includes('Đã duyệt') \
             && t.querySelector('button.undo')?.textContent === 'Hoàn tác')",
        )
        .await;
    wait_for_count(&browser, "published", 1).await;
    let approved = moderation_item(&server, second).await;
    assert_eq!(approved.comment.status, CommentStatus::Published);
    assert_eq!(approved.decided_by.as_deref(), Some(NAME));

    // r opens the reasons; 2 rejects the focused one as offensive.
    press(&browser, "r").await;
    browser.find(".reasons button[data-reason=offensive]").await;
    press(&browser, "2").await;
    wait_for_items(&browser, &[first]).await;
    wait_for_focus(&browser, first).await;
    wait_for_count(&browser, "rejected", 1).await;
    let rejected = moderation_item(&server, third).await;
    assert_eq!(rejected.comment.status, CommentStatus::Rejected);
    assert_eq!(
        rejected.comment.rejection_reason.as_deref(),
        Some("offensive")
    );

    // Escape closes the reasons without deciding.
    press(&browser, "r").await;
    browser.find(".reasons").await;
    press(&browser, "\u{e00c}").await;
    browser
        .wait_until("the reasons close", "!document.querySelector('.reasons')")
        .await;
    let untouched = moderation_item(&server, first).await;
    assert_eq!(untouched.comment.status, CommentStatus::Pending);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_decision_is_undone_from_its_toast() {
    let server = TestServer::start(ServerOptions::default()).await;
    let password = add_moderator(&server, NAME, Role::Moderator).await;
    let comments = post_comments(&server, 2).await;
    let [first, second] = [comments[0].id, comments[1].id];
    let browser = Browser::phone().await;
    log_in(&browser, &server, NAME, &password).await;
    wait_for_items(&browser, &[first, second]).await;

    press(&browser, "a").await;
    wait_for_items(&browser, &[second]).await;
    browser
        .wait_until(
            "the approval is made",
            "document.querySelector('.tab[data-status=published] .count')?.textContent === '1'",
        )
        .await;
    browser.click(".toast button.undo").await;
    // It is back in the queue, where it was, and pending on the server.
    wait_for_items(&browser, &[first, second]).await;
    wait_for_count(&browser, "pending", 2).await;
    let undone = moderation_item(&server, first).await;
    assert_eq!(undone.comment.status, CommentStatus::Pending);
    browser
        .wait_until(
            "the toast says it was undone",
            "[...document.querySelectorAll('.toast')].some(t => t.textContent.includes('Đã hoàn tác'))",
        )
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_comment_decided_elsewhere_leaves_the_queue_with_a_message() {
    let server = TestServer::start(ServerOptions::default()).await;
    let password = add_moderator(&server, NAME, Role::Moderator).await;
    let comments = post_comments(&server, 2).await;
    let browser = Browser::desktop().await;
    log_in(&browser, &server, NAME, &password).await;
    wait_for_items(&browser, &[comments[0].id, comments[1].id]).await;

    // Another moderator (here the token) approves the first one meanwhile.
    server.approve(comments[0].id).await;
    press(&browser, "r").await;
    press(&browser, "1").await;
    wait_for_items(&browser, &[comments[1].id]).await;
    browser
        .wait_until(
            "the toast says who decided first",
            "[...document.querySelectorAll('.toast.is-error')].some(t => t.textContent.includes('đã được token duyệt'))",
        )
        .await;
    // It stays out of the queue (the toast comes once the answer is handled), published as the
    // other decided.
    assert_eq!(
        browser
            .eval("[...document.querySelectorAll('article.item')].map(e => e.id).join(',')")
            .await,
        format!("kd-{}", comments[1].id)
    );
    let item = moderation_item(&server, comments[0].id).await;
    assert_eq!(item.comment.status, CommentStatus::Published);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_session_that_ends_brings_back_the_login_form() {
    let server = TestServer::start(ServerOptions::default()).await;
    let password = add_moderator(&server, NAME, Role::Moderator).await;
    let comments = post_comments(&server, 2).await;
    let browser = Browser::phone().await;
    log_in(&browser, &server, NAME, &password).await;
    wait_for_items(&browser, &[comments[0].id, comments[1].id]).await;
    // The session survives a reload.
    browser.reload().await;
    wait_for_items(&browser, &[comments[0].id, comments[1].id]).await;

    remove_moderator(&server, NAME).await;
    press(&browser, "a").await;
    browser
        .wait_for_text(
            ".login .notice",
            "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.",
        )
        .await;
    let item = moderation_item(&server, comments[0].id).await;
    assert_eq!(item.comment.status, CommentStatus::Pending);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn logging_out_ends_the_session() {
    let server = TestServer::start(ServerOptions::default()).await;
    let password = add_moderator(&server, NAME, Role::Moderator).await;
    let browser = Browser::phone().await;
    log_in(&browser, &server, NAME, &password).await;
    browser
        .wait_for_text(".top .who", "lan.nguyen (kiểm duyệt viên)")
        .await;
    // A moderator sees no audit tab.
    assert!(browser.find_all(".tab[data-status=audit]").await.is_empty());
    browser.click(".top button.logout").await;
    browser.find("#login-name").await;
    browser.reload().await;
    browser.find("#login-name").await;
    assert!(browser.find_all("nav.tabs").await.is_empty());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_featured_comment_is_featured_for_readers() {
    let server = TestServer::start(ServerOptions::default()).await;
    let password = add_moderator(&server, NAME, Role::Admin).await;
    let comments = post_comments(&server, 1).await;
    let id = comments[0].id;
    server.approve(id).await;
    let browser = Browser::desktop().await;
    log_in(&browser, &server, NAME, &password).await;
    browser.click(".tab[data-status=published]").await;
    wait_for_items(&browser, &[id]).await;

    press(&browser, "f").await;
    browser
        .wait_until(
            "the comment shows as featured",
            &format!(
                "document.querySelector('#kd-{id} button.feature')?.getAttribute('aria-pressed') === 'true' \
                 && !!document.querySelector('#kd-{id} .badge.featured')"
            ),
        )
        .await;
    let page: CommentPage =
        reqwest::get(server.url(&format!("/api/articles/{SEED_SLUG}/comments")))
            .await
            .expect("the API answers")
            .json()
            .await
            .expect("a page of comments");
    let public = page
        .comments
        .iter()
        .find(|c| c.id == id)
        .expect("the comment is public");
    assert!(public.featured, "readers see it featured");

    // The audit log, for admins, says who featured it.
    browser.click(".tab[data-status=audit]").await;
    browser
        .wait_until(
            "the audit log lists the feature",
            &format!(
                "[...document.querySelectorAll('.audit tbody tr')].some(r => r.textContent.includes('#{id}') \
                 && r.textContent.includes('Chọn') && r.textContent.includes('{NAME}'))"
            ),
        )
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn marked_comments_are_approved_together() {
    let server = TestServer::start(ServerOptions::default()).await;
    let password = add_moderator(&server, NAME, Role::Moderator).await;
    let comments = post_comments(&server, 3).await;
    let ids: Vec<i64> = comments.iter().map(|c| c.id).collect();
    let browser = Browser::desktop().await;
    log_in(&browser, &server, NAME, &password).await;
    wait_for_items(&browser, &ids).await;

    // One marked with the mouse, one with x.
    browser.click(&format!("#kd-{} .mark input", ids[0])).await;
    press(&browser, "jx").await;
    browser
        .wait_for_text(".bulk .marked", "Đã đánh dấu 2")
        .await;
    browser.click(".bulk button.approve").await;
    wait_for_items(&browser, &[ids[2]]).await;
    wait_for_count(&browser, "published", 2).await;
    for id in &ids[..2] {
        let item = moderation_item(&server, *id).await;
        assert_eq!(item.comment.status, CommentStatus::Published);
    }
    let left = moderation_item(&server, ids[2]).await;
    assert_eq!(left.comment.status, CommentStatus::Pending);
    browser
        .wait_until("the selection is gone", "!document.querySelector('.bulk')")
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_password_is_refused_with_a_message() {
    let server = TestServer::start(ServerOptions::default()).await;
    add_moderator(&server, NAME, Role::Moderator).await;
    let browser = Browser::phone().await;
    browser.goto(&desk_url(&server)).await;
    browser.find("#login-name").await;
    browser.assert_accessible().await;
    browser.type_into("#login-name", NAME).await;
    browser
        .type_into("#login-password", "not-the-password")
        .await;
    browser.click(".login button[type=submit]").await;
    let message = browser.non_empty_text("#login-error").await;
    assert_eq!(message, "Tên đăng nhập hoặc mật khẩu không đúng.");
    assert!(browser.find_all("nav.tabs").await.is_empty());
    // The password is cleared for another try; English is one click away.
    assert_eq!(
        browser
            .eval("document.querySelector('#login-password').value")
            .await,
        ""
    );
    browser.click("button.lang").await;
    browser
        .wait_for_text("#login-error", "Wrong name or password.")
        .await;
    assert_eq!(browser.eval("document.documentElement.lang").await, "en");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_used_or_wrong_login_link_says_so_and_leaves_the_address() {
    let server = TestServer::start(ServerOptions::default()).await;
    let browser = Browser::phone().await;
    browser
        .goto(&format!("{}#dang-nhap=not-a-token", desk_url(&server)))
        .await;
    let notice = browser.non_empty_text(".login .notice").await;
    assert_eq!(notice, "Tên đăng nhập hoặc mật khẩu không đúng.");
    assert_eq!(browser.eval("location.hash").await, "");
    assert_eq!(browser.eval("location.pathname").await, "/kiem-duyet/");
    browser.close().await;
}

/// A newsroom's first run, on PostgreSQL: the link the server printed logs the first admin in
/// to the desk, which approves a reader's comment with one key, and readers then see it.
#[tokio::test(flavor = "multi_thread")]
async fn the_printed_link_opens_the_desk_and_a_comment_is_approved_on_postgres() {
    let server = TestServer::start(ServerOptions {
        postgres: true,
        ..ServerOptions::default()
    })
    .await;
    let link = server
        .login_link()
        .expect("a login link while no one has logged in")
        .to_owned();
    assert!(link.starts_with(&format!("{}/kiem-duyet/#dang-nhap=", server.origin())));
    let comments = post_comments(&server, 1).await;
    let browser = Browser::desktop().await;
    browser.goto(&link).await;
    browser.find("nav.tabs").await;
    assert_eq!(
        browser.eval("location.hash").await,
        "",
        "the secret leaves the address"
    );
    wait_for_items(&browser, &[comments[0].id]).await;
    assert_eq!(focused_id(&browser).await, comments[0].id);
    press(&browser, "a").await;
    wait_for_count(&browser, "published", 1).await;
    let page: CommentPage =
        reqwest::get(server.url(&format!("/api/articles/{SEED_SLUG}/comments")))
            .await
            .expect("the public list")
            .json()
            .await
            .expect("a page");
    assert_eq!(
        page.comments.iter().map(|c| c.id).collect::<Vec<_>>(),
        [comments[0].id]
    );
    assert_eq!(
        moderation_item(&server, comments[0].id)
            .await
            .decided_by
            .as_deref(),
        Some("admin")
    );
    browser.close().await;
}
