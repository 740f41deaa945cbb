//! The server-rendered article page: the article and its first comments in the first
//! response, readable without JavaScript; the comment widget wakes as it comes near.

use binhluan_api::{Comment, NewComment};
use serde_json::Value;

use crate::support::{Browser, SEED_SLUG, ServerOptions, TestServer, eventually};

/// A comment a moderator approves before the page is read.
const APPROVED: &str =
    "Bài viết rất hay, cảm ơn tòa soạn đã đưa tin về phong trào học tập ở Sa Pa.";

/// Posts `content` on the seed article and approves it.
async fn approved_comment(server: &TestServer, content: &str) -> Comment {
    let comment = NewComment {
        author_name: "Hoàng Lan".to_owned(),
        author_email: None,
        content: content.to_owned(),
        parent_id: None,
    };
    let posted: Comment = server
        .post(&comment, "page-approved-1")
        .await
        .json()
        .await
        .expect("the posted comment");
    server.approve(posted.id).await;
    posted
}

async fn get(server: &TestServer, path: &str) -> reqwest::Response {
    reqwest::get(server.url(path))
        .await
        .expect("the server answers")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_article_and_its_approved_comments_are_in_the_first_response() {
    let server = TestServer::start(ServerOptions::default()).await;
    approved_comment(&server, APPROVED).await;
    let waiting = NewComment {
        author_name: "Người chờ".to_owned(),
        author_email: None,
        content: "Bình luận này còn đang chờ kiểm duyệt nên chưa được hiện ra ở đâu cả.".to_owned(),
        parent_id: None,
    };
    assert_eq!(server.post(&waiting, "page-waiting-1").await.status(), 201);

    let response = get(&server, &format!("/bai-viet/{SEED_SLUG}")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/html; charset=utf-8"
    );
    let etag = response.headers()["etag"].clone();
    // The same page for every reader: shared caches may keep it as long as the thread's pages.
    assert_eq!(
        response.headers()["cache-control"],
        "public, max-age=5, stale-while-revalidate=5"
    );
    let html = response.text().await.unwrap();
    for expected in [
        "<h1 id=\"article-title\" class=\"article-title\">Lan tỏa việc học và làm theo Bác ở Đảng bộ thị xã Sa Pa</h1>",
        "<span class=\"article-source\">Laocaitv.vn",
        "Sau 4 năm thực hiện Chỉ thị 05-CT/TW",
        "<p class=\"article-byline\">Lê Hưng - Hồng Hải</p>",
        "Huyện ủy Sa Pa (nay là Thị ủy Sa Pa) tổ chức hội nghị quán triệt Chỉ thị 05",
        "Đồng chí Sùng A Lềnh, Phó Bí thư Thường trực Thị ủy Sa Pa cho biết:",
        "<title>Lan tỏa việc học và làm theo Bác ở Đảng bộ thị xã Sa Pa</title>",
        "<meta name=\"description\" content=\"Sau 4 năm",
        "<link rel=\"canonical\" href=\"",
        "<meta property=\"og:title\"",
        "\"@type\":\"NewsArticle\"",
        "itemtype=\"https://schema.org/Comment\"",
        APPROVED,
        "Hoàng Lan",
        "1 bình luận",
        "Tối thiểu 10 chữ Tiếng việt có dấu",
    ] {
        assert!(html.contains(expected), "{expected:?} is not in the page");
    }
    let paragraph = html.matches("<p class=\"article-paragraph\">").count();
    assert!(paragraph >= 3, "{paragraph} paragraphs");
    assert!(
        !html.contains("còn đang chờ kiểm duyệt"),
        "a comment waiting for a moderator is not shown"
    );

    // The same page again is a 304 for a browser or cache that kept it.
    let again = reqwest::Client::new()
        .get(server.url(&format!("/bai-viet/{SEED_SLUG}")))
        .header("if-none-match", etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);

    // In English on asking.
    let english = get(&server, &format!("/bai-viet/{SEED_SLUG}?lang=en")).await;
    let english = english.text().await.unwrap();
    assert!(english.contains("<html lang=\"en\">"));
    assert!(english.contains(">Comments</h2>"), "the English heading");

    // An unknown article, or an address that is no slug, is a real 404 page.
    for path in ["/bai-viet/bai-khong-ton-tai", "/bai-viet/a/b"] {
        let missing = get(&server, path).await;
        assert_eq!(missing.status(), 404, "{path}");
        assert_eq!(missing.headers()["cache-control"], "no-cache", "{path}");
        let missing = missing.text().await.unwrap();
        assert!(missing.contains("Không tìm thấy bài viết"), "{path}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn without_javascript_the_article_and_comments_read_and_writing_says_why_not() {
    let server = TestServer::start(ServerOptions::default()).await;
    approved_comment(&server, APPROVED).await;
    let before = views(&server).await;
    let browser = Browser::phone_without_scripts().await;
    browser
        .goto(&server.url(&format!("/bai-viet/{SEED_SLUG}")))
        .await;
    assert_eq!(
        browser.text("h1").await,
        "Lan tỏa việc học và làm theo Bác ở Đảng bộ thị xã Sa Pa"
    );
    assert_eq!(browser.text(".article-byline").await, "Lê Hưng - Hồng Hải");
    assert_eq!(browser.text(".comment-content").await, APPROVED);
    assert_eq!(
        browser.text(".comments-need-javascript").await,
        "Bạn cần bật JavaScript để viết bình luận và thích bình luận."
    );
    assert_eq!(
        browser
            .eval("document.querySelector('form[data-dormant]').checkVisibility()")
            .await,
        false,
        "no form that cannot send"
    );
    // The reading is counted once, by the picture scripts never load.
    wait_for_views(&server, before + 1).await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reader_scrolls_to_the_comments_writes_and_posts() {
    let server = TestServer::start(ServerOptions::default()).await;
    approved_comment(&server, APPROVED).await;
    let before = views(&server).await;
    let browser = Browser::phone().await;
    browser
        .goto(&server.url(&format!("/bai-viet/{SEED_SLUG}")))
        .await;
    assert_eq!(browser.text(".comment-content").await, APPROVED);
    // Far from the comments, the wasm is not fetched.
    assert!(!wasm_requested(&browser).await, "the wasm waits");
    // The reading is counted once, and the page shows the new count.
    browser
        .wait_until(
            "the view is counted",
            &format!(
                "document.querySelector('.article-views').textContent === '{} lượt xem'",
                before + 1
            ),
        )
        .await;

    browser
        .eval("document.querySelector('[data-binhluan]').scrollIntoView()")
        .await;
    browser.wait_for_widget().await;
    assert!(wasm_requested(&browser).await, "the wasm is loaded");
    // The widget shows what the page showed.
    assert_eq!(
        browser.text("[data-binhluan] .comment-content").await,
        APPROVED
    );
    assert_eq!(
        browser
            .find_all("[data-binhluan] section.comments")
            .await
            .len(),
        1
    );

    let text = "Tôi rất mong thị xã tiếp tục lan tỏa những tấm gương tốt như thế này.";
    browser
        .type_into("[data-binhluan] input[name=author_name]", "Vũ Hà")
        .await;
    browser
        .type_into("[data-binhluan] textarea[name=content]", text)
        .await;
    browser.click("[data-binhluan] button[type=submit]").await;
    browser
        .wait_for_text(
            "[data-binhluan] .form-notice.is-ok",
            "Bình luận của bạn đang chờ duyệt.",
        )
        .await;
    let pending = server
        .moderation_list(binhluan_api::CommentStatus::Pending)
        .await;
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].content, text);

    // Approved, it is in the next page the server renders.
    server.approve(pending[0].id).await;
    let html = get(&server, &format!("/bai-viet/{SEED_SLUG}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(text));
    assert_eq!(views(&server).await, before + 1, "rendering counts nothing");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn what_the_reader_types_before_the_widget_wakes_is_kept_with_the_focus() {
    let server = TestServer::start(ServerOptions::default()).await;
    let browser = Browser::phone().await;
    browser
        .goto(&server.url(&format!("/bai-viet/{SEED_SLUG}")))
        .await;
    assert!(!wasm_requested(&browser).await, "the wasm waits");
    // On a slow phone network (slow 4G), the widget takes a while to come.
    browser.emulate_slow_4g().await;
    // The reader jumps to the box (as a link or the keyboard would) and types at once.
    let text = "Những tấm gương bình dị ở bản làng Sa Pa thật đáng để chúng ta học tập.";
    browser
        .eval("document.querySelector('#bl-page-content').focus({ preventScroll: true })")
        .await;
    browser.type_keys(text).await;
    assert_eq!(
        browser
            .eval("performance.getEntriesByName('binhluan:visible').length")
            .await,
        1,
        "focusing the box woke the widget"
    );
    assert_eq!(
        browser
            .eval("document.querySelector('#bl-page-content')?.value ?? null")
            .await,
        Value::from(text),
        "typed while the widget was still on its way"
    );
    browser.wait_for_widget().await;
    let typed = browser
        .eval(
            "(t => [t.value, t === document.activeElement])\
             (document.querySelector('[data-binhluan] textarea[name=content]'))",
        )
        .await;
    assert_eq!(typed, serde_json::json!([text, true]));
    // The widget checks it as the reader goes on.
    browser.type_keys(" Cảm ơn!").await;
    assert_eq!(
        browser
            .eval("document.querySelector('[data-binhluan] textarea[name=content]').value")
            .await,
        Value::from(format!("{text} Cảm ơn!"))
    );
    browser.close().await;
}

/// Whether the page has asked for the app's wasm.
async fn wasm_requested(browser: &Browser) -> bool {
    browser
        .eval("performance.getEntriesByType('resource').some(e => e.name.endsWith('.wasm'))")
        .await
        .as_bool()
        .expect("a boolean")
}

/// The seed article's view count, as the API says.
async fn views(server: &TestServer) -> u64 {
    let article: binhluan_api::Article = server.article(SEED_SLUG).await.json().await.unwrap();
    article.views
}

/// Waits until the seed article has been viewed `expected` times.
async fn wait_for_views(server: &TestServer, expected: u64) {
    eventually(&format!("{expected} views"), || async {
        match views(server).await {
            seen if seen == expected => Ok(()),
            seen => Err(seen),
        }
    })
    .await;
}
