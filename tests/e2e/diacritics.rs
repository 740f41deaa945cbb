//! "Thêm dấu tự động": a reader who typed without marks gets them with a tap, looks at the
//! changed words, picks another form of one, accepts, undoes, dismisses; and posts.

use binhluan_api::{CommentStatus, Restored};
use fantoccini::key::Key;
use serde_json::{Value, json};

use crate::support::{Browser, HostSite, SEED_SLUG, ServerOptions, TestServer};

const FORM: &str = "section.comments > form.comment-form";
const TYPED: &str = "Bai viet rat hay, cam on tac gia da chia se thong tin nay voi moi nguoi";

/// Opens the front page and types the name and `text` into the top-level form.
async fn type_comment(server: &TestServer, browser: &Browser, text: &str) {
    browser.goto(&server.url("/")).await;
    browser
        .type_into(&format!("{FORM} input[name=author_name]"), "Trần Văn Nam")
        .await;
    browser.type_into(&format!("{FORM} textarea"), text).await;
}

/// What the server proposes for `text`, asked over HTTP as the widget asks.
async fn proposal(server: &TestServer, text: &str) -> Restored {
    reqwest::Client::new()
        .post(server.url("/api/diacritics/restore"))
        .json(&json!({ "text": text }))
        .send()
        .await
        .expect("the API answers")
        .json()
        .await
        .expect("a proposal")
}

/// `text` with the characters `start..end` replaced by `by`.
fn replaced(text: &str, start: usize, end: usize, by: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let before: String = chars[..start].iter().collect();
    let after: String = chars[end..].iter().collect();
    format!("{before}{by}{after}")
}

async fn textarea_value(browser: &Browser) -> Value {
    browser
        .eval(&format!("document.querySelector('{FORM} textarea').value"))
        .await
}

async fn diacritics_line(browser: &Browser) -> Value {
    browser
        .eval(&format!(
            "document.querySelector('{FORM} .rule-checklist li[data-rule=diacritics]').className"
        ))
        .await
}

async fn wait_for_proposal(browser: &Browser) {
    browser
        .wait_until(
            "the proposal is shown",
            "!!document.querySelector('.restore-proposal .restore-accept')",
        )
        .await;
}

/// Presses Ctrl+Z in the comment box, as a reader undoing an edit would.
async fn undo(browser: &Browser) {
    browser
        .find(&format!("{FORM} textarea"))
        .await
        .send_keys(&format!("{}z{}", Key::Control, Key::Null))
        .await
        .expect("the keys are pressed");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reader_restores_the_marks_picks_a_form_accepts_undoes_and_posts() {
    let server = TestServer::start(ServerOptions::default()).await;
    let browser = Browser::phone().await;
    type_comment(&server, &browser, TYPED).await;
    assert_eq!(diacritics_line(&browser).await, "is-unmet");

    browser.click(".restore-offer").await;
    wait_for_proposal(&browser).await;
    // Nothing changed in the box yet; the changed words are marked.
    assert_eq!(textarea_value(&browser).await, TYPED);
    let expected = proposal(&server, TYPED).await;
    let changed = browser.find_all(".restore-word.is-changed").await;
    assert!(changed.len() >= 10, "{} words marked", changed.len());

    // The reader opens a word with other forms and picks the first of them.
    let (index, word) = expected
        .words
        .iter()
        .enumerate()
        .find(|(_, w)| !w.alternatives.is_empty())
        .expect("a word has alternatives");
    let words = browser.find_all(".restore-word").await;
    assert_eq!(words.len(), expected.words.len(), "one button per word");
    words[index].click().await.expect("the word opens");
    let forms = browser.texts(".restore-forms .restore-form").await;
    assert!(
        forms.len() >= 2
            && forms
                .iter()
                .any(|f| *f == format!("{} (như đã gõ)", word.original)),
        "forms: {forms:?}"
    );
    let picked = &word.alternatives[0];
    let option = browser.find_all(".restore-forms .restore-form").await;
    option[1].click().await.expect("the form is picked");
    browser
        .wait_until(
            "the forms close",
            "!document.querySelector('.restore-forms')",
        )
        .await;
    let shown = browser.find_all(".restore-word").await[index]
        .text()
        .await
        .expect("text");
    assert!(shown.starts_with(picked.as_str()), "{shown} shows {picked}");

    // Accepting puts exactly that text in the box, the caret where it was (at the end).
    browser.click(".restore-accept").await;
    let accepted = replaced(&expected.text, word.start, word.end, picked);
    browser
        .wait_until(
            "the box has the restored text",
            &format!(
                "document.querySelector('{FORM} textarea').value === {}",
                Value::from(accepted.as_str())
            ),
        )
        .await;
    assert!(
        browser.find_all(".restore-proposal").await.is_empty(),
        "the proposal closes"
    );
    assert_eq!(
        browser
            .eval(&format!(
                "(() => {{ const t = document.querySelector('{FORM} textarea'); \
                 return [document.activeElement === t, t.selectionStart === t.value.length]; }})()"
            ))
            .await,
        json!([true, true]),
        "the box has the focus and the caret at the end"
    );
    browser
        .wait_until(
            "the form reads the new text",
            &format!(
                "document.querySelector('{FORM} .rule-checklist li[data-rule=diacritics]').className === 'is-met'"
            ),
        )
        .await;

    // One undo brings back what the reader typed, and the form reads it.
    undo(&browser).await;
    browser
        .wait_until(
            "the typed text is back",
            &format!(
                "document.querySelector('{FORM} textarea').value === {}",
                Value::from(TYPED)
            ),
        )
        .await;
    browser
        .wait_until(
            "the rule is unmet again",
            &format!(
                "document.querySelector('{FORM} .rule-checklist li[data-rule=diacritics]').className === 'is-unmet'"
            ),
        )
        .await;

    // Asked again and accepted as proposed, the comment posts.
    browser.click(".restore-offer").await;
    wait_for_proposal(&browser).await;
    browser.click(".restore-accept").await;
    browser
        .wait_until(
            "the box has the proposal",
            &format!(
                "document.querySelector('{FORM} textarea').value === {}",
                Value::from(expected.text.as_str())
            ),
        )
        .await;
    browser.click(&format!("{FORM} button[type=submit]")).await;
    browser
        .wait_until(
            "the comment is accepted",
            &format!("!!document.querySelector('{FORM} .form-notice.is-ok')?.textContent"),
        )
        .await;
    let pending = server.moderation_list(CommentStatus::Pending).await;
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].content, expected.text);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn dismissing_edits_and_failures_leave_the_readers_text_alone() {
    // The clock stands still: the minute's window of restores lasts the whole test.
    let server = TestServer::start(ServerOptions {
        stopped_clock: true,
        ..Default::default()
    })
    .await;
    let browser = Browser::phone().await;
    type_comment(&server, &browser, TYPED).await;

    // Dismissed: the text is untouched and the offer is back.
    browser.click(".restore-offer").await;
    wait_for_proposal(&browser).await;
    browser.click(".restore-dismiss").await;
    browser
        .wait_until(
            "the offer is back",
            "!document.querySelector('.restore-proposal') && !!document.querySelector('.restore-offer:not([hidden])')",
        )
        .await;
    assert_eq!(textarea_value(&browser).await, TYPED);

    // A proposal for an earlier text is withdrawn as soon as the reader types on.
    browser.click(".restore-offer").await;
    wait_for_proposal(&browser).await;
    browser.type_into(&format!("{FORM} textarea"), " nhe").await;
    browser
        .wait_until(
            "the stale proposal is gone",
            "!document.querySelector('.restore-proposal') && !!document.querySelector('.restore-offer:not([hidden])')",
        )
        .await;
    assert_eq!(textarea_value(&browser).await, format!("{TYPED} nhe"));

    // Past the client's limit the server's reason is shown, and the text stays. The widget
    // asked twice above; 28 more reach the limit of 30 a minute, and the next are refused.
    let client = reqwest::Client::new();
    for n in 0..30 {
        let asked = client
            .post(server.url("/api/diacritics/restore"))
            .json(&json!({ "text": "toi di hoc" }))
            .send()
            .await
            .expect("the API answers");
        let expected = if n < 28 { 200 } else { 429 };
        assert_eq!(asked.status(), expected, "request {n}");
    }
    browser.click(".restore-offer").await;
    let said = browser.non_empty_text(".restore-failure").await;
    assert!(said.contains("thử lại"), "the reader is told: {said}");
    assert_eq!(textarea_value(&browser).await, format!("{TYPED} nhe"));
    assert!(browser.find_all(".restore-proposal").await.is_empty());

    // Marked text, or text typed with the keyboard's Vietnamese mode off, gets no offer.
    for other in [
        "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin này với mọi người",
        "Baif vieets rats hay, camr own tacs gia dda chia ser thoong tin nayf",
    ] {
        browser
            .eval(&format!(
                "(() => {{ const t = document.querySelector('{FORM} textarea'); t.value = ''; \
                 t.dispatchEvent(new Event('input')); return true; }})()"
            ))
            .await;
        browser.type_into(&format!("{FORM} textarea"), other).await;
        let state = if other.is_ascii() {
            "is-unmet"
        } else {
            "is-met"
        };
        browser
            .wait_until(
                "the form has read the text",
                &format!(
                    "document.querySelector('{FORM} .rule-checklist li[data-rule=diacritics]').className === '{state}'"
                ),
            )
            .await;
        assert!(
            browser
                .find_all(".restore-offer:not([hidden])")
                .await
                .is_empty(),
            "no offer for {other:?}"
        );
    }
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_embedded_widget_restores_the_marks_inside_its_shadow_root() {
    let site = HostSite::bind().await;
    let server = TestServer::start(ServerOptions {
        allowed_origins: vec![site.origin()],
        ..ServerOptions::default()
    })
    .await;
    let page = format!(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Tin</title></head>\
         <body><div data-binhluan data-api=\"{origin}\" data-article=\"{SEED_SLUG}\"></div>\
         <script type=\"module\" src=\"{origin}/embed.js\"></script></body></html>",
        origin = server.origin()
    );
    let host = site.serve(&server.origin(), &[("tin.html", page)]);
    let browser = Browser::phone().await;
    browser.goto(&format!("{host}/tin.html")).await;
    let widget = "[data-binhluan]";
    browser
        .find_in_shadow(widget, "textarea")
        .await
        .send_keys(TYPED)
        .await
        .expect("typing works");
    browser
        .find_in_shadow(widget, ".restore-offer")
        .await
        .click()
        .await
        .expect("the offer is tapped");
    browser
        .find_in_shadow(widget, ".restore-accept")
        .await
        .click()
        .await
        .expect("accepted");
    let expected = proposal(&server, TYPED).await;
    browser
        .wait_until(
            "the embedded box has the restored text",
            &format!(
                "document.querySelector('{widget}').shadowRoot.querySelector('textarea').value === {}",
                Value::from(expected.text.as_str())
            ),
        )
        .await;
    browser.close().await;
}
