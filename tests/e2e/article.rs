//! A reader opens the article.

use crate::support::{Browser, SEED_SLUG, ServerOptions, TestServer};

/// Checks what a reader sees of the seed article, whatever the window.
async fn sees_the_seed_article(browser: &Browser) {
    assert_eq!(
        browser.text("h1").await,
        "Lan tỏa việc học và làm theo Bác ở Đảng bộ thị xã Sa Pa"
    );
    assert_eq!(browser.text(".article-meta time").await, "15:40 17-05-2020");
    // The view counter starts at the seed's 2502 and counts this reading.
    browser
        .wait_until(
            "the view is counted",
            "document.querySelector('.article-views').textContent === '2503 lượt xem'",
        )
        .await;
    let lead = browser.text(".article-lead").await;
    assert!(
        lead.starts_with("Laocaitv.vn - Sau 4 năm thực hiện Chỉ thị 05-CT/TW"),
        "lead: {lead}"
    );
    assert!(
        lead.ends_with("tốt đẹp tới mọi tầng lớp Nhân dân."),
        "lead: {lead}"
    );
    assert_eq!(
        browser.text("figure figcaption").await,
        "Huyện ủy Sa Pa (nay là Thị ủy Sa Pa) tổ chức hội nghị quán triệt Chỉ thị 05 của Bộ Chính trị vào tháng 11/2016."
    );
    let quote = browser.text("blockquote").await;
    assert!(
        quote.starts_with("Đồng chí Sùng A Lềnh, Phó Bí thư Thường trực Thị ủy Sa Pa cho biết:"),
        "quote: {quote}"
    );
    assert_eq!(browser.text(".article-byline").await, "Lê Hưng - Hồng Hải");
    assert_eq!(browser.text("section.comments h2").await, "Bình luận");
    assert_eq!(
        browser.texts("section.comments .comment-rules li").await,
        vec![
            "Tối thiểu 10 chữ Tiếng việt có dấu".to_owned(),
            "Không chứa liên kết".to_owned()
        ]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reader_on_a_phone_reads_the_seed_article() {
    let server = TestServer::start(ServerOptions::default()).await;
    let browser = Browser::phone().await;
    browser.goto(&server.url("/")).await;
    sees_the_seed_article(&browser).await;
    assert_eq!(browser.eval("document.documentElement.lang").await, "vi");
    // Nothing is wider than the phone: no sideways scrolling.
    let too_wide = browser
        .eval(
            "[...document.querySelectorAll('body *')]
               .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
               .map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right)",
        )
        .await;
    assert_eq!(too_wide, serde_json::json!([]), "wider than the phone");
    let widths = browser.eval("[innerWidth, document.documentElement.clientWidth, document.documentElement.scrollWidth]").await;
    assert_eq!(
        widths,
        serde_json::json!([360, 360, 360]),
        "viewport, page and content widths"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reader_on_a_desktop_reads_the_article_at_its_own_address() {
    let server = TestServer::start(ServerOptions::default()).await;
    let browser = Browser::desktop().await;
    browser
        .goto(&server.url(&format!("/bai-viet/{SEED_SLUG}")))
        .await;
    sees_the_seed_article(&browser).await;
    assert_eq!(
        browser.eval("document.title").await,
        "Lan tỏa việc học và làm theo Bác ở Đảng bộ thị xã Sa Pa"
    );
    // The text column stays readable on a wide screen.
    assert_eq!(
        browser
            .eval("document.querySelector('main').getBoundingClientRect().width <= 800")
            .await,
        true
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unknown_article_gets_a_vietnamese_not_found_page() {
    let server = TestServer::start(ServerOptions::default()).await;
    let browser = Browser::phone().await;
    browser
        .goto(&server.url("/bai-viet/bai-khong-ton-tai"))
        .await;
    assert_eq!(browser.text("h1").await, "Không tìm thấy bài viết");
    let home = browser.find("main a[href='/']").await;
    assert_eq!(home.text().await.unwrap(), "Về trang chủ");
    browser.goto(&server.url("/trang/khac")).await;
    assert_eq!(browser.text("h1").await, "Không tìm thấy bài viết");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_page_has_landmarks_headings_and_no_accessibility_violations() {
    let server = TestServer::start(ServerOptions::default()).await;
    let browser = Browser::phone().await;
    browser.goto(&server.url("/")).await;
    browser.find(".article-byline").await;
    browser.find(".comment-form").await;
    assert_eq!(browser.find_all("h1").await.len(), 1);
    assert_eq!(browser.find_all("main").await.len(), 1);
    assert_eq!(browser.find_all("header.site-header").await.len(), 1);
    let headings = browser
        .eval("[...document.querySelectorAll('h1,h2,h3,h4')].map(h => h.tagName).join(' ')")
        .await;
    assert!(
        headings.as_str().unwrap().starts_with("H1 H2"),
        "heading order: {headings}"
    );
    browser.assert_accessible().await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_reader_can_switch_to_english_and_back() {
    let server = TestServer::start(ServerOptions::default()).await;
    let browser = Browser::phone().await;
    browser.goto(&server.url("/?lang=en")).await;
    assert_eq!(browser.text("section.comments h2").await, "Comments");
    assert_eq!(browser.eval("document.documentElement.lang").await, "en");
    browser.click(".lang-switch").await;
    assert_eq!(browser.text("section.comments h2").await, "Bình luận");
    assert_eq!(browser.eval("document.documentElement.lang").await, "vi");
    assert_eq!(browser.eval("location.search").await, "?lang=vi");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reader_who_prefers_dark_gets_a_dark_page_that_stays_accessible() {
    let server = TestServer::start(ServerOptions::default()).await;
    let browser = Browser::dark_phone().await;
    browser.goto(&server.url("/")).await;
    sees_the_seed_article(&browser).await;
    assert_eq!(
        browser
            .eval("matchMedia('(prefers-color-scheme: dark)').matches")
            .await,
        true
    );
    assert_eq!(
        browser
            .eval("getComputedStyle(document.querySelector('.bl-root')).backgroundColor")
            .await,
        "rgb(18, 18, 20)"
    );
    assert_eq!(
        browser
            .eval("getComputedStyle(document.querySelector('h1')).color")
            .await,
        "rgb(236, 236, 239)"
    );
    browser.find(".comment-form").await;
    browser.assert_accessible().await;
    browser.close().await;
}
