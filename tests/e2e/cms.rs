//! The newsroom's CMS registers an article, renames it and closes its comments; readers see it.

use binhluan_api::{ArticleInput, Block, CommentStatus, Commenting, NewComment};

use crate::support::{Browser, ServerOptions, TestServer};

const SLUG: &str = "toa-soan-dang-bai-moi";
const FIRST_TITLE: &str = "Sa Pa đón những đoàn khách đầu tiên của mùa hoa";
const SECOND_TITLE: &str = "Sa Pa đón hơn 10.000 khách trong tuần đầu mùa hoa";
const FORM: &str = "section.comments > form.comment-form";
const CLOSED: &str = "Bình luận đã đóng.";

/// What the CMS says of the article, with `title` and `comments`.
fn article(title: &str, comments: Commenting) -> ArticleInput {
    ArticleInput {
        title: title.to_owned(),
        url: Some(format!("https://toasoan.example.vn/du-lich/{SLUG}.html")),
        published_at: Some("2026-12-03T08:00:00+07:00".to_owned()),
        lead: Some("Mùa hoa năm nay đến sớm, du khách kéo về thị xã từ đầu tuần.".to_owned()),
        body: Some(vec![Block::Paragraph {
            text: "Các khách sạn ở trung tâm thị xã đã kín phòng đến cuối tuần.".to_owned(),
        }]),
        byline: Some("Hồng Hải".to_owned()),
        source: None,
        comments,
        hidden: false,
    }
}

/// Whether the page's draft store holds `text` (in a draft of this article).
fn draft_holds(text: &str) -> String {
    format!(
        "Object.keys(localStorage).some(k => k.startsWith('binhluan:draft:') && k.includes(':{SLUG}:') \
           && localStorage.getItem(k).includes({}))",
        serde_json::Value::from(text)
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn the_cms_registers_renames_and_closes_an_article_and_readers_follow() {
    let server = TestServer::start(ServerOptions {
        auto_publish: true,
        ..Default::default()
    })
    .await;
    let created = server
        .put_article(SLUG, &article(FIRST_TITLE, Commenting::Open))
        .await;
    assert_eq!(created.status(), 201);
    let earlier = NewComment {
        author_name: "Trần Minh".to_owned(),
        author_email: None,
        content: "Năm nay hoa nở sớm quá, cuối tuần này gia đình tôi sẽ lên Sa Pa ngắm hoa."
            .to_owned(),
        parent_id: None,
    };
    assert_eq!(server.post_to(SLUG, &earlier, "cms-1").await.status(), 201);
    let listed = format!(
        "document.querySelector('.comment-content')?.textContent === {}",
        serde_json::Value::from(earlier.content.as_str())
    );

    // A reader opens the article and starts a comment while the thread is open.
    let browser = Browser::desktop().await;
    browser
        .goto(&server.url(&format!("/bai-viet/{SLUG}")))
        .await;
    browser.wait_for_text("h1", FIRST_TITLE).await;
    browser
        .wait_until("the earlier comment is listed", &listed)
        .await;
    let text = "Mong tòa soạn có thêm bài hướng dẫn đường lên Sa Pa cho khách đi xe máy.";
    browser.wait_for_widget().await;
    browser
        .type_into(&format!("{FORM} input[name=author_name]"), "Lê Hoa")
        .await;
    browser.type_into(&format!("{FORM} textarea"), text).await;

    // Meanwhile the newsroom renames the article and closes its comments.
    let updated = server
        .put_article(SLUG, &article(SECOND_TITLE, Commenting::Closed))
        .await;
    assert_eq!(updated.status(), 200);

    // The reader sends: the server refuses, and the text stays in the box.
    browser.click(&format!("{FORM} button[type=submit]")).await;
    browser
        .wait_for_text(&format!("{FORM} .form-notice.is-error"), CLOSED)
        .await;
    assert_eq!(
        browser
            .eval(&format!("document.querySelector('{FORM} textarea').value"))
            .await,
        text
    );
    assert_eq!(
        browser
            .eval(&format!(
                "document.querySelector('{FORM} button[type=submit]').checkVisibility()"
            ))
            .await,
        false,
        "nothing left to send"
    );
    assert_eq!(
        server.moderation_list(CommentStatus::Published).await.len(),
        1
    );
    assert!(
        server
            .moderation_list(CommentStatus::Pending)
            .await
            .is_empty()
    );

    // Reloaded: the new title, the notice instead of the form, the comments still there, and
    // the reader's draft kept.
    browser.reload().await;
    browser.wait_for_text("h1", SECOND_TITLE).await;
    browser
        .wait_until(
            "the notice shows",
            &format!(
                "(n => n?.checkVisibility() && n.textContent === '{CLOSED}')\
                 (document.querySelector('section.comments .comments-closed'))"
            ),
        )
        .await;
    browser
        .wait_until("the earlier comment is still listed", &listed)
        .await;
    assert_eq!(
        browser
            .eval(&format!(
                "[...document.querySelectorAll('{FORM}, section.comments .comment-rules')].some(e => e.checkVisibility())"
            ))
            .await,
        false,
        "no form, no rules"
    );
    assert_eq!(browser.eval("document.title").await, SECOND_TITLE);
    assert_eq!(browser.eval(&draft_holds(text)).await, true);

    // Reopened, the form is back with the draft.
    let reopened = server
        .put_article(SLUG, &article(SECOND_TITLE, Commenting::Open))
        .await;
    assert_eq!(reopened.status(), 200);
    browser.reload().await;
    browser
        .wait_until(
            "the form is back with the draft",
            &format!(
                "(t => t?.checkVisibility() && t.value === {})(document.querySelector('{FORM} textarea'))",
                serde_json::Value::from(text)
            ),
        )
        .await;
    assert_eq!(
        browser
            .eval("document.querySelector('section.comments .comments-closed').checkVisibility()")
            .await,
        false
    );
    browser.close().await;
}
