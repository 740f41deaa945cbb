//! Component tests of the comment section, in headless Chromium (wasm-bindgen-test): the
//! feedback for each rule as the reader types, drafts, and the input methods' sequences
//! (Unikey/EVKey/OpenKey's Backspace-and-replace, macOS/iOS/GBoard's compositions, NFD).
//!
//! The test page has no API: the policy fetch fails, so the seed policy applies (10 words,
//! diacritics, no links, 2000 characters), and every post fails with the test server's 404.

#![cfg(target_arch = "wasm32")]

mod browser_support;

use binhluan::i18n::Lang;
use binhluan_api::{IDEMPOTENCY_KEY_HEADER, NewComment};
use browser_support::{
    RequestRecorder, Section, TextRecorder, WriteSpy, author_draft, checklist, clear_drafts,
    composition_end, composition_start, composition_update, drafts, focus_and_leave, has_class,
    is_focused, keystroke, native_value, set_native_value, settle, sleep, text_draft, type_value,
    type_words, wait_until,
};
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// 16 words, every rule met.
const GOOD: &str = "Bài viết rất hay, cảm ơn tác giả đã chia sẻ những thông tin bổ ích.";
/// 4 words.
const SHORT: &str = "Bài viết rất hay.";
/// `GOOD` without its marks.
const UNACCENTED: &str = "Bai viet rat hay, cam on tac gia da chia se nhung thong tin bo ich.";
/// `GOOD` typed in Telex with the keyboard's Vietnamese mode off.
const TELEX: &str =
    "Baif vieets raats hay, camr own tacs giar dax chia ser nhuwngx thoong tin boor ichs.";
/// 14 words and a link spelled out.
const SPELLED_LINK: &str =
    "Bài viết rất hay, mọi người xem thêm ở abc chấm com nhé, cảm ơn tác giả.";
/// 12 words, every rule met; its words are typed by input methods below.
const NFC: &str = "Tiếng Việt là ngôn ngữ của người Việt, rất giàu và đẹp.";
/// `NFC` decomposed, as macOS sends it.
const NFD: &str = "Tie\u{302}\u{301}ng Vie\u{323}\u{302}t la\u{300} ngo\u{302}n ngu\u{31b}\u{303} \
                   cu\u{309}a ngu\u{31b}o\u{31b}\u{300}i Vie\u{323}\u{302}t, \
                   ra\u{302}\u{301}t gia\u{300}u va\u{300} \u{111}e\u{323}p.";
/// The 7 words before the word the input methods type.
const IME_PREFIX: &str = "Tiếng Việt là ngôn ngữ của người ";
/// The rest of `NFC` after the word the input methods type.
const IME_SUFFIX: &str = ", rất giàu và đẹp.";

const MIN_WORDS_4: &str = "Bình luận cần tối thiểu 10 chữ Tiếng Việt có dấu; bạn mới viết 4 chữ.";
const MIN_WORDS_4_EN: &str = "Your comment needs at least 10 Vietnamese words; you have written 4.";
const SERVER_FAILED: &str = "Máy chủ đang gặp sự cố nên chưa gửi được. \
                             Nội dung bạn viết vẫn được giữ nguyên; hãy thử lại.";

fn words(text: &str) -> Vec<&str> {
    text.split(' ').collect()
}

/// The comment a valid form posts.
fn posted(name: &str, content: &str) -> NewComment {
    NewComment {
        author_name: name.to_owned(),
        author_email: None,
        content: content.to_owned(),
        parent_id: None,
    }
}

// ---------------------------------------------------------------------------------------------
// Feedback for each rule.

#[wasm_bindgen_test]
async fn the_word_counter_and_checklist_follow_every_input() {
    clear_drafts("quy-tac-dem-chu");
    let section = Section::mount_vi("quy-tac-dem-chu").await;
    assert_eq!(section.counter(), "0/10 chữ");
    assert!(!section.counter_is_met());
    assert_eq!(
        section.checklist(),
        checklist("is-unmet", "is-idle", "is-idle", "is-idle"),
        "an empty box only says the words are missing"
    );

    let textarea = section.textarea();
    type_words(&textarea, &words(GOOD), |text, typed| {
        assert_eq!(
            section.counter(),
            format!("{typed}/10 chữ"),
            "after {text:?}"
        );
        assert_eq!(section.counter_is_met(), typed >= 10, "after {text:?}");
        let min_words = if typed >= 10 { "is-met" } else { "is-unmet" };
        assert_eq!(
            section.checklist(),
            checklist(min_words, "is-met", "is-met", "is-met"),
            "after {text:?}"
        );
    })
    .await;
    assert_eq!(section.counter(), "16/10 chữ");

    // Deleting words counts down as live.
    type_value(&textarea, SHORT);
    settle().await;
    assert_eq!(section.counter(), "4/10 chữ");
    assert!(!section.counter_is_met());
}

#[wasm_bindgen_test]
async fn messages_appear_only_after_the_reader_leaves_the_box() {
    clear_drafts("quy-tac-thong-bao");
    let section = Section::mount_vi("quy-tac-thong-bao").await;
    let textarea = section.textarea();
    type_words(&textarea, &words(SHORT), |text, _| {
        assert_eq!(
            section.messages(),
            Vec::<String>::new(),
            "while typing {text:?}"
        );
        assert_eq!(
            textarea.get_attribute("aria-invalid").as_deref(),
            Some("false"),
            "while typing {text:?}"
        );
    })
    .await;
    assert_eq!(
        section.checklist(),
        checklist("is-unmet", "is-met", "is-met", "is-met")
    );

    focus_and_leave(&textarea);
    settle().await;
    assert_eq!(section.messages(), vec![MIN_WORDS_4]);
    assert_eq!(
        textarea.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );

    // Once shown, the message follows the text.
    type_value(&textarea, "Bài viết rất hay, cảm ơn");
    settle().await;
    assert_eq!(
        section.messages(),
        vec!["Bình luận cần tối thiểu 10 chữ Tiếng Việt có dấu; bạn mới viết 6 chữ."]
    );
    type_value(&textarea, GOOD);
    settle().await;
    assert_eq!(section.messages(), Vec::<String>::new());
    assert_eq!(
        textarea.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn unaccented_text_fails_diacritics_with_its_words_marked_and_a_hint() {
    clear_drafts("quy-tac-khong-dau");
    let section = Section::mount_vi("quy-tac-khong-dau").await;
    let textarea = section.textarea();
    type_value(&textarea, UNACCENTED);
    settle().await;
    assert_eq!(section.counter(), "12/10 chữ");
    assert_eq!(
        section.checklist(),
        checklist("is-met", "is-unmet", "is-met", "is-met")
    );
    assert_eq!(section.messages(), Vec::<String>::new());
    assert_eq!(
        section.marks(),
        Vec::<String>::new(),
        "no marks while typing"
    );

    focus_and_leave(&textarea);
    settle().await;
    assert_eq!(
        section.messages(),
        vec![
            "Bình luận cần viết Tiếng Việt có dấu; những chữ như “Bai” đang thiếu dấu.",
            "Hãy gõ có dấu, ví dụ “Bài viết rất hay” thay vì “Bai viet rat hay”.",
        ]
    );
    assert_eq!(
        section.marks(),
        vec![
            "Bai", "viet", "rat", "cam", "on", "tac", "da", "se", "nhung", "thong", "bo", "ich"
        ]
    );
    assert_eq!(
        section.find(".comment-backdrop").text_content().as_deref(),
        Some(UNACCENTED),
        "the backdrop holds the text exactly as typed"
    );
}

#[wasm_bindgen_test]
async fn telex_residue_is_blamed_on_the_keyboard_with_its_hint() {
    clear_drafts("quy-tac-telex");
    let section = Section::mount_vi("quy-tac-telex").await;
    let textarea = section.textarea();
    type_value(&textarea, TELEX);
    settle().await;
    assert_eq!(section.counter(), "4/10 chữ");
    assert_eq!(
        section.checklist(),
        checklist("is-unmet", "is-unmet", "is-met", "is-met")
    );

    focus_and_leave(&textarea);
    settle().await;
    assert_eq!(
        section.messages(),
        vec![
            MIN_WORDS_4,
            "Bình luận còn sót phím gõ Telex/VNI như “Baif”, nên chữ chưa có dấu.",
            "Hãy bật chế độ gõ Tiếng Việt của bàn phím (Telex/VNI).",
        ]
    );
    assert_eq!(section.marks().first().map(String::as_str), Some("Baif"));
    assert_eq!(section.marks().len(), 12);
}

#[wasm_bindgen_test]
async fn a_spelled_out_link_is_refused_and_marked() {
    clear_drafts("quy-tac-lien-ket");
    let section = Section::mount_vi("quy-tac-lien-ket").await;
    let textarea = section.textarea();
    type_value(&textarea, SPELLED_LINK);
    settle().await;
    assert_eq!(section.counter(), "14/10 chữ");
    assert_eq!(
        section.checklist(),
        checklist("is-met", "is-met", "is-unmet", "is-met")
    );
    assert_eq!(section.marks(), Vec::<String>::new());

    focus_and_leave(&textarea);
    settle().await;
    assert_eq!(
        section.messages(),
        vec!["Bình luận không được chứa liên kết; hãy bỏ “abc chấm com”."]
    );
    assert_eq!(section.marks(), vec!["abc chấm com"]);
}

#[wasm_bindgen_test]
async fn an_overlong_comment_fails_max_length_and_marks_the_excess() {
    clear_drafts("quy-tac-do-dai");
    let section = Section::mount_vi("quy-tac-do-dai").await;
    let textarea = section.textarea();
    let long = "Bài viết rất hay, cảm ơn tác giả. ".repeat(60);
    assert_eq!(long.chars().count(), 2040);
    type_value(&textarea, &long);
    settle().await;
    assert_eq!(section.counter(), "16/10 chữ");
    assert_eq!(
        section.checklist(),
        checklist("is-met", "is-met", "is-met", "is-unmet")
    );

    focus_and_leave(&textarea);
    settle().await;
    assert_eq!(
        section.messages(),
        vec!["Bình luận dài tối đa 2000 ký tự; bạn đã viết 2040 ký tự."]
    );
    let excess: String = long.chars().skip(2000).collect();
    assert_eq!(section.marks(), vec![excess]);
}

#[wasm_bindgen_test]
async fn posting_an_invalid_form_focuses_the_first_problem_and_sends_nothing() {
    const SLUG: &str = "quy-tac-gui-loi";
    clear_drafts(SLUG);
    let requests = RequestRecorder::on(&format!("/articles/{SLUG}/comments"));
    let section = Section::mount_vi(SLUG).await;
    let (name, email, textarea) = (
        section.name_input(),
        section.email_input(),
        section.textarea(),
    );
    type_value(&textarea, UNACCENTED);
    settle().await;
    assert_eq!(section.error_of(&name), "");

    // No name: the name field first.
    section.submit_button().click();
    settle().await;
    assert!(is_focused(&name), "the empty name field has the focus");
    assert_eq!(
        section.error_of(&name),
        "Vui lòng nhập họ tên, tối thiểu 2 ký tự."
    );
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        section.messages().len(),
        2,
        "the comment's problems show too"
    );
    assert_eq!(section.marks().len(), 12);

    // A name, a broken e-mail: the e-mail field.
    type_value(&name, "Nguyễn Văn An");
    type_value(&email, "an@");
    settle().await;
    section.submit_button().click();
    settle().await;
    assert!(is_focused(&email), "the broken e-mail field has the focus");
    assert_eq!(section.error_of(&name), "");
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("false"));
    assert_eq!(
        section.error_of(&email),
        "Email chưa đúng, ví dụ: ten@example.com. Bạn có thể để trống."
    );

    // Name and e-mail fine, comment not: the comment box.
    type_value(&email, "");
    settle().await;
    section.submit_button().click();
    settle().await;
    assert!(is_focused(&textarea), "the comment box has the focus");
    assert_eq!(section.error_of(&email), "");
    assert_eq!(
        textarea.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        section.messages(),
        vec![
            "Bình luận cần viết Tiếng Việt có dấu; những chữ như “Bai” đang thiếu dấu.",
            "Hãy gõ có dấu, ví dụ “Bài viết rất hay” thay vì “Bai viet rat hay”.",
        ]
    );

    sleep(200).await;
    assert_eq!(requests.posts().len(), 0, "an invalid form posts nothing");
    // The notices are live regions, always on the page (so screen readers hear what is put in
    // them), and empty: nothing was posted.
    assert_eq!(section.ok_text(), "", "no notice of a post");
    assert_eq!(section.error_text(), "", "no notice of a failure");
    assert_eq!(
        section.ok_notice().get_attribute("role").as_deref(),
        Some("status")
    );
    assert_eq!(
        section.error_notice().get_attribute("role").as_deref(),
        Some("alert")
    );
    assert_eq!(
        text_draft(SLUG).and_then(|d| d.get("pending").cloned()),
        Some(serde_json::Value::Null),
        "no post is pending"
    );
}

#[wasm_bindgen_test]
async fn english_readers_get_english_feedback() {
    clear_drafts("quy-tac-tieng-anh");
    let lang = RwSignal::new(Lang::En);
    let section = Section::mount("quy-tac-tieng-anh", lang).await;
    assert_eq!(section.counter(), "0/10 words");

    let textarea = section.textarea();
    type_words(&textarea, &words(SHORT), |_, typed| {
        assert_eq!(section.counter(), format!("{typed}/10 words"));
    })
    .await;
    assert_eq!(
        section.texts(".rule-checklist li"),
        vec![
            "At least 10 words: not met",
            "Vietnamese with diacritics: met",
            "No links: met",
            "At most 2000 characters: met",
        ]
    );
    focus_and_leave(&textarea);
    settle().await;
    assert_eq!(section.messages(), vec![MIN_WORDS_4_EN]);

    // The language switch changes the feedback in place.
    lang.set(Lang::Vi);
    settle().await;
    assert_eq!(section.counter(), "4/10 chữ");
    assert_eq!(section.messages(), vec![MIN_WORDS_4]);
    assert_eq!(
        section
            .texts(".rule-checklist li")
            .first()
            .map(String::as_str),
        Some("Tối thiểu 10 chữ: chưa đạt")
    );
}

#[wasm_bindgen_test]
async fn screen_readers_hear_a_summary_only_once_typing_pauses() {
    clear_drafts("quy-tac-doc-man-hinh");
    let section = Section::mount_vi("quy-tac-doc-man-hinh").await;
    let region = section.live_region();
    assert_eq!(region.get_attribute("aria-atomic").as_deref(), Some("true"));
    assert_eq!(region.text_content().as_deref(), Some(""));
    let heard = TextRecorder::on(&region);

    // Four words, 400 ms apart: a summary per keystroke would be heard 1.2 s after the first.
    let textarea = section.textarea();
    for typed in 1..=words(SHORT).len() {
        let text = words(SHORT)[..typed].join(" ");
        type_value(&textarea, &text);
        sleep(400).await;
    }
    sleep(400).await; // 800 ms after the last keystroke: still typing, for all anyone knows.
    assert_eq!(heard.texts(), Vec::<String>::new(), "nothing while typing");
    assert_eq!(region.text_content().as_deref(), Some(""));

    sleep(700).await; // 1.5 s after the last keystroke.
    assert_eq!(
        heard.texts(),
        vec!["4/10 chữ"],
        "one summary, after the pause"
    );

    // After leaving the box, the summary says what to fix first.
    focus_and_leave(&textarea);
    sleep(1500).await;
    let summary = format!("4/10 chữ. {MIN_WORDS_4}");
    assert_eq!(heard.texts(), vec!["4/10 chữ".to_owned(), summary]);

    type_value(&textarea, GOOD);
    sleep(1500).await;
    assert_eq!(
        region.text_content().as_deref(),
        Some("16/10 chữ. Bình luận đã đạt mọi yêu cầu.")
    );
}

// ---------------------------------------------------------------------------------------------
// Drafts.

#[wasm_bindgen_test]
async fn name_email_and_comment_are_saved_as_drafts_while_typing() {
    const SLUG: &str = "ban-nhap-luu";
    clear_drafts(SLUG);
    let section = Section::mount_vi(SLUG).await;
    type_value(&section.name_input(), "Nguyễn Văn An");
    type_value(&section.email_input(), "an@example.com");
    type_value(&section.textarea(), SHORT);
    settle().await;

    assert!(
        drafts(SLUG)
            .iter()
            .all(|(key, _)| key.starts_with("binhluan:draft:")),
        "{:?}",
        drafts(SLUG)
    );
    let author = author_draft(SLUG).expect("an author draft");
    assert_eq!(author["name"], "Nguyễn Văn An");
    assert_eq!(author["email"], "an@example.com");
    let text = text_draft(SLUG).expect("a comment draft");
    assert_eq!(text["content"], SHORT);

    // Every input is saved, not just the first.
    type_value(&section.textarea(), GOOD);
    settle().await;
    assert_eq!(text_draft(SLUG).unwrap()["content"], GOOD);
}

#[wasm_bindgen_test]
async fn a_fresh_section_for_the_same_article_restores_the_drafts() {
    const SLUG: &str = "ban-nhap-khoi-phuc";
    clear_drafts(SLUG);
    let first = Section::mount_vi(SLUG).await;
    type_value(&first.name_input(), "Trần Thị Bình");
    type_value(&first.email_input(), "binh@example.vn");
    type_value(&first.textarea(), GOOD);
    settle().await;

    let again = Section::mount_vi(SLUG).await;
    assert_eq!(native_value(&again.name_input()), "Trần Thị Bình");
    assert_eq!(native_value(&again.email_input()), "binh@example.vn");
    assert_eq!(native_value(&again.textarea()), GOOD);
    assert_eq!(again.counter(), "16/10 chữ");
    assert_eq!(
        again.checklist(),
        checklist("is-met", "is-met", "is-met", "is-met")
    );
    assert_eq!(
        again.messages(),
        Vec::<String>::new(),
        "a restored draft scolds nobody"
    );
}

#[wasm_bindgen_test]
async fn another_article_starts_with_an_empty_form() {
    const SLUG: &str = "ban-nhap-bai-mot";
    const OTHER: &str = "ban-nhap-bai-hai";
    clear_drafts(SLUG);
    clear_drafts(OTHER);
    let first = Section::mount_vi(SLUG).await;
    type_value(&first.name_input(), "Lê Văn Cường");
    type_value(&first.textarea(), GOOD);
    settle().await;

    let other = Section::mount_vi(OTHER).await;
    assert_eq!(native_value(&other.name_input()), "");
    assert_eq!(native_value(&other.email_input()), "");
    assert_eq!(native_value(&other.textarea()), "");
    assert_eq!(other.counter(), "0/10 chữ");
    assert!(text_draft(OTHER).is_none_or(|d| d["content"] == ""));
    assert_eq!(text_draft(SLUG).unwrap()["content"], GOOD);
}

#[wasm_bindgen_test]
async fn a_failed_post_keeps_the_text_in_the_box_and_in_the_draft() {
    const SLUG: &str = "ban-nhap-gui-that-bai";
    clear_drafts(SLUG);
    let requests = RequestRecorder::on(&format!("/articles/{SLUG}/comments"));
    let section = Section::mount_vi(SLUG).await;
    let textarea = section.textarea();
    type_value(&section.name_input(), "Phạm Minh Đức");
    type_value(&textarea, GOOD);
    settle().await;

    section.submit_button().click();
    wait_until("the post's failure notice", 5000, || {
        !section.error_text().is_empty()
    })
    .await;
    let notice = section.error_notice();
    assert_eq!(notice.text_content().as_deref(), Some(SERVER_FAILED));
    assert_eq!(section.ok_text(), "", "nothing says the post went through");
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    assert!(has_class(&notice, "is-error"));
    let posts = requests.posts();
    assert_eq!(posts.len(), 1);
    assert!(
        posts[0]
            .url
            .ends_with(&format!("/api/articles/{SLUG}/comments")),
        "{}",
        posts[0].url
    );

    assert_eq!(native_value(&textarea), GOOD, "the text stays in the box");
    assert!(!textarea.has_attribute("readonly"), "and can be edited");
    assert!(is_focused(&textarea), "the reader is taken back to it");
    assert_eq!(section.counter(), "16/10 chữ");
    let button = section.submit_button();
    assert_eq!(button.text_content().as_deref(), Some("Gửi bình luận"));
    assert!(!button.has_attribute("disabled"));
    assert_eq!(
        button.get_attribute("aria-disabled").as_deref(),
        Some("false"),
        "the button works again"
    );

    let draft = text_draft(SLUG).expect("the draft survives the failure");
    assert_eq!(draft["content"], GOOD);
    let pending = &draft["pending"];
    let key = pending["key"].as_str().expect("a pending idempotency key");
    assert!(!key.is_empty());
    assert_eq!(
        requests.posts()[0].key.as_deref(),
        Some(key),
        "the key kept is the one the post was sent with ({IDEMPOTENCY_KEY_HEADER})"
    );
    let sent: NewComment = serde_json::from_value(pending["comment"].clone()).unwrap();
    assert_eq!(sent, posted("Phạm Minh Đức", GOOD));
}

#[wasm_bindgen_test]
async fn a_retry_reuses_the_idempotency_key_until_the_text_changes() {
    const SLUG: &str = "ban-nhap-gui-lai";
    clear_drafts(SLUG);
    let requests = RequestRecorder::on(&format!("/articles/{SLUG}/comments"));
    let section = Section::mount_vi(SLUG).await;
    type_value(&section.name_input(), "Hoàng Thu Hà");
    type_value(&section.textarea(), GOOD);
    settle().await;
    let post_and_wait = |count: usize| {
        let section = &section;
        let requests = &requests;
        async move {
            section.submit_button().click();
            wait_until("the post's answer", 5000, || {
                requests.posts().len() == count
                    && !section.error_text().is_empty()
                    && !section.is_sending()
            })
            .await;
        }
    };

    post_and_wait(1).await;
    post_and_wait(2).await;
    let posts = requests.posts();
    assert!(posts[0].key.is_some());
    assert_eq!(posts[0].key, posts[1].key, "a retry never posts twice");

    let edited = format!("{GOOD} Mong tác giả viết thêm.");
    type_value(&section.textarea(), &edited);
    settle().await;
    post_and_wait(3).await;
    let posts = requests.posts();
    assert_ne!(
        posts[2].key, posts[0].key,
        "an edited comment is a new post"
    );
    let draft = text_draft(SLUG).unwrap();
    assert_eq!(draft["pending"]["key"].as_str(), posts[2].key.as_deref());
    assert_eq!(draft["content"], edited.as_str());
}

// ---------------------------------------------------------------------------------------------
// Input methods: the app reads the box, never writes it.

#[wasm_bindgen_test]
async fn the_write_spy_logs_writes_through_the_element_but_not_the_simulated_ime() {
    let section = Section::mount_vi("bo-go-kiem-tra-gian-diep").await;
    let textarea = section.textarea();
    let spy = WriteSpy::on(&textarea);
    set_native_value(&textarea, "Việt");
    assert_eq!(spy.writes(), Vec::<String>::new());
    js_sys::Reflect::set(&textarea, &"value".into(), &"Viet".into()).unwrap();
    js_sys::Reflect::set(&textarea, &"selectionStart".into(), &JsValue::from(1)).unwrap();
    let select = js_sys::Reflect::get(&textarea, &"setSelectionRange".into()).unwrap();
    js_sys::Function::from(select)
        .call2(&textarea, &JsValue::from(0), &JsValue::from(2))
        .unwrap();
    assert_eq!(
        spy.writes(),
        vec![
            "value = \"Viet\"",
            "selectionStart = 1",
            "setSelectionRange(0, 2)"
        ]
    );
    assert_eq!(native_value(&textarea), "Viet");
}

#[wasm_bindgen_test]
async fn unikey_backspace_and_replace_edits_are_read_and_never_written_back() {
    const SLUG: &str = "bo-go-unikey";
    clear_drafts(SLUG);
    let section = Section::mount_vi(SLUG).await;
    let textarea = section.textarea();
    type_value(&textarea, IME_PREFIX);
    settle().await;
    assert_eq!(section.counter(), "7/10 chữ");
    let spy = WriteSpy::on(&textarea);

    // Telex "Vieetj" through Unikey: the keys that make a mark are swallowed, and the IME sends
    // Backspaces and the replacement instead. (key, inputType, data, value after, counter after)
    let p = IME_PREFIX;
    let steps: [(&str, &str, Option<&str>, String, &str); 10] = [
        ("V", "insertText", Some("V"), format!("{p}V"), "7/10 chữ"),
        ("i", "insertText", Some("i"), format!("{p}Vi"), "8/10 chữ"),
        ("e", "insertText", Some("e"), format!("{p}Vie"), "7/10 chữ"),
        // "e" again: Backspace, then "ê".
        (
            "Backspace",
            "deleteContentBackward",
            None,
            format!("{p}Vi"),
            "8/10 chữ",
        ),
        ("ê", "insertText", Some("ê"), format!("{p}Viê"), "7/10 chữ"),
        ("t", "insertText", Some("t"), format!("{p}Viêt"), "7/10 chữ"),
        // "j" (dấu nặng): Backspace ×2, then "ệt".
        (
            "Backspace",
            "deleteContentBackward",
            None,
            format!("{p}Viê"),
            "7/10 chữ",
        ),
        (
            "Backspace",
            "deleteContentBackward",
            None,
            format!("{p}Vi"),
            "8/10 chữ",
        ),
        (
            "ệt",
            "insertText",
            Some("ệt"),
            format!("{p}Việt"),
            "8/10 chữ",
        ),
        (
            ",",
            "insertText",
            Some(IME_SUFFIX),
            format!("{p}Việt{IME_SUFFIX}"),
            "12/10 chữ",
        ),
    ];
    for (key, input_type, data, value, counter) in &steps {
        let uncancelled = keystroke(&textarea, key, input_type, *data, value);
        assert!(uncancelled, "the app cancelled an event of {key:?}");
        settle().await;
        assert_eq!(section.counter(), *counter, "after {value:?}");
    }

    assert_eq!(native_value(&textarea), NFC);
    assert_eq!(
        section.checklist(),
        checklist("is-met", "is-met", "is-met", "is-met")
    );
    assert_eq!(text_draft(SLUG).unwrap()["content"], NFC);
    assert_eq!(
        spy.writes(),
        Vec::<String>::new(),
        "the app wrote to the box"
    );
}

#[wasm_bindgen_test]
async fn a_composition_is_read_on_every_input_and_at_compositionend() {
    const SLUG: &str = "bo-go-soan-thao";
    clear_drafts(SLUG);
    let section = Section::mount_vi(SLUG).await;
    let textarea = section.textarea();
    type_value(&textarea, IME_PREFIX);
    settle().await;
    let spy = WriteSpy::on(&textarea);

    // macOS Telex / GBoard: the word is composed, underlined, until committed.
    assert!(composition_start(&textarea), "compositionstart cancelled");
    settle().await;
    for (composed, counter) in [
        ("V", "7/10 chữ"),
        ("Vi", "8/10 chữ"),
        ("Vie", "7/10 chữ"),
        ("Viê", "7/10 chữ"),
        ("Việ", "7/10 chữ"),
        ("Việt", "8/10 chữ"),
    ] {
        composition_update(&textarea, composed, &format!("{IME_PREFIX}{composed}"));
        settle().await;
        assert_eq!(section.counter(), counter, "while composing {composed:?}");
    }
    composition_end(&textarea, "Việt");
    settle().await;
    assert_eq!(section.counter(), "8/10 chữ");
    assert_eq!(
        section.checklist(),
        checklist("is-unmet", "is-met", "is-met", "is-met")
    );

    type_value(&textarea, NFC);
    settle().await;
    assert_eq!(section.counter(), "12/10 chữ");
    assert_eq!(
        section.checklist(),
        checklist("is-met", "is-met", "is-met", "is-met")
    );
    assert_eq!(native_value(&textarea), NFC);
    assert_eq!(
        spy.writes(),
        Vec::<String>::new(),
        "the app wrote to the box"
    );
}

#[wasm_bindgen_test]
async fn a_commit_seen_only_at_compositionend_is_read() {
    const SLUG: &str = "bo-go-ket-thuc";
    clear_drafts(SLUG);
    let section = Section::mount_vi(SLUG).await;
    let textarea = section.textarea();
    type_value(&textarea, IME_PREFIX);
    settle().await;
    let spy = WriteSpy::on(&textarea);

    composition_start(&textarea);
    composition_update(&textarea, "Việ", &format!("{IME_PREFIX}Việ"));
    settle().await;
    assert_eq!(section.counter(), "7/10 chữ");
    // The input method commits "Việt" with no `input` event of its own.
    set_native_value(&textarea, &format!("{IME_PREFIX}Việt"));
    composition_end(&textarea, "Việt");
    settle().await;
    assert_eq!(section.counter(), "8/10 chữ");
    assert_eq!(
        text_draft(SLUG).unwrap()["content"],
        format!("{IME_PREFIX}Việt")
    );
    assert_eq!(
        spy.writes(),
        Vec::<String>::new(),
        "the app wrote to the box"
    );
}

#[wasm_bindgen_test]
async fn decomposed_nfd_input_counts_like_nfc() {
    const SLUG: &str = "bo-go-nfd";
    clear_drafts(SLUG);
    let section = Section::mount_vi(SLUG).await;
    let textarea = section.textarea();
    type_value(&textarea, NFC);
    settle().await;
    let (nfc_counter, nfc_checklist) = (section.counter(), section.checklist());
    assert_eq!(nfc_counter, "12/10 chữ");

    let spy = WriteSpy::on(&textarea);
    type_value(&textarea, NFD);
    settle().await;
    assert_eq!(section.counter(), nfc_counter);
    assert_eq!(section.checklist(), nfc_checklist);

    // The marks arriving one by one, as a macOS composition sends them.
    let prefix: String = NFD.split(' ').take(7).collect::<Vec<_>>().join(" ") + " ";
    type_value(&textarea, &prefix);
    settle().await;
    assert_eq!(section.counter(), "7/10 chữ");
    composition_start(&textarea);
    for (composed, counter) in [
        ("V", "7/10 chữ"),
        ("Vi", "8/10 chữ"),
        ("Vie", "7/10 chữ"),
        ("Vie\u{323}", "7/10 chữ"),
        ("Vie\u{323}\u{302}", "7/10 chữ"),
        ("Vie\u{323}\u{302}t", "8/10 chữ"),
    ] {
        composition_update(&textarea, composed, &format!("{prefix}{composed}"));
        settle().await;
        assert_eq!(section.counter(), counter, "while composing {composed:?}");
    }
    composition_end(&textarea, "Vie\u{323}\u{302}t");
    type_value(&textarea, NFD);
    settle().await;
    assert_eq!(section.counter(), "12/10 chữ");
    assert_eq!(native_value(&textarea), NFD, "the text is kept as typed");
    assert_eq!(
        section.find(".comment-backdrop").text_content().as_deref(),
        Some(NFD)
    );
    assert_eq!(text_draft(SLUG).unwrap()["content"], NFD);
    assert_eq!(
        spy.writes(),
        Vec::<String>::new(),
        "the app wrote to the box"
    );
}
