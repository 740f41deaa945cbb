//! What the moderation desk's tests need: accounts, comments waiting, a logged-in desk, keys.

use binhluan_api::{Comment, CreatedModerator, ModerationItem, NewComment, NewModerator, Role};
use serde_json::Value;

use super::server::MODERATION_TOKEN;
use super::{Browser, TestServer};

/// The desk's address on `server`.
pub fn desk_url(server: &TestServer) -> String {
    server.url("/kiem-duyet/")
}

/// Adds the moderation account `name` as an admin would (the bearer token acts as one); its
/// one-time password.
pub async fn add_moderator(server: &TestServer, name: &str, role: Role) -> String {
    let created: CreatedModerator = reqwest::Client::new()
        .post(server.url("/api/moderation/moderators"))
        .bearer_auth(MODERATION_TOKEN)
        .json(&NewModerator {
            name: name.to_owned(),
            role,
        })
        .send()
        .await
        .expect("the moderation API answers")
        .error_for_status()
        .expect("the account is added")
        .json()
        .await
        .expect("the new account");
    created.password
}

/// Removes the moderation account `name`, as an admin would: its sessions end with it.
pub async fn remove_moderator(server: &TestServer, name: &str) {
    reqwest::Client::new()
        .delete(server.url(&format!("/api/moderation/moderators/{name}")))
        .bearer_auth(MODERATION_TOKEN)
        .send()
        .await
        .expect("the moderation API answers")
        .error_for_status()
        .expect("the account is removed");
}

/// Posts `count` comments on the seed article, one after the other (so oldest first in the
/// pending queue); them, in that order.
pub async fn post_comments(server: &TestServer, count: usize) -> Vec<Comment> {
    let mut comments = Vec::with_capacity(count);
    for index in 0..count {
        let comment = NewComment {
            author_name: format!("Bạn đọc {index}"),
            author_email: Some(format!("ban-doc-{index}@example.vn")),
            content: format!(
                "Bình luận số {index}: bài viết rất hay và bổ ích, cảm ơn tác giả đã chia sẻ."
            ),
            parent_id: None,
        };
        let response = server.post(&comment, &format!("desk-{index}")).await;
        assert_eq!(response.status(), 201, "the comment is taken");
        comments.push(response.json().await.expect("the comment"));
    }
    comments
}

/// A comment as the moderation API has it now.
pub async fn moderation_item(server: &TestServer, id: i64) -> ModerationItem {
    reqwest::Client::new()
        .get(server.url(&format!("/api/moderation/comments/{id}")))
        .bearer_auth(MODERATION_TOKEN)
        .send()
        .await
        .expect("the moderation API answers")
        .error_for_status()
        .expect("the comment exists")
        .json()
        .await
        .expect("a comment")
}

/// Opens the desk and logs in with `name` and `password`, waiting for the queues.
pub async fn log_in(browser: &Browser, server: &TestServer, name: &str, password: &str) {
    browser.goto(&desk_url(server)).await;
    browser.type_into("#login-name", name).await;
    browser.type_into("#login-password", password).await;
    browser.click(".login button[type=submit]").await;
    browser.find("nav.tabs").await;
}

/// Waits until the queue shows exactly the comments `ids`, in this order.
pub async fn wait_for_items(browser: &Browser, ids: &[i64]) {
    let expected = ids
        .iter()
        .map(|id| format!("kd-{id}"))
        .collect::<Vec<_>>()
        .join(",");
    let script = format!(
        "[...document.querySelectorAll('article.item')].map(e => e.id).join(',') === {}",
        Value::from(expected.as_str())
    );
    browser
        .wait_until(&format!("the queue shows {ids:?}"), &script)
        .await;
}

/// Waits until comment `id` is the focused one: `aria-current` and the keyboard focus.
pub async fn wait_for_focus(browser: &Browser, id: i64) {
    let script = format!(
        "document.querySelector('article.item[aria-current=true]')?.id === 'kd-{id}' \
         && document.activeElement?.id === 'kd-{id}'"
    );
    browser
        .wait_until(&format!("comment {id} is focused"), &script)
        .await;
}

/// The id of the focused comment (`aria-current`), once there is one.
pub async fn focused_id(browser: &Browser) -> i64 {
    let focused = "document.querySelector('article.item[aria-current=true]')";
    browser
        .wait_until("a comment is focused", &format!("!!{focused}"))
        .await;
    let id = browser.eval(&format!("{focused}.id")).await;
    id.as_str()
        .and_then(|id| id.strip_prefix("kd-"))
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("an item's id is kd-ID, not {id}"))
}

/// Presses `keys` on the focused comment, as a moderator at the keyboard would.
pub async fn press(browser: &Browser, keys: &str) {
    browser
        .find("article.item[aria-current=true]")
        .await
        .send_keys(keys)
        .await
        .expect("typing works");
}

/// Waits until the tab of `status` (`pending`, `published`, `rejected`) counts `count`.
pub async fn wait_for_count(browser: &Browser, status: &str, count: u64) {
    let script = format!(
        "document.querySelector('.tab[data-status={status}] .count')?.textContent === '{count}'"
    );
    browser
        .wait_until(&format!("the {status} tab counts {count}"), &script)
        .await;
}

/// A moderator's `method path` (with `body` as JSON, if given), with the bearer token.
pub async fn as_moderator(
    server: &TestServer,
    method: reqwest::Method,
    path: &str,
    body: Option<&Value>,
) -> reqwest::Response {
    let mut request = reqwest::Client::new()
        .request(method, server.url(path))
        .bearer_auth(MODERATION_TOKEN);
    if let Some(body) = body {
        request = request.json(body);
    }
    request.send().await.expect("the moderation API answers")
}
