//! Component tests of the comment section against a scripted API, in headless Chromium
//! (wasm-bindgen-test): `window.fetch` is replaced for each test by a mock that answers from
//! the replies the test queued, holds answers until the test releases them, and records every
//! request (`browser_support::fetch_mock`). The real `fetch` is back after each test.
//!
//! What the server's answers do to the form (refusals, failures and retries, published and
//! pending comments), to likes, to the list's pages and sort, and to the rules shown.

#![cfg(target_arch = "wasm32")]

mod browser_support;

use binhluan::i18n::Lang;
use binhluan_api::{ApiError, Comment, CommentPage, CommentStatus, IDEMPOTENCY_KEY_HEADER};
use binhluan_api::{NewComment, Policy, READER_ID_HEADER};
use binhluan_rules::{LinkPolicy, Rule, Span, Violation};
use browser_support::fetch_mock::{
    FetchMock, ISSUED_READER, MockRequest, NoRandomUuid, POLICY_PATH, Reply, api_error, comment,
    comments_path, is_uuid_v4, like, like_path, next_page_path, page, page_path, policy_banning,
    replies_path,
};
use browser_support::{
    AppStyles, Section, checklist, clear_drafts, drafts, find_in, focus_and_leave, is_focused,
    is_shown, native_value, settle, sleep, text_draft, type_value, wait_until,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// 16 words, every rule of the seed policy met.
const GOOD: &str = "Bài viết rất hay, cảm ơn tác giả đã chia sẻ những thông tin bổ ích.";
/// 4 words.
const SHORT: &str = "Bài viết rất hay.";
const NAME: &str = "Phạm Minh Đức";
/// The end of every failure notice.
const KEPT: &str = "Nội dung bạn viết vẫn được giữ nguyên; hãy thử lại.";
const PUBLISHED: &str = "Bình luận của bạn đã được đăng.";
const PENDING: &str = "Bình luận của bạn đang chờ duyệt.";
const LOAD_FAILED: &str = "Không tải được bình luận.";
const CLOSED: &str = "Bình luận đã đóng.";

// ---------------------------------------------------------------------------------------------
// Helpers.

/// A Vietnamese section of `slug`, with no drafts, once its list shows `first` (the answer to
/// its first `GET`). The policy is the seed's unless the test scripted `GET /api/policy`.
async fn section_with(mock: &FetchMock, slug: &str, first: CommentPage) -> Section {
    clear_drafts(slug);
    let ids: Vec<i64> = first.comments.iter().map(|c| c.id).collect();
    mock.reply("GET", &page_path(slug, "newest"), Reply::json(200, &first));
    let section = Section::mount_vi(slug).await;
    wait_until("the first page", 5000, || {
        section
            .find(".comment-list")
            .get_attribute("aria-busy")
            .as_deref()
            == Some("false")
            && section.comment_ids() == ids
    })
    .await;
    section
}

/// Fills the top form with a name and `content`.
async fn write(section: &Section, content: &str) {
    type_value(&section.name_input(), NAME);
    type_value(&section.textarea(), content);
    settle().await;
}

/// Waits until the top form's post has its answer shown.
async fn wait_for_answer(section: &Section) {
    wait_until("the post's answer", 5000, || {
        let said = !section.ok_text().is_empty() || !section.error_text().is_empty();
        !section.is_sending() && said
    })
    .await;
}

/// The comment the server made of the form's post.
fn created(id: i64, status: CommentStatus, content: &str) -> Comment {
    Comment {
        author_name: NAME.to_owned(),
        status,
        ..comment(id, content)
    }
}

/// What the top form posts with [`write`].
fn new_comment(content: &str, parent_id: Option<i64>) -> NewComment {
    NewComment {
        author_name: NAME.to_owned(),
        author_email: None,
        content: content.to_owned(),
        parent_id,
    }
}

fn key_of(request: &MockRequest) -> String {
    request
        .header(IDEMPOTENCY_KEY_HEADER)
        .unwrap_or_else(|| panic!("no {IDEMPOTENCY_KEY_HEADER} on {request:?}"))
        .to_owned()
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

// ---------------------------------------------------------------------------------------------
// Posting.

#[wasm_bindgen_test]
async fn a_422_shows_the_servers_violations_until_the_text_changes() {
    const SLUG: &str = "may-chu-tu-choi-422";
    const SAID: &str = "Bình luận không được chứa liên kết; hãy bỏ “tác giả”.";
    let mock = FetchMock::install();
    let section = section_with(&mock, SLUG, page(&[], None, 0)).await;
    let quoted = "tác giả";
    let start = GOOD[..GOOD.find(quoted).unwrap()].chars().count();
    let refusal = ApiError {
        error: "rule_violation".to_owned(),
        message: "Bình luận chưa đạt quy định.".to_owned(),
        message_en: "The comment breaks the rules.".to_owned(),
        violations: vec![Violation {
            rule: Rule::NoLinks,
            message: SAID.to_owned(),
            message_en: "Comments may not contain links.".to_owned(),
            spans: vec![Span(start, start + quoted.chars().count())],
        }],
        field: None,
        retry_after: None,
        until: None,
    };
    mock.reply("POST", &comments_path(SLUG), Reply::json(422, &refusal));
    write(&section, GOOD).await;
    let textarea = section.textarea();
    assert_eq!(
        section.checklist(),
        checklist("is-met", "is-met", "is-met", "is-met"),
        "the live verdict finds nothing"
    );

    section.submit_button().click();
    wait_for_answer(&section).await;
    assert_eq!(
        section.error_text(),
        format!("Máy chủ chưa nhận bình luận vì lý do dưới đây. {KEPT}")
    );
    assert_eq!(section.ok_text(), "");
    assert_eq!(
        section.messages(),
        vec![SAID],
        "the server's violations where the live ones were"
    );
    assert_eq!(section.marks(), vec![quoted], "and what they point at");
    assert_eq!(
        section.checklist(),
        checklist("is-met", "is-met", "is-unmet", "is-met")
    );
    assert_eq!(
        textarea.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(native_value(&textarea), GOOD, "the text stays");

    // Once the text changes, the live verdict is back.
    type_value(&textarea, &format!("{GOOD} Mong có thêm bài như vậy."));
    settle().await;
    assert_eq!(section.messages(), Vec::<String>::new());
    assert_eq!(section.marks(), Vec::<String>::new());
    assert_eq!(
        section.checklist(),
        checklist("is-met", "is-met", "is-met", "is-met")
    );
    assert_eq!(
        textarea.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn failures_keep_the_text_and_every_retry_sends_the_same_key() {
    const SLUG: &str = "may-chu-loi-gui-lai";
    let mock = FetchMock::install();
    let section = section_with(&mock, SLUG, page(&[1], None, 1)).await;
    let path = comments_path(SLUG);
    let failures = [
        (
            "429",
            Reply::json(429, &api_error("rate_limited", Some(30))),
            format!("Bạn gửi bình luận quá nhanh. Vui lòng thử lại sau 30 giây. {KEPT}"),
        ),
        (
            "413",
            Reply::text(
                413,
                "<html><body>413 Request Entity Too Large</body></html>",
            ),
            format!("Bình luận quá lớn để gửi. Vui lòng rút gọn. {KEPT}"),
        ),
        (
            "500",
            Reply::text(500, "Internal Server Error"),
            format!("Máy chủ đang gặp sự cố nên chưa gửi được. {KEPT}"),
        ),
        (
            "a network failure",
            Reply::network_failure(),
            format!("Không gửi được vì mất kết nối mạng. {KEPT}"),
        ),
    ];
    for (_, reply, _) in &failures {
        mock.reply("POST", &path, reply.clone());
    }
    let published = created(50, CommentStatus::Published, GOOD);
    mock.reply("POST", &path, Reply::json(201, &published));
    write(&section, GOOD).await;
    let textarea = section.textarea();

    for (attempt, (what, _, message)) in failures.iter().enumerate() {
        section.submit_button().click();
        mock.wait_for(attempt + 1, "POST", &path).await;
        wait_for_answer(&section).await;
        assert_eq!(&section.error_text(), message, "after {what}");
        assert_eq!(section.ok_text(), "", "after {what}");
        assert_eq!(native_value(&textarea), GOOD, "the text stays after {what}");
        assert!(
            is_focused(&textarea),
            "the reader is back in the box after {what}"
        );
        let posts = mock.requests_to("POST", &path);
        let first = key_of(&posts[0]);
        assert_eq!(
            key_of(&posts[attempt]),
            first,
            "the key of the retry after {what}"
        );
        let draft = text_draft(SLUG).expect("a draft");
        assert_eq!(draft["content"], GOOD, "the draft after {what}");
        assert_eq!(draft["pending"]["key"].as_str(), Some(first.as_str()));
    }

    section.submit_button().click();
    mock.wait_for(5, "POST", &path).await;
    wait_for_answer(&section).await;
    assert_eq!(section.ok_text(), PUBLISHED);
    assert_eq!(section.error_text(), "", "the failure notice is gone");
    let posts = mock.requests_to("POST", &path);
    assert_eq!(posts.len(), 5);
    let first = key_of(&posts[0]);
    for post in &posts {
        assert_eq!(key_of(post), first, "one key for one comment");
        let sent: NewComment = serde_json::from_value(post.json()).unwrap();
        assert_eq!(sent, new_comment(GOOD, None));
    }
    assert!(text_draft(SLUG).is_none(), "the accepted text is forgotten");
}

#[wasm_bindgen_test]
async fn after_a_409_the_next_attempt_uses_a_new_key() {
    const SLUG: &str = "may-chu-xung-dot-409";
    let mock = FetchMock::install();
    let section = section_with(&mock, SLUG, page(&[], None, 0)).await;
    let path = comments_path(SLUG);
    mock.reply(
        "POST",
        &path,
        Reply::json(409, &api_error("idempotency_conflict", None)),
    );
    mock.reply(
        "POST",
        &path,
        Reply::json(201, &created(51, CommentStatus::Pending, GOOD)),
    );
    write(&section, GOOD).await;

    section.submit_button().click();
    wait_for_answer(&section).await;
    assert_eq!(
        section.error_text(),
        format!("Bình luận đã thay đổi trong lúc gửi. Vui lòng gửi lại. {KEPT}")
    );
    assert_eq!(native_value(&section.textarea()), GOOD);
    let draft = text_draft(SLUG).expect("a draft");
    assert_eq!(draft["content"], GOOD);
    assert_eq!(
        draft["pending"],
        serde_json::Value::Null,
        "the refused key is forgotten"
    );

    section.submit_button().click();
    mock.wait_for(2, "POST", &path).await;
    wait_for_answer(&section).await;
    let posts = mock.requests_to("POST", &path);
    assert_ne!(
        key_of(&posts[1]),
        key_of(&posts[0]),
        "a new key after a 409"
    );
    assert_eq!(section.ok_text(), PENDING);
}

#[wasm_bindgen_test]
async fn while_a_post_is_on_the_way_the_button_keeps_the_focus_and_ignores_clicks() {
    const SLUG: &str = "may-chu-dang-gui";
    let mock = FetchMock::install();
    let section = section_with(&mock, SLUG, page(&[], None, 0)).await;
    let path = comments_path(SLUG);
    mock.reply("POST", &path, Reply::text(500, "").held());
    write(&section, GOOD).await;
    let button = section.submit_button();
    let textarea = section.textarea();
    button.focus().unwrap();

    button.click();
    mock.wait_for(1, "POST", &path).await;
    settle().await;
    assert!(section.is_sending(), "aria-disabled while sending");
    assert_eq!(button.text_content().as_deref(), Some("Đang gửi…"));
    assert!(is_focused(&button), "the button keeps the focus");
    assert!(textarea.has_attribute("readonly"));
    button.click();
    button.click();
    sleep(100).await;
    assert_eq!(
        mock.requests_to("POST", &path).len(),
        1,
        "clicks while sending post nothing"
    );

    mock.release("POST", &path);
    wait_for_answer(&section).await;
    assert_eq!(
        section.error_text(),
        format!("Máy chủ đang gặp sự cố nên chưa gửi được. {KEPT}")
    );
    assert_eq!(button.text_content().as_deref(), Some("Gửi bình luận"));
    assert!(!textarea.has_attribute("readonly"));
    assert!(is_focused(&textarea));
}

#[wasm_bindgen_test]
async fn a_published_comment_goes_to_the_top_and_the_count_goes_up() {
    const SLUG: &str = "may-chu-dang-ngay";
    let mock = FetchMock::install();
    let section = section_with(&mock, SLUG, page(&[1, 2], None, 2)).await;
    assert_eq!(section.count(), "2 bình luận");
    mock.reply(
        "POST",
        &comments_path(SLUG),
        Reply::json(201, &created(50, CommentStatus::Published, GOOD)),
    );
    write(&section, GOOD).await;

    section.submit_button().click();
    wait_for_answer(&section).await;
    assert_eq!(section.ok_text(), PUBLISHED);
    assert_eq!(section.error_text(), "");
    assert_eq!(section.comment_ids(), vec![50, 1, 2]);
    assert_eq!(section.count(), "3 bình luận");
    let shown = section.comment(50);
    assert_eq!(
        find_in(&shown, ".comment-author").text_content().as_deref(),
        Some(NAME)
    );
    assert_eq!(
        find_in(&shown, ".comment-content")
            .text_content()
            .as_deref(),
        Some(GOOD)
    );
    assert_eq!(section.find_all(".comment.is-pending").len(), 0);
    assert_eq!(native_value(&section.textarea()), "", "the box is emptied");
    assert_eq!(section.counter(), "0/10 chữ");
    assert!(text_draft(SLUG).is_none());
}

#[wasm_bindgen_test]
async fn a_pending_comment_shows_the_notice_and_its_pending_card() {
    const SLUG: &str = "may-chu-cho-duyet";
    let mock = FetchMock::install();
    let section = section_with(&mock, SLUG, page(&[1, 2], None, 2)).await;
    mock.reply(
        "POST",
        &comments_path(SLUG),
        Reply::json(201, &created(52, CommentStatus::Pending, GOOD)),
    );
    write(&section, GOOD).await;

    section.submit_button().click();
    wait_for_answer(&section).await;
    assert_eq!(section.ok_text(), PENDING);
    assert_eq!(section.error_text(), "");
    let cards = section.find_all(".comment.is-pending");
    assert_eq!(cards.len(), 1, "one pending card");
    assert_eq!(
        find_in(&cards[0], ".comment-author")
            .text_content()
            .as_deref(),
        Some(NAME)
    );
    assert_eq!(
        find_in(&cards[0], ".badge").text_content().as_deref(),
        Some("Đang chờ duyệt")
    );
    assert_eq!(
        find_in(&cards[0], ".comment-content")
            .text_content()
            .as_deref(),
        Some(GOOD)
    );
    assert_eq!(
        section.comment_ids(),
        vec![1, 2],
        "not in the published list"
    );
    assert_eq!(section.count(), "2 bình luận");
    assert_eq!(native_value(&section.textarea()), "");
    assert!(text_draft(SLUG).is_none());
}

// ---------------------------------------------------------------------------------------------
// Likes.

#[wasm_bindgen_test]
async fn a_like_counts_at_once_and_a_failure_rolls_back_to_what_the_server_confirmed() {
    const SLUG: &str = "thich-hoan-tac";
    let mock = FetchMock::install();
    let mut first = page(&[1], None, 1);
    first.comments[0].likes = 3;
    let section = section_with(&mock, SLUG, first).await;
    let path = like_path(1);
    mock.reply("POST", &path, Reply::json(200, &like(4, true)).held());
    mock.reply("DELETE", &path, Reply::text(500, "").held());
    mock.reply("DELETE", &path, Reply::json(200, &like(3, false)));
    assert_eq!(section.like_state(1), (false, "3".to_owned()));

    section.like_button(1).click();
    settle().await;
    assert_eq!(
        section.like_state(1),
        (true, "4".to_owned()),
        "counted before the server answers"
    );
    mock.release("POST", &path);
    settle().await;
    assert_eq!(section.like_state(1), (true, "4".to_owned()));
    assert_eq!(section.like_error(1), None);

    // Unliking fails: back to the like the server confirmed, not to the page's first state.
    section.like_button(1).click();
    settle().await;
    assert_eq!(section.like_state(1), (false, "3".to_owned()));
    mock.release("DELETE", &path);
    wait_until("the like's error", 5000, || section.like_error(1).is_some()).await;
    assert_eq!(section.like_state(1), (true, "4".to_owned()));
    assert_eq!(
        section.like_error(1).as_deref(),
        Some("Chưa lưu được lượt thích. Vui lòng thử lại.")
    );
    let error = section
        .find("article.comment[data-comment-id=\"1\"] .like-error")
        .get_attribute("role");
    assert_eq!(error.as_deref(), Some("alert"));

    // The next click clears the error.
    section.like_button(1).click();
    mock.wait_for(2, "DELETE", &path).await;
    settle().await;
    assert_eq!(section.like_error(1), None);
    assert_eq!(section.like_state(1), (false, "3".to_owned()));
    let methods: Vec<String> = mock
        .requests_to("POST", &path)
        .into_iter()
        .chain(mock.requests_to("DELETE", &path))
        .map(|r| {
            assert_eq!(r.header(READER_ID_HEADER), Some(ISSUED_READER), "{r:?}");
            r.method
        })
        .collect();
    assert_eq!(methods, vec!["POST", "DELETE", "DELETE"]);
}

#[wasm_bindgen_test]
async fn two_quick_clicks_leave_the_server_with_the_readers_last_wish() {
    const SLUG: &str = "thich-hai-lan";
    let mock = FetchMock::install();
    let mut first = page(&[1, 2], None, 2);
    for comment in &mut first.comments {
        comment.likes = 3;
    }
    let section = section_with(&mock, SLUG, first).await;
    let path = like_path(1);
    mock.reply("POST", &path, Reply::json(200, &like(4, true)).held());
    mock.reply("DELETE", &path, Reply::json(200, &like(3, false)).held());

    // Like, then unlike while the like is on the way.
    section.like_button(1).click();
    mock.wait_for(1, "POST", &path).await;
    settle().await;
    assert_eq!(section.like_state(1), (true, "4".to_owned()));
    section.like_button(1).click();
    settle().await;
    assert_eq!(
        section.like_state(1),
        (false, "3".to_owned()),
        "the second click shows at once"
    );
    assert_eq!(
        mock.requests_to("DELETE", &path).len(),
        0,
        "one request at a time"
    );

    mock.release("POST", &path);
    mock.wait_for(1, "DELETE", &path).await;
    settle().await;
    assert_eq!(
        section.like_state(1),
        (false, "3".to_owned()),
        "the server's answer to the first click does not undo the second"
    );
    mock.release("DELETE", &path);
    settle().await;
    assert_eq!(section.like_state(1), (false, "3".to_owned()));
    assert_eq!(section.like_error(1), None);
    let methods = |path: &str| -> Vec<String> {
        mock.requests()
            .into_iter()
            .filter(|r| r.path == path)
            .map(|r| r.method)
            .collect()
    };
    assert_eq!(
        methods(&path),
        vec!["POST", "DELETE"],
        "the server ends with no like"
    );

    // A double click, both clicks before any request goes out: the wishes may be coalesced, but
    // the server is never left with the like.
    let path = like_path(2);
    mock.always("POST", &path, Reply::json(200, &like(4, true)));
    mock.always("DELETE", &path, Reply::json(200, &like(3, false)));
    section.like_button(2).click();
    section.like_button(2).click();
    sleep(100).await;
    assert_eq!(section.like_state(2), (false, "3".to_owned()));
    assert_eq!(section.like_error(2), None);
    let sent = methods(&path);
    let sent: Vec<&str> = sent.iter().map(String::as_str).collect();
    assert!(
        [vec![], vec!["DELETE"], vec!["POST", "DELETE"]].contains(&sent),
        "the last request is the last wish: {sent:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// The policy.

#[wasm_bindgen_test]
async fn banned_words_of_the_fetched_policy_get_their_line_and_are_marked() {
    const SLUG: &str = "chinh-sach-tu-cam";
    const TEXT: &str = "Tác giả viết bài này thật ngốc, tôi không đồng ý với quan điểm đó.";
    let mock = FetchMock::install();
    mock.always(
        "GET",
        POLICY_PATH,
        Reply::json(200, &policy_banning(&["ngốc"])),
    );
    let section = section_with(&mock, SLUG, page(&[], None, 0)).await;
    wait_until("the fetched policy", 5000, || {
        section.checklist().len() == 5
    })
    .await;
    let banned_line = |state: &str| ("banned_word".to_owned(), state.to_owned());
    let mut expected = checklist("is-unmet", "is-idle", "is-idle", "is-idle");
    expected.push(banned_line("is-idle"));
    assert_eq!(section.checklist(), expected);
    assert_eq!(
        section
            .texts(".rule-checklist li")
            .last()
            .map(String::as_str),
        Some("Không dùng từ ngữ bị cấm: đã đạt")
    );

    let textarea = section.textarea();
    type_value(&textarea, TEXT);
    settle().await;
    let mut expected = checklist("is-met", "is-met", "is-met", "is-met");
    expected.push(banned_line("is-unmet"));
    assert_eq!(section.checklist(), expected);
    focus_and_leave(&textarea);
    settle().await;
    assert_eq!(
        section.messages(),
        vec!["Bình luận có từ không được phép dùng: “ngốc”."]
    );
    assert_eq!(section.marks(), vec!["ngốc"]);
}

#[wasm_bindgen_test]
async fn a_policy_without_a_word_minimum_still_states_the_diacritics_rule() {
    const SLUG: &str = "chinh-sach-khong-toi-thieu";
    let mock = FetchMock::install();
    let policy = Policy {
        min_words: 0,
        require_diacritics: true,
        links: LinkPolicy::Allow,
        contacts: LinkPolicy::Allow,
        max_chars: 500,
        banned_words: Vec::new(),
        auto_close_after_days: None,
        suspect_words: Vec::new(),
        hide_after_reports: None,
    };
    mock.always("GET", POLICY_PATH, Reply::json(200, &policy));
    let section = section_with(&mock, SLUG, page(&[], None, 0)).await;
    wait_until("the fetched policy", 5000, || {
        section.checklist().len() == 2
    })
    .await;
    assert_eq!(
        section.texts(".comment-rules li"),
        vec!["Viết Tiếng Việt có dấu"]
    );
    assert_eq!(
        section.texts(".rule-checklist li"),
        vec!["Viết Tiếng Việt có dấu: đã đạt", "Tối đa 500 ký tự: đã đạt"]
    );
}

// ---------------------------------------------------------------------------------------------
// Replies.

#[wasm_bindgen_test]
async fn a_reply_box_closed_while_its_post_is_on_the_way_still_gets_its_reply() {
    const SLUG: &str = "tra-loi-dong-khi-dang-gui";
    let mock = FetchMock::install();
    let section = section_with(&mock, SLUG, page(&[7], None, 1)).await;
    let path = comments_path(SLUG);
    let reply = Comment {
        parent_id: Some(7),
        ..created(70, CommentStatus::Published, GOOD)
    };
    mock.reply("POST", &path, Reply::json(201, &reply).held());

    section.reply_toggle(7).click();
    settle().await;
    let form = section.reply_form(7).expect("the reply box opens");
    type_value(&find_in(&form, "input[name=author_name]"), NAME);
    type_value(&find_in(&form, "textarea[name=content]"), GOOD);
    settle().await;
    find_in(&form, "button[type=submit]")
        .unchecked_into::<HtmlElement>()
        .click();
    mock.wait_for(1, "POST", &path).await;
    let post = &mock.requests_to("POST", &path)[0];
    let sent: NewComment = serde_json::from_value(post.json()).unwrap();
    assert_eq!(sent, new_comment(GOOD, Some(7)));
    let reply_draft = || {
        drafts(SLUG)
            .into_iter()
            .find(|(key, _)| key.ends_with(":reply:7"))
            .map(|(_, draft)| draft)
    };
    assert_eq!(
        reply_draft().expect("the reply's draft")["pending"]["key"].as_str(),
        Some(key_of(post).as_str())
    );

    // "Hủy" while the post is on the way.
    section.reply_toggle(7).click();
    settle().await;
    assert!(section.reply_form(7).is_none(), "the box is closed");
    mock.release("POST", &path);
    wait_until("the reply under its comment", 5000, || {
        section.reply_ids(7) == vec![70]
    })
    .await;
    assert_eq!(section.count(), "2 bình luận");
    assert!(
        reply_draft().is_none(),
        "the reply's draft is forgotten: {:?}",
        reply_draft()
    );

    // The app still answers the reader (a panic would have stopped it).
    let textarea = section.textarea();
    type_value(&textarea, SHORT);
    settle().await;
    assert_eq!(section.counter(), "4/10 chữ");
    section.reply_toggle(7).click();
    settle().await;
    let again = section.reply_form(7).expect("the reply box opens again");
    assert_eq!(
        native_value(&find_in(&again, "textarea[name=content]")),
        "",
        "with no leftover text"
    );
    assert_eq!(
        section.reply_toggle(7).text_content().as_deref(),
        Some("Hủy")
    );
}

// ---------------------------------------------------------------------------------------------
// Sort and pages.

#[wasm_bindgen_test]
async fn the_last_sort_chosen_wins_whatever_order_the_answers_arrive_in() {
    const SLUG: &str = "sap-xep-chay-dua";
    let mock = FetchMock::install();
    let section = section_with(&mock, SLUG, page(&[1, 2], None, 2)).await;
    let (newest, top) = (page_path(SLUG, "newest"), page_path(SLUG, "top"));
    mock.reply(
        "GET",
        &top,
        Reply::json(200, &page(&[30, 31], None, 2)).held(),
    );
    mock.reply(
        "GET",
        &newest,
        Reply::json(200, &page(&[40, 41, 42], None, 3)).held(),
    );

    section.sort_button("Quan tâm nhất").click();
    mock.wait_for(1, "GET", &top).await;
    section.sort_button("Mới nhất").click();
    mock.wait_for(2, "GET", &newest).await;
    // The newest answer first, then the stale one.
    mock.release("GET", &newest);
    wait_until("the newest page", 5000, || {
        section.comment_ids() == vec![40, 41, 42]
    })
    .await;
    mock.release("GET", &top);
    sleep(200).await;
    assert_eq!(
        section.comment_ids(),
        vec![40, 41, 42],
        "the stale answer is dropped"
    );
    assert_eq!(section.count(), "3 bình luận");
    assert!(section.sort_pressed("Mới nhất"));
    assert!(!section.sort_pressed("Quan tâm nhất"));
}

#[wasm_bindgen_test]
async fn a_next_page_arriving_after_a_sort_change_is_dropped() {
    const SLUG: &str = "sap-xep-sau-xem-them";
    let mock = FetchMock::install();
    let section = section_with(&mock, SLUG, page(&[1, 2], Some("c2"), 4)).await;
    let more = next_page_path(SLUG, "newest", "c2");
    mock.reply(
        "GET",
        &more,
        Reply::json(200, &page(&[3, 4], None, 4)).held(),
    );
    mock.reply(
        "GET",
        &page_path(SLUG, "top"),
        Reply::json(200, &page(&[30, 31], None, 2)),
    );

    section.load_more().expect("Xem thêm").click();
    mock.wait_for(1, "GET", &more).await;
    section.sort_button("Quan tâm nhất").click();
    wait_until("the top page", 5000, || {
        section.comment_ids() == vec![30, 31]
    })
    .await;
    mock.release("GET", &more);
    sleep(200).await;
    assert_eq!(
        section.comment_ids(),
        vec![30, 31],
        "the page of the old order is dropped"
    );
    assert_eq!(section.count(), "2 bình luận");
    assert!(
        section.load_more().is_none(),
        "the top order has no next page"
    );
    assert!(section.sort_pressed("Quan tâm nhất"));
}

#[wasm_bindgen_test]
async fn the_next_page_keeps_the_likes_and_open_reply_boxes_of_the_comments_shown() {
    const SLUG: &str = "xem-them-giu-trang-thai";
    let mock = FetchMock::install();
    let section = section_with(&mock, SLUG, page(&[1, 2], Some("c2"), 4)).await;
    mock.reply("POST", &like_path(1), Reply::json(200, &like(1, true)));
    mock.reply(
        "GET",
        &next_page_path(SLUG, "newest", "c2"),
        Reply::json(200, &page(&[3, 4], None, 4)),
    );

    section.like_button(1).click();
    mock.wait_for(1, "POST", &like_path(1)).await;
    settle().await;
    assert_eq!(section.like_state(1), (true, "1".to_owned()));
    section.reply_toggle(2).click();
    settle().await;
    let reply_box = find_in(&section.reply_form(2).unwrap(), "textarea[name=content]");
    type_value(&reply_box, SHORT);
    let like_button = section.like_button(1);

    section.load_more().expect("Xem thêm").click();
    wait_until("the next page", 5000, || {
        section.comment_ids() == vec![1, 2, 3, 4]
    })
    .await;
    assert_eq!(
        section.like_state(1),
        (true, "1".to_owned()),
        "the like is kept"
    );
    assert!(
        section.like_button(1).is_same_node(Some(&like_button)),
        "comment 1 was not drawn again"
    );
    let still_open = section.reply_form(2).expect("the reply box stays open");
    let textarea = find_in(&still_open, "textarea[name=content]");
    assert!(textarea.is_same_node(Some(&reply_box)));
    assert_eq!(native_value(&textarea), SHORT);
    assert!(section.load_more().is_none(), "that was the last page");
}

#[wasm_bindgen_test]
async fn the_last_page_moves_the_focus_to_its_first_comment() {
    const SLUG: &str = "xem-them-trang-cuoi";
    let mock = FetchMock::install();
    let section = section_with(&mock, SLUG, page(&[1, 2], Some("c2"), 4)).await;
    mock.reply(
        "GET",
        &next_page_path(SLUG, "newest", "c2"),
        Reply::json(200, &page(&[3, 4], None, 4)),
    );
    let button = section.load_more().expect("Xem thêm");
    button.focus().unwrap();

    button.click();
    wait_until("the last page", 5000, || {
        section.comment_ids() == vec![1, 2, 3, 4] && section.load_more().is_none()
    })
    .await;
    settle().await;
    assert!(
        is_focused(&section.comment(3)),
        "the focus is on the first new comment, not lost with the button"
    );
}

#[wasm_bindgen_test]
async fn a_failed_next_page_shows_an_error_and_a_retry_that_works() {
    const SLUG: &str = "xem-them-that-bai";
    let mock = FetchMock::install();
    let section = section_with(&mock, SLUG, page(&[1, 2], Some("c2"), 4)).await;
    let more = next_page_path(SLUG, "newest", "c2");
    mock.reply("GET", &more, Reply::text(500, ""));
    mock.reply("GET", &more, Reply::json(200, &page(&[3, 4], None, 4)));

    section.load_more().expect("Xem thêm").click();
    mock.wait_for(1, "GET", &more).await;
    wait_until("the failure is said", 5000, || {
        section.load_errors() == vec![LOAD_FAILED]
    })
    .await;
    assert_eq!(section.comment_ids(), vec![1, 2]);
    let retry = section.load_more().expect("a retry button");
    assert_eq!(retry.text_content().as_deref(), Some("Thử lại"));
    assert_eq!(
        retry.get_attribute("aria-disabled").as_deref(),
        Some("false")
    );

    retry.click();
    wait_until("the next page", 5000, || {
        section.comment_ids() == vec![1, 2, 3, 4]
    })
    .await;
    assert_eq!(section.load_errors(), Vec::<String>::new());
}

#[wasm_bindgen_test]
async fn clicks_on_xem_them_while_its_page_loads_ask_for_it_once() {
    const SLUG: &str = "xem-them-bam-nhieu";
    let mock = FetchMock::install();
    let section = section_with(&mock, SLUG, page(&[1, 2], Some("c2"), 4)).await;
    let more = next_page_path(SLUG, "newest", "c2");
    mock.always(
        "GET",
        &more,
        Reply::json(200, &page(&[3, 4], None, 4)).held(),
    );
    let button = section.load_more().expect("Xem thêm");
    button.focus().unwrap();

    button.click();
    mock.wait_for(1, "GET", &more).await;
    settle().await;
    assert_eq!(
        button.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    assert!(!button.has_attribute("disabled"));
    assert!(is_focused(&button), "the busy button keeps the focus");
    button.click();
    button.click();
    sleep(100).await;
    assert_eq!(
        mock.requests_to("GET", &more).len(),
        1,
        "clicks while loading ask for nothing"
    );
}

// ---------------------------------------------------------------------------------------------
// Closed threads, and articles without one. What the section shows then is the stylesheet's
// doing, so these tests load it.

/// Whether something matching `selector` in `section` is shown.
fn shows(section: &Section, selector: &str) -> bool {
    section.find_all(selector).iter().any(is_shown)
}

#[wasm_bindgen_test]
async fn a_closed_thread_lists_its_comments_with_a_notice_in_place_of_the_form() {
    const SLUG: &str = "binh-luan-da-dong";
    let _styles = AppStyles::load();
    let mock = FetchMock::install();
    // A reader starts a comment while the thread is open…
    let open = section_with(&mock, SLUG, page(&[1], None, 1)).await;
    assert!(shows(&open, "form.comment-form") && shows(&open, ".comment-rules"));
    assert!(!shows(&open, ".comments-closed"));
    type_value(&open.textarea(), GOOD);
    settle().await;
    assert_eq!(text_draft(SLUG).unwrap()["content"], GOOD);

    // …and comes back once the newsroom closed it.
    let lang = RwSignal::new(Lang::Vi);
    mock.reply(
        "GET",
        &page_path(SLUG, "newest"),
        Reply::json(
            200,
            &CommentPage {
                closed: true,
                ..page(&[1, 2], None, 3)
            },
        ),
    );
    let section = Section::mount(SLUG, lang).await;
    wait_until("the closed page", 5000, || {
        section.comment_ids() == vec![1, 2] && shows(&section, ".comments-closed")
    })
    .await;
    assert_eq!(section.texts(".comments-closed"), vec![CLOSED]);
    assert!(!shows(&section, "form"), "no form");
    assert!(!shows(&section, ".comment-rules"), "no rules");
    assert!(
        !shows(&section, ".comment-actions .reply-button"),
        "no reply button"
    );
    assert_eq!(section.count(), "3 bình luận");
    assert_eq!(section.like_state(1), (false, "0".to_owned()), "likes stay");
    assert!(is_shown(&section.like_button(2)));
    assert_eq!(
        text_draft(SLUG).unwrap()["content"],
        GOOD,
        "the draft is kept"
    );
    lang.set(Lang::En);
    settle().await;
    assert_eq!(
        section.texts(".comments-closed"),
        vec!["Comments are closed."]
    );
    lang.set(Lang::Vi);
    settle().await;

    // Reopened (as the next load says), the form is back with the draft.
    mock.reply(
        "GET",
        &page_path(SLUG, "top"),
        Reply::json(200, &page(&[2, 1], None, 3)),
    );
    section.sort_button("Quan tâm nhất").click();
    wait_until("the open page", 5000, || {
        section.comment_ids() == vec![2, 1] && !shows(&section, ".comments-closed")
    })
    .await;
    assert!(shows(&section, "form.comment-form") && shows(&section, ".comment-rules"));
    assert_eq!(native_value(&section.textarea()), GOOD);
    assert!(is_shown(&section.reply_toggle(1)) && is_shown(&section.reply_toggle(2)));
    assert!(mock.requests_to("POST", "*").is_empty());
}

#[wasm_bindgen_test]
async fn a_post_refused_because_the_thread_closed_keeps_the_text_and_says_so() {
    const SLUG: &str = "dong-trong-luc-viet";
    let _styles = AppStyles::load();
    let mock = FetchMock::install();
    let section = section_with(&mock, SLUG, page(&[1], None, 1)).await;
    let refusal = ApiError {
        error: "comments_closed".to_owned(),
        message: CLOSED.to_owned(),
        message_en: "Comments are closed.".to_owned(),
        violations: Vec::new(),
        field: None,
        retry_after: None,
        until: None,
    };
    mock.reply("POST", &comments_path(SLUG), Reply::json(403, &refusal));
    write(&section, GOOD).await;
    let textarea = section.textarea();

    section.submit_button().click();
    wait_until("the refusal is said", 5000, || {
        section.error_text() == CLOSED
    })
    .await;
    assert!(is_shown(&section.error_notice()));
    assert_eq!(native_value(&textarea), GOOD, "the text stays in the box");
    assert!(is_shown(&textarea));
    assert_eq!(
        text_draft(SLUG).unwrap()["content"],
        GOOD,
        "and in the draft"
    );
    assert!(!is_shown(&section.submit_button()), "nothing left to send");
    assert!(is_focused(&textarea));
    assert_eq!(section.comment_ids(), vec![1], "the comments stay");
    assert_eq!(mock.requests_to("POST", &comments_path(SLUG)).len(), 1);
}

#[wasm_bindgen_test]
async fn an_article_without_a_thread_says_so_with_no_form_and_no_retry() {
    const SLUG: &str = "chua-mo-binh-luan";
    let _styles = AppStyles::load();
    let mock = FetchMock::install();
    mock.reply(
        "GET",
        &page_path(SLUG, "newest"),
        Reply::json(404, &api_error("not_found", None)),
    );
    clear_drafts(SLUG);
    let section = Section::mount_vi(SLUG).await;
    wait_until("the sentence", 5000, || {
        shows(&section, ".comments-not-open")
    })
    .await;
    assert_eq!(
        section.texts(".comments-not-open"),
        vec!["Bài viết này chưa mở phần bình luận."]
    );
    assert!(!shows(&section, "form"), "no form");
    assert!(!shows(&section, ".comment-rules"), "no rules");
    assert!(!shows(&section, ".comments-closed"));
    assert_eq!(section.load_errors(), Vec::<String>::new());
    assert!(!shows(&section, "button"), "no retry, nothing to press");
}

#[wasm_bindgen_test]
async fn a_404_that_is_not_the_apis_is_a_failure_with_a_retry() {
    const SLUG: &str = "404-cua-proxy";
    let _styles = AppStyles::load();
    let mock = FetchMock::install();
    let first = page_path(SLUG, "newest");
    mock.reply("GET", &first, Reply::text(404, "<h1>404 Not Found</h1>"));
    mock.reply("GET", &first, Reply::json(200, &page(&[1], None, 1)));
    clear_drafts(SLUG);
    let section = Section::mount_vi(SLUG).await;
    wait_until("the failure", 5000, || {
        section.texts(".load-error p") == vec![LOAD_FAILED]
    })
    .await;
    assert!(!shows(&section, ".comments-not-open"));
    assert!(shows(&section, "form.comment-form"), "the form stays");

    section
        .find(".load-error button")
        .unchecked_into::<HtmlElement>()
        .click();
    wait_until("the comments", 5000, || section.comment_ids() == vec![1]).await;
}

// ---------------------------------------------------------------------------------------------
// Ids without `crypto.randomUUID`.

#[wasm_bindgen_test]
async fn without_crypto_random_uuid_comments_load_and_posts_carry_v4_keys_and_the_issued_reader() {
    const SLUG: &str = "khong-co-random-uuid";
    const READER_KEY: &str = "binhluan:reader";
    let _hidden = NoRandomUuid::hide();
    local_storage().remove_item(READER_KEY).unwrap();
    let mock = FetchMock::install();
    let section = section_with(&mock, SLUG, page(&[1], None, 1)).await;
    let get = &mock.requests_to("GET", &page_path(SLUG, "newest"))[0];
    assert_eq!(
        get.header(READER_ID_HEADER),
        None,
        "the list does not wait for a reader id"
    );

    let path = comments_path(SLUG);
    mock.reply(
        "POST",
        &path,
        Reply::json(201, &created(53, CommentStatus::Pending, GOOD)),
    );
    write(&section, GOOD).await;
    section.submit_button().click();
    wait_for_answer(&section).await;
    assert_eq!(section.ok_text(), PENDING);
    let post = &mock.requests_to("POST", &path)[0];
    let key = key_of(post);
    assert!(is_uuid_v4(&key), "{IDEMPOTENCY_KEY_HEADER}: {key}");
    // The post asked the server for the reader's id, sent it, and kept it.
    assert_eq!(mock.requests_to("POST", "/api/readers").len(), 1);
    assert_eq!(post.header(READER_ID_HEADER), Some(ISSUED_READER));
    assert_eq!(
        local_storage().get_item(READER_KEY).unwrap().as_deref(),
        Some(ISSUED_READER),
        "and kept"
    );
}

// ---------------------------------------------------------------------------------------------
// Comments moderators chose.

#[wasm_bindgen_test]
async fn a_chosen_comment_says_so_and_the_others_do_not() {
    const SLUG: &str = "binh-luan-duoc-chon";
    let mock = FetchMock::install();
    let mut first = page(&[7, 3], None, 2);
    first.comments[0].featured = true;
    let section = section_with(&mock, SLUG, first).await;
    assert_eq!(
        section.texts(".comment-featured"),
        vec!["Bình luận được chọn"]
    );
    let chosen = section.find("[data-comment-id='7']");
    assert!(chosen.class_list().contains("is-featured"));
    assert!(
        !section
            .find("[data-comment-id='3']")
            .class_list()
            .contains("is-featured")
    );
}

/// Comment 1 with replies 11 to 13 shown of `count`, and where the rest start.
fn page_with_replies(count: u64) -> CommentPage {
    let mut first = page(&[1], None, 1 + count);
    first.comments[0].replies = (11..=13)
        .map(|id| Comment {
            parent_id: Some(1),
            ..comment(id, "Một câu trả lời của bạn đọc.")
        })
        .collect();
    first.comments[0].reply_count = count;
    first.comments[0].replies_cursor = Some("r13".to_owned());
    first
}

#[wasm_bindgen_test]
async fn xem_them_tra_loi_loads_the_other_replies_once_and_a_failure_can_be_retried() {
    const SLUG: &str = "xem-them-tra-loi";
    local_storage()
        .set_item("binhluan:reader", ISSUED_READER)
        .unwrap();
    let mock = FetchMock::install();
    let section = section_with(&mock, SLUG, page_with_replies(5)).await;
    let more = replies_path(1, "r13");
    let mut rest = page(&[13, 14, 15], None, 5);
    for reply in &mut rest.comments {
        reply.parent_id = Some(1);
    }
    mock.reply("GET", &more, Reply::text(503, ""));
    mock.reply("GET", &more, Reply::json(200, &rest).held());
    assert_eq!(section.reply_ids(1), vec![11, 12, 13]);
    let button = section.more_replies(1).expect("Xem thêm trả lời");
    assert_eq!(button.text_content().as_deref(), Some("Xem thêm 2 trả lời"));

    button.click();
    mock.wait_for(1, "GET", &more).await;
    wait_until("the failure is said", 5000, || {
        section.load_errors() == vec![LOAD_FAILED]
    })
    .await;
    let retry = section.more_replies(1).expect("a retry button");
    assert_eq!(retry.text_content().as_deref(), Some("Thử lại"));
    assert_eq!(section.reply_ids(1), vec![11, 12, 13]);

    retry.click();
    mock.wait_for(2, "GET", &more).await;
    settle().await;
    assert_eq!(retry.get_attribute("aria-busy").as_deref(), Some("true"));
    retry.click();
    mock.release("GET", &more);
    wait_until("the other replies, each once", 5000, || {
        section.reply_ids(1) == vec![11, 12, 13, 14, 15]
    })
    .await;
    assert!(section.more_replies(1).is_none(), "all replies are shown");
    assert_eq!(section.load_errors(), Vec::<String>::new());
    let requests = mock.requests_to("GET", &more);
    assert_eq!(requests.len(), 2, "a click while loading asks for nothing");
    // A public page, the same for every reader: the reader's likes come from `…/mine`.
    let reader = requests[1].header(READER_ID_HEADER);
    assert_eq!(reader, None, "the same request for every reader");
}

#[wasm_bindgen_test]
async fn hostile_text_stays_inside_its_comment() {
    const SLUG: &str = "chu-zalgo";
    let _styles = AppStyles::load();
    let mock = FetchMock::install();
    let mut first = page(&[1, 2], None, 2);
    // Marks stacked on every letter (text stored before the server's bound), and a word far
    // wider than a phone.
    first.comments[0].content = "Zalgo ".to_owned() + &"a\u{301}\u{302}\u{303}".repeat(200);
    first.comments[1].content = "x".repeat(600);
    let section = section_with(&mock, SLUG, first).await;
    let section_width = section
        .find(".comment-list")
        .get_bounding_client_rect()
        .width();
    for id in [1, 2] {
        let content = section.find(&format!(
            "article.comment[data-comment-id=\"{id}\"] .comment-content"
        ));
        let style = web_sys::window()
            .unwrap()
            .get_computed_style(&content)
            .unwrap()
            .unwrap();
        assert_eq!(
            style.get_property_value("overflow").unwrap(),
            "hidden",
            "marks that draw past the line are clipped to the comment"
        );
        let width = content.get_bounding_client_rect().width();
        assert!(
            width <= section_width && content.scroll_width() as f64 <= width + 1.0,
            "comment {id} stays as wide as the list: {width} of {section_width}"
        );
    }
}
