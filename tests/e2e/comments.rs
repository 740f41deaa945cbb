//! A reader writes, posts, replies and likes.

use std::time::Duration;

use binhluan_api::{CommentStatus, NewComment};
use fantoccini::key::Key;

use crate::support::{Browser, ServerOptions, TestServer};

const NAME: &str = "Nguyễn Thị Lan";
const EMAIL: &str = "lan@example.vn";
const VALID: &str = "Bài viết rất hay và bổ ích, cảm ơn tác giả đã chia sẻ thông tin này.";
const REPLY: &str = "Mình cũng thấy vậy, cảm ơn bạn đã nói ra điều mà nhiều người đang nghĩ.";

/// Opens the front page and waits for the comment form.
async fn open_form(server: &TestServer, browser: &Browser) {
    browser.goto(&server.url("/")).await;
    browser
        .find("section.comments form.comment-form textarea")
        .await;
}

/// Types the name, the e-mail and the comment into the top-level form, as a reader would.
async fn fill(browser: &Browser, name: &str, email: &str, content: &str) {
    let form = "section.comments > form.comment-form";
    browser
        .type_into(&format!("{form} input[name=author_name]"), name)
        .await;
    browser
        .type_into(&format!("{form} input[name=author_email]"), email)
        .await;
    browser
        .type_into(&format!("{form} textarea"), content)
        .await;
}

async fn submit(browser: &Browser) {
    browser
        .click("section.comments > form.comment-form button[type=submit]")
        .await;
}

/// Types `REPLY` into the reply box of `comment` (a CSS selector), which is open, and sends it.
async fn send_reply(browser: &Browser, comment: &str) {
    let reply_form = format!("{comment} form.comment-form");
    browser
        .type_into(&format!("{reply_form} textarea"), REPLY)
        .await;
    browser
        .click(&format!("{reply_form} button[type=submit]"))
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unaccented_comment_shows_the_diacritics_message_and_nothing_is_posted() {
    let server = TestServer::start(ServerOptions::default()).await;
    let browser = Browser::phone().await;
    open_form(&server, &browser).await;
    fill(
        &browser,
        NAME,
        "",
        "Bai viet rat hay, cam on tac gia da chia se thong tin nay voi moi nguoi",
    )
    .await;
    submit(&browser).await;
    browser
        .wait_until(
            "the diacritics rule is shown unmet",
            "!!document.querySelector('.rule-checklist li[data-rule=diacritics].is-unmet')",
        )
        .await;
    let messages = browser
        .texts("section.comments > form .rule-messages li")
        .await;
    assert!(
        messages.iter().any(|m| m.contains("dấu")),
        "messages: {messages:?}"
    );
    // The problem has the focus, and nothing left the browser.
    assert_eq!(
        browser
            .eval("document.activeElement.tagName + ' ' + document.activeElement.name")
            .await,
        "TEXTAREA content"
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        server
            .moderation_list(CommentStatus::Pending)
            .await
            .is_empty()
    );
    assert!(
        server
            .moderation_list(CommentStatus::Published)
            .await
            .is_empty()
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_link_written_as_cham_com_is_marked_where_it_is() {
    let server = TestServer::start(ServerOptions::default()).await;
    let browser = Browser::phone().await;
    open_form(&server, &browser).await;
    fill(
        &browser,
        NAME,
        "",
        "Bài viết rất hay, mọi người xem thêm ở abc chấm com nhé, cảm ơn nhiều.",
    )
    .await;
    // Leaving the box shows what is wrong.
    browser
        .click("section.comments > form input[name=author_name]")
        .await;
    browser
        .wait_until(
            "the link is marked",
            "!!document.querySelector('.comment-backdrop mark')",
        )
        .await;
    assert_eq!(
        browser.texts(".comment-backdrop mark").await,
        vec!["abc chấm com".to_owned()]
    );
    assert_eq!(
        browser
            .eval("document.querySelector('.rule-checklist li[data-rule=no_links]').className")
            .await,
        "is-unmet"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_valid_comment_waits_for_approval_then_appears_after_a_reload() {
    let server = TestServer::start(ServerOptions::default()).await;
    let browser = Browser::phone().await;
    open_form(&server, &browser).await;
    fill(&browser, NAME, EMAIL, VALID).await;
    browser
        .wait_until(
            "the counter is met",
            "document.querySelector('.word-counter').classList.contains('is-met')",
        )
        .await;
    submit(&browser).await;
    browser
        .wait_for_text(".form-notice.is-ok", "Bình luận của bạn đang chờ duyệt.")
        .await;
    assert_eq!(
        browser.text(".comment.is-pending .comment-content").await,
        VALID
    );
    assert_eq!(
        browser
            .eval("document.querySelector('section.comments > form textarea').value")
            .await,
        ""
    );

    let pending = server.moderation_list(CommentStatus::Pending).await;
    assert_eq!(pending.len(), 1, "exactly one comment was posted");
    assert_eq!(pending[0].content, VALID);
    assert_eq!(pending[0].author_email.as_deref(), Some(EMAIL));

    // After a reload, the reader still sees it waiting (from their own state, not the public
    // page, which has no comment).
    browser.reload().await;
    browser
        .wait_until(
            "the reader's pending comment is shown again",
            "!!document.querySelector('.comment.is-pending .comment-content')",
        )
        .await;
    assert_eq!(
        browser.texts(".comment.is-pending .comment-content").await,
        vec![VALID.to_owned()]
    );
    assert_eq!(
        browser.texts(".comment-list .comment-content").await,
        Vec::<String>::new()
    );

    server.approve(pending[0].id).await;
    browser.reload().await;
    browser
        .wait_until(
            "the approved comment is listed",
            "!!document.querySelector('.comment-list .comment-content')",
        )
        .await;
    assert_eq!(
        browser.texts(".comment.is-pending").await,
        Vec::<String>::new(),
        "no longer waiting"
    );

    assert_eq!(
        browser.texts(".comment-list .comment-content").await,
        vec![VALID.to_owned()]
    );
    assert_eq!(
        browser.texts(".comment-list .comment-author").await,
        vec![NAME.to_owned()]
    );
    assert_eq!(
        browser.text(".comment-list .comment-time").await,
        "Vừa xong"
    );
    assert_eq!(
        browser
            .eval("document.body.innerText.includes('lan@example.vn')")
            .await,
        false
    );

    // A reply that waits shows under its comment, to its author only, across reloads too.
    let comment = ".comment-list > article.comment";
    browser
        .click(&format!("{comment} .comment-actions .reply-button"))
        .await;
    send_reply(&browser, comment).await;
    let pending_reply = format!("{comment} .comment.is-pending .comment-content");
    browser
        .wait_until(
            "the pending reply is shown under its comment",
            &format!("!!document.querySelector('{pending_reply}')"),
        )
        .await;
    browser.reload().await;
    browser
        .wait_until(
            "the pending reply is shown again",
            &format!("!!document.querySelector('{pending_reply}')"),
        )
        .await;
    assert_eq!(browser.texts(&pending_reply).await, vec![REPLY.to_owned()]);
    assert_eq!(
        browser.texts(".comment.is-pending").await.len(),
        1,
        "only under its comment"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reply_and_a_like_survive_a_reload() {
    let server = TestServer::start(ServerOptions {
        auto_publish: true,
        ..Default::default()
    })
    .await;
    let browser = Browser::desktop().await;
    open_form(&server, &browser).await;
    fill(&browser, NAME, "", VALID).await;
    submit(&browser).await;
    browser
        .wait_for_text(".form-notice.is-ok", "Bình luận của bạn đã được đăng.")
        .await;
    let comment = ".comment-list > article.comment";
    assert_eq!(
        browser.text(&format!("{comment} .comment-content")).await,
        VALID
    );

    browser.click(&format!("{comment} .like-button")).await;
    browser
        .wait_until(
            "the like is counted",
            "document.querySelector('.comment-list .like-count').textContent === '1'",
        )
        .await;

    browser
        .click(&format!("{comment} .comment-actions .reply-button"))
        .await;
    let reply_form = format!("{comment} form.comment-form");
    // The reply box already knows the reader's name.
    assert_eq!(
        browser
            .eval(&format!(
                "document.querySelector('{reply_form} input[name=author_name]').value"
            ))
            .await,
        NAME
    );
    send_reply(&browser, comment).await;
    browser
        .wait_until(
            "the reply is shown",
            "!!document.querySelector('.comment-replies .comment-content')",
        )
        .await;

    browser.reload().await;
    browser
        .wait_until(
            "the comment is listed",
            "!!document.querySelector('.comment-list .comment-replies .comment-content')",
        )
        .await;
    assert_eq!(
        browser.text(".comment-replies .comment-content").await,
        REPLY
    );
    assert_eq!(browser.text(&format!("{comment} .like-count")).await, "1");
    assert_eq!(
        browser
            .eval(
                "document.querySelector('.comment-list .like-button').getAttribute('aria-pressed')"
            )
            .await,
        "true"
    );
    // Unliking is counted too.
    browser.click(&format!("{comment} .like-button")).await;
    browser
        .wait_until(
            "the like is withdrawn",
            "document.querySelector('.comment-list .like-count').textContent === '0'",
        )
        .await;
    browser.reload().await;
    assert_eq!(
        browser
            .text(&format!("{comment} > .comment-actions .like-count"))
            .await,
        "0"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reload_in_the_middle_of_typing_keeps_the_draft() {
    let server = TestServer::start(ServerOptions::default()).await;
    let browser = Browser::phone().await;
    open_form(&server, &browser).await;
    fill(&browser, NAME, EMAIL, "Anh em ai lên Sa Pa tuần này").await;
    browser.reload().await;
    browser.find("section.comments > form textarea").await;
    let value = |field: &str| {
        format!("document.querySelector('section.comments > form [name={field}]').value")
    };
    assert_eq!(browser.eval(&value("author_name")).await, NAME);
    assert_eq!(browser.eval(&value("author_email")).await, EMAIL);
    assert_eq!(
        browser.eval(&value("content")).await,
        "Anh em ai lên Sa Pa tuần này"
    );
    assert_eq!(browser.text(".word-counter").await, "8/10 chữ");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stopped_server_keeps_the_text_and_a_retry_posts_exactly_one_comment() {
    let mut server = TestServer::start(ServerOptions::default()).await;
    let browser = Browser::phone().await;
    open_form(&server, &browser).await;
    fill(&browser, NAME, "", VALID).await;
    server.stop().await;
    submit(&browser).await;
    let alert = browser.non_empty_text(".form-notice.is-error").await;
    assert!(alert.contains("mất kết nối"), "alert: {alert}");
    assert!(alert.contains("giữ nguyên"), "alert: {alert}");
    assert_eq!(
        browser
            .eval("document.querySelector('section.comments > form textarea').value")
            .await,
        VALID
    );

    // Suppose the first attempt did reach the server and only its answer was lost: the server
    // holds a comment under the key the browser kept.
    let key = browser
        .eval("Object.keys(localStorage).filter(k => k.endsWith(':comment')).map(k => JSON.parse(localStorage[k]).pending.key)[0]")
        .await;
    let key = key
        .as_str()
        .expect("the draft keeps the retry key")
        .to_owned();
    server.restart().await;
    let sent = NewComment {
        author_name: NAME.to_owned(),
        author_email: None,
        content: VALID.to_owned(),
        parent_id: None,
    };
    assert_eq!(server.post(&sent, &key).await.status(), 201);

    // The reader retries, after a reload even: the same key goes, and no second comment is made.
    browser.reload().await;
    submit(&browser).await;
    browser
        .wait_for_text(".form-notice.is-ok", "Bình luận của bạn đang chờ duyệt.")
        .await;
    let pending = server.moderation_list(CommentStatus::Pending).await;
    assert_eq!(pending.len(), 1, "exactly one comment: {pending:?}");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn backspace_and_replace_edits_of_input_methods_are_read_and_never_written_back() {
    let server = TestServer::start(ServerOptions::default()).await;
    let browser = Browser::phone().await;
    open_form(&server, &browser).await;
    // The reader puts the caret in the box (WebDriver moves it to the end when it focuses).
    browser.click("section.comments > form textarea").await;
    // Spy on every write the page could make to the textarea's text or selection.
    browser
        .eval(
            "(() => {
                const box = document.querySelector('section.comments > form textarea');
                window.__writes = [];
                const proto = HTMLTextAreaElement.prototype;
                for (const name of ['value', 'selectionStart', 'selectionEnd', 'selectionDirection']) {
                    const d = Object.getOwnPropertyDescriptor(proto, name);
                    Object.defineProperty(box, name, {
                        get() { return d.get.call(this); },
                        set(v) { window.__writes.push(name); d.set.call(this, v); },
                    });
                }
                for (const name of ['setSelectionRange', 'setRangeText', 'select']) {
                    const f = proto[name];
                    box[name] = function (...a) { window.__writes.push(name); return f.apply(this, a); };
                }
                return true;
            })()",
        )
        .await;
    let textarea = browser.find("section.comments > form textarea").await;
    // Unikey/EVKey style: type the letters, then Backspaces, then the accented replacement.
    let backspaces = |n: usize| Key::Backspace.to_string().repeat(n);
    let steps = [
        "Bai".to_owned(),
        backspaces(2),
        "ài viet".to_owned(),
        backspaces(3),
        "iết rat".to_owned(),
        backspaces(2),
        "ất hay, cam".to_owned(),
        backspaces(2),
        "ảm ơn tác giả đã chia sẻ thông tin này".to_owned(),
    ];
    for step in steps {
        textarea.send_keys(&step).await.unwrap();
    }
    let expected = "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin này";
    assert_eq!(
        browser
            .eval("document.querySelector('section.comments > form textarea').value")
            .await,
        expected
    );
    browser
        .wait_until(
            "the counter follows",
            "document.querySelector('.word-counter').textContent === '14/10 chữ'",
        )
        .await;
    assert_eq!(
        browser.eval("window.__writes").await,
        serde_json::json!([]),
        "the page wrote to the textarea"
    );
    // Leaving the box shows no complaint: the edited text is what was judged.
    browser
        .click("section.comments > form input[name=author_name]")
        .await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(
        browser
            .texts("section.comments > form .rule-messages li")
            .await
            .is_empty()
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn comments_are_sorted_and_paged() {
    let server = TestServer::start(ServerOptions {
        auto_publish: true,
        ..Default::default()
    })
    .await;
    for n in 1..=23 {
        let comment = NewComment {
            author_name: format!("Bạn đọc {n}"),
            author_email: None,
            content: format!(
                "Bình luận số {n}: bài viết rất hay và bổ ích cho mọi người dân ở Sa Pa."
            ),
            parent_id: None,
        };
        assert_eq!(
            server.post(&comment, &format!("seed-{n}")).await.status(),
            201
        );
    }
    let browser = Browser::desktop().await;
    browser.goto(&server.url("/")).await;
    browser
        .wait_until(
            "the first page is shown",
            "document.querySelectorAll('.comment-list > article.comment').length === 20",
        )
        .await;
    assert_eq!(browser.text(".comment-count").await, "23 bình luận");
    assert_eq!(
        browser
            .text(".comment-list > article.comment .comment-author")
            .await,
        "Bạn đọc 23"
    );
    browser.click("button.load-more").await;
    browser
        .wait_until(
            "the next page is added",
            "document.querySelectorAll('.comment-list > article.comment').length === 23",
        )
        .await;
    assert!(
        browser.find_all("button.load-more").await.is_empty(),
        "no more pages"
    );

    // A like on an old comment puts it first in "Quan tâm nhất".
    let oldest = ".comment-list > article.comment:last-of-type";
    assert_eq!(
        browser.text(&format!("{oldest} .comment-author")).await,
        "Bạn đọc 1"
    );
    browser.click(&format!("{oldest} .like-button")).await;
    browser.wait_until("the like is saved", &format!("document.querySelector('{oldest} .like-count').textContent === '1' && !document.querySelector('{oldest} .like-error')")).await;
    server.wait_until_likes("Bạn đọc 1", 1).await;
    let sort_buttons = browser.find_all(".sort-button").await;
    assert_eq!(sort_buttons[1].text().await.unwrap(), "Quan tâm nhất");
    sort_buttons[1].click().await.unwrap();
    browser.wait_until("the most liked comes first", "document.querySelector('.comment-list > article.comment .comment-author')?.textContent === 'Bạn đọc 1'").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_comment_shows_its_first_replies_and_loads_the_rest_on_demand() {
    let server = TestServer::start(ServerOptions {
        auto_publish: true,
        ..Default::default()
    })
    .await;
    let post = |content: String, parent_id: Option<i64>, key: String| {
        let comment = NewComment {
            author_name: NAME.to_owned(),
            author_email: None,
            content,
            parent_id,
        };
        let server = &server;
        async move {
            let response = server.post(&comment, &key).await;
            assert_eq!(response.status(), 201);
            response.json::<serde_json::Value>().await.unwrap()["id"]
                .as_i64()
                .unwrap()
        }
    };
    let parent = post(VALID.to_owned(), None, "parent".to_owned()).await;
    for n in 1..=25 {
        let content = format!("Trả lời số {n}: tôi đồng ý với ý kiến của bạn về bài viết này.");
        post(content, Some(parent), format!("reply-{n}")).await;
    }
    let browser = Browser::phone().await;
    browser.goto(&server.url("/")).await;
    let replies = ".comment-replies > article.comment";
    browser
        .wait_until(
            "the comment and its first replies are shown",
            &format!("document.querySelectorAll('{replies}').length === 3"),
        )
        .await;
    assert_eq!(browser.text(".comment-count").await, "26 bình luận");
    assert_eq!(
        browser.text("button.more-replies").await,
        "Xem thêm 22 trả lời"
    );
    browser.click("button.more-replies").await;
    browser
        .wait_until(
            "a page of replies is added",
            &format!("document.querySelectorAll('{replies}').length === 23"),
        )
        .await;
    browser
        .wait_for_text("button.more-replies", "Xem thêm 2 trả lời")
        .await;
    browser.click("button.more-replies").await;
    browser
        .wait_until(
            "the last replies are added and the button is gone",
            &format!(
                "document.querySelectorAll('{replies}').length === 25 \
                 && !document.querySelector('button.more-replies')"
            ),
        )
        .await;
    let texts = browser.texts(&format!("{replies} .comment-content")).await;
    let expected: Vec<String> = (1..=25)
        .map(|n| format!("Trả lời số {n}: tôi đồng ý với ý kiến của bạn về bài viết này."))
        .collect();
    assert_eq!(texts, expected, "every reply once, oldest first");
    // The focus goes to the first reply the last click brought.
    browser
        .wait_until(
            "the focus is on reply 24",
            "document.activeElement?.querySelector(':scope > .comment-content')?.textContent.startsWith('Trả lời số 24:')",
        )
        .await;
    browser.assert_accessible().await;
    browser.close().await;
}
