//! An admin edits the policy in the desk, tries it on sample comments with the rules in the
//! browser, saves it, and readers are held to it at once, without a restart.

use binhluan_api::{Policy, Role};

use crate::support::desk::{add_moderator, log_in};
use crate::support::{Browser, ServerOptions, TestServer};

const ADMIN: &str = "chu-bien";

/// Waits until the preview's outcome reads `expected`.
async fn wait_for_outcome(browser: &Browser, expected: &str) {
    let script = format!(
        "document.querySelector('.preview-verdict .outcome')?.textContent === {}",
        serde_json::Value::from(expected)
    );
    browser
        .wait_until(&format!("the preview says {expected}"), &script)
        .await;
}

/// Waits until the policy's version line starts with `expected`.
async fn wait_for_version(browser: &Browser, expected: &str) {
    let script = format!(
        "document.querySelector('.policy-version')?.textContent.startsWith({})",
        serde_json::Value::from(expected)
    );
    browser
        .wait_until(&format!("the version reads {expected}"), &script)
        .await;
}

/// Replaces what `css` holds with `text`, as an admin would.
async fn retype(browser: &Browser, css: &str, text: &str) {
    browser
        .find(css)
        .await
        .clear()
        .await
        .expect("clearing works");
    browser.type_into(css, text).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_admin_previews_and_saves_a_policy_that_readers_get_at_once() {
    let server = TestServer::start(ServerOptions::default()).await;
    let password = add_moderator(&server, ADMIN, Role::Admin).await;
    let browser = Browser::desktop().await;
    log_in(&browser, &server, ADMIN, &password).await;
    browser.click(".tab[data-status=policy]").await;
    wait_for_version(&browser, "Phiên bản 1, lưu bởi default, ").await;
    browser.find("#policy-min-words").await;
    browser.assert_accessible().await;

    // The sample is judged by the draft as it is typed, before anything is saved.
    retype(
        &browser,
        "#policy-sample",
        "Bài viết này rất hay và hữu ích.",
    )
    .await;
    wait_for_outcome(&browser, "Bị từ chối · 8 chữ").await;
    retype(&browser, "#policy-min-words", "5").await;
    wait_for_outcome(&browser, "Được nhận · 8 chữ").await;
    browser.type_into("#policy-suspect", "xổ số").await;
    browser.type_into("#policy-banned", "lừa đảo").await;
    retype(
        &browser,
        "#policy-sample",
        "Ai muốn mua xổ số cùng tôi thì nhắn nhé.",
    )
    .await;
    wait_for_outcome(&browser, "Chờ duyệt (Có từ cần xem xét) · 10 chữ").await;
    retype(
        &browser,
        "#policy-sample",
        "Trang này lừa đảo người đọc quá nhiều rồi.",
    )
    .await;
    wait_for_outcome(&browser, "Bị từ chối · 9 chữ").await;
    let saved_before: Policy = reqwest::get(server.url("/api/policy"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        saved_before,
        Policy::default(),
        "nothing is saved by a preview"
    );

    browser.click(".policy-form button[type=submit]").await;
    browser
        .wait_until(
            "the toast says version 2 is saved",
            "[...document.querySelectorAll('.toast')].some(t => t.textContent.includes('Đã lưu phiên bản 2'))",
        )
        .await;
    wait_for_version(&browser, "Phiên bản 2, lưu bởi chu-bien, ").await;
    let saved: Policy = reqwest::get(server.url("/api/policy"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(saved.min_words, 5);
    assert_eq!(saved.suspect_words, ["xổ số"]);
    assert_eq!(saved.banned_words, ["lừa đảo"]);

    // A reader opening an article now is held to the new policy.
    browser.goto(&server.url("/")).await;
    browser
        .wait_until(
            "the reader's checklist asks for 5 words",
            "document.querySelector('.rule-checklist li[data-rule=min_words]')\
             ?.textContent.startsWith('Tối thiểu 5 chữ:')",
        )
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_moderator_has_no_policy_tab() {
    let server = TestServer::start(ServerOptions::default()).await;
    let password = add_moderator(&server, "lan", Role::Moderator).await;
    let browser = Browser::desktop().await;
    log_in(&browser, &server, "lan", &password).await;
    browser.find(".tab[data-status=pending]").await;
    assert_eq!(
        browser
            .eval("document.querySelectorAll('.tab[data-status=policy]').length")
            .await,
        0
    );
    browser.close().await;
}
