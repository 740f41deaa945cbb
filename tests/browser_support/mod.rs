//! Helpers for the comment section's component tests (`tests/browser_comments.rs`): mounting a
//! section, reading its feedback, and replaying what a browser and an input method do to a
//! field.
//!
//! Events are built in a small JS module: the crate's web-sys features have no event init
//! dictionaries (`InputEventInit`, `CompositionEventInit`, `KeyboardEventInit`), and a test
//! must set `inputType`, `data` and `isComposing` exactly as a browser does.

// Each test binary that includes this module uses part of it.
#![allow(dead_code)]

pub mod fetch_mock;

use binhluan::comments::CommentSection;
use binhluan::i18n::{Lang, provide_lang};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement};

/// The prefix of every draft the app keeps in `localStorage`.
pub const DRAFT_PREFIX: &str = "binhluan:draft:";

#[wasm_bindgen(inline_js = r#"
const TEXTAREA_VALUE = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value");
const INPUT_VALUE = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value");
const valueOf = (el) => (el instanceof HTMLTextAreaElement ? TEXTAREA_VALUE : INPUT_VALUE);

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// The value through the prototype's accessors: a spy installed on the element never sees it.
export function nativeValue(el) {
  return valueOf(el).get.call(el);
}
export function setNativeValue(el, value) {
  valueOf(el).set.call(el, value);
}

// Each returns false when a listener cancelled the event.
export function fireKey(el, type, key, isComposing) {
  const init = { key, isComposing, bubbles: true, cancelable: true, composed: true };
  return el.dispatchEvent(new KeyboardEvent(type, init));
}
export function fireBeforeInput(el, inputType, data, isComposing) {
  const init = { inputType, data, isComposing, bubbles: true, cancelable: !isComposing, composed: true };
  return el.dispatchEvent(new InputEvent("beforeinput", init));
}
export function fireInput(el, inputType, data, isComposing) {
  const init = { inputType, data, isComposing, bubbles: true, composed: true };
  return el.dispatchEvent(new InputEvent("input", init));
}
export function fireComposition(el, type, data) {
  const init = { data, bubbles: true, cancelable: type === "compositionstart", composed: true };
  return el.dispatchEvent(new CompositionEvent(type, init));
}

// Logs every write to the field's text or selection made through the element itself (as the
// app's code, web-sys and Leptos do), and any change to its children (its default text).
export function spyOnWrites(el) {
  const writes = [];
  const describe = (value) => JSON.stringify(value);
  for (const name of ["value", "defaultValue", "selectionStart", "selectionEnd",
                      "selectionDirection", "textContent", "innerText", "innerHTML"]) {
    let owner = el;
    let descriptor;
    while (owner && !(descriptor = Object.getOwnPropertyDescriptor(owner, name))) {
      owner = Object.getPrototypeOf(owner);
    }
    Object.defineProperty(el, name, {
      configurable: true,
      get() { return descriptor.get.call(this); },
      set(value) { writes.push(`${name} = ${describe(value)}`); descriptor.set.call(this, value); },
    });
  }
  for (const name of ["setSelectionRange", "setRangeText", "select"]) {
    const original = el[name];
    el[name] = function (...args) {
      writes.push(`${name}(${args.map(describe).join(", ")})`);
      return original.apply(this, args);
    };
  }
  const observer = new MutationObserver((records) => {
    for (const record of records) writes.push(`mutation: ${record.type}`);
  });
  observer.observe(el, { childList: true, characterData: true, subtree: true });
  return { writes, observer };
}
export function spiedWrites(spy) {
  for (const record of spy.observer.takeRecords()) spy.writes.push(`mutation: ${record.type}`);
  return JSON.stringify(spy.writes);
}

// Every text `el` shows from now on, one entry per batch of DOM changes.
export function recordTexts(el) {
  const texts = [];
  const observer = new MutationObserver(() => texts.push(el.textContent));
  observer.observe(el, { childList: true, characterData: true, subtree: true });
  return { el, texts, observer };
}
export function recordedTexts(recorder) {
  if (recorder.observer.takeRecords().length > 0) recorder.texts.push(recorder.el.textContent);
  return JSON.stringify(recorder.texts);
}

// Every request whose URL contains `urlPart`, passed on to the real `fetch`.
export function recordRequests(urlPart) {
  const original = window.fetch;
  const seen = [];
  window.fetch = function (input, init) {
    const request = input instanceof Request ? input : new Request(input, init);
    if (request.url.includes(urlPart)) {
      seen.push({ method: request.method, url: request.url,
                  key: request.headers.get("Idempotency-Key") });
    }
    return original.call(window, input, init);
  };
  return { seen, restore: () => { window.fetch = original; } };
}
export function recordedRequests(recorder) {
  return JSON.stringify(recorder.seen);
}
export function stopRecording(recorder) {
  recorder.restore();
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = sleep)]
    fn js_sleep(ms: u32) -> js_sys::Promise;

    /// The field's value, read past any spy.
    #[wasm_bindgen(js_name = nativeValue)]
    pub fn native_value(field: &Element) -> String;
    /// Sets the field's value as the browser or an input method does, past any spy.
    #[wasm_bindgen(js_name = setNativeValue)]
    pub fn set_native_value(field: &Element, value: &str);

    #[wasm_bindgen(js_name = fireKey)]
    fn fire_key(field: &Element, kind: &str, key: &str, is_composing: bool) -> bool;
    #[wasm_bindgen(js_name = fireBeforeInput)]
    fn fire_before_input(
        field: &Element,
        input_type: &str,
        data: Option<String>,
        is_composing: bool,
    ) -> bool;
    #[wasm_bindgen(js_name = fireInput)]
    fn fire_input(field: &Element, input_type: &str, data: Option<String>, is_composing: bool);
    #[wasm_bindgen(js_name = fireComposition)]
    fn fire_composition(field: &Element, kind: &str, data: &str) -> bool;

    /// A log of the writes made to one field, see [`WriteSpy`].
    type JsWriteSpy;
    #[wasm_bindgen(js_name = spyOnWrites)]
    fn spy_on_writes(field: &Element) -> JsWriteSpy;
    #[wasm_bindgen(js_name = spiedWrites)]
    fn spied_writes(spy: &JsWriteSpy) -> String;

    type JsTextRecorder;
    #[wasm_bindgen(js_name = recordTexts)]
    fn record_texts(element: &Element) -> JsTextRecorder;
    #[wasm_bindgen(js_name = recordedTexts)]
    fn recorded_texts(recorder: &JsTextRecorder) -> String;

    type JsRequestRecorder;
    #[wasm_bindgen(js_name = recordRequests)]
    fn record_requests(url_part: &str) -> JsRequestRecorder;
    #[wasm_bindgen(js_name = recordedRequests)]
    fn recorded_requests(recorder: &JsRequestRecorder) -> String;
    #[wasm_bindgen(js_name = stopRecording)]
    fn stop_recording(recorder: &JsRequestRecorder);
}

// ---------------------------------------------------------------------------------------------
// Time.

/// Waits `ms` milliseconds (a `setTimeout`), letting Leptos run its effects meanwhile.
pub async fn sleep(ms: u32) {
    JsFuture::from(js_sleep(ms))
        .await
        .expect("setTimeout resolves");
}

/// Lets the effects and re-renders scheduled by the last event run.
pub async fn settle() {
    sleep(20).await;
}

/// Polls `ready` every 20 ms for up to `timeout_ms`; panics naming `what` if it never holds.
pub async fn wait_until(what: &str, timeout_ms: u32, ready: impl Fn() -> bool) {
    let mut waited = 0;
    while !ready() {
        assert!(waited < timeout_ms, "waited {timeout_ms} ms for {what}");
        sleep(20).await;
        waited += 20;
    }
}

// ---------------------------------------------------------------------------------------------
// Mounting and reading.

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A `CommentSection` mounted in a fresh element of the test page.
pub struct Section {
    host: HtmlElement,
}

impl Section {
    /// Mounts the section of article `slug`, in the language `lang` (as `App` provides it), and
    /// lets it finish: Leptos sets a field's `value` (the restored draft) in a microtask after
    /// mounting, so a test that typed at once would see its text replaced.
    pub async fn mount(slug: &str, lang: RwSignal<Lang>) -> Section {
        let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
        document().body().unwrap().append_child(&host).unwrap();
        let slug = slug.to_owned();
        leptos::mount::mount_to(host.clone(), move || {
            provide_lang(lang);
            view! { <CommentSection slug/> }
        })
        .forget();
        settle().await;
        Section { host }
    }

    /// Mounts the section of article `slug` in Vietnamese.
    pub async fn mount_vi(slug: &str) -> Section {
        Section::mount(slug, RwSignal::new(Lang::Vi)).await
    }

    /// The one element matching `selector` in the section; panics if there is none.
    pub fn find(&self, selector: &str) -> Element {
        self.host
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
    }

    /// The text of every element matching `selector`, in document order.
    pub fn texts(&self, selector: &str) -> Vec<String> {
        let list = self.host.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
            .collect()
    }

    /// The comment box.
    pub fn textarea(&self) -> Element {
        self.find("textarea[name=content]")
    }

    /// The name field.
    pub fn name_input(&self) -> Element {
        self.find("input[name=author_name]")
    }

    /// The e-mail field.
    pub fn email_input(&self) -> Element {
        self.find("input[name=author_email]")
    }

    /// The submit button.
    pub fn submit_button(&self) -> HtmlElement {
        self.find("form.comment-form button[type=submit]")
            .unchecked_into()
    }

    /// "N/10 chữ".
    pub fn counter(&self) -> String {
        self.find(".word-counter")
            .text_content()
            .unwrap_or_default()
    }

    /// Whether the counter shows the minimum as reached.
    pub fn counter_is_met(&self) -> bool {
        has_class(&self.find(".word-counter"), "is-met")
    }

    /// The checklist: `(data-rule, state class)` per line.
    pub fn checklist(&self) -> Vec<(String, String)> {
        let list = self.host.query_selector_all(".rule-checklist li").unwrap();
        (0..list.length())
            .map(|i| {
                let line: Element = list.item(i).unwrap().unchecked_into();
                (
                    line.get_attribute("data-rule").unwrap_or_default(),
                    line.class_name(),
                )
            })
            .collect()
    }

    /// The messages under the checklist.
    pub fn messages(&self) -> Vec<String> {
        self.texts(".rule-messages li")
    }

    /// The text marked in the backdrop behind the box.
    pub fn marks(&self) -> Vec<String> {
        self.texts(".comment-backdrop mark")
    }

    /// The polite live region screen readers hear.
    pub fn live_region(&self) -> Element {
        self.find("[aria-live=polite]")
    }

    /// The top form's notice of an accepted post (`role=status`): always on the page, empty
    /// when there is nothing to say.
    pub fn ok_notice(&self) -> Element {
        self.find("form.comment-form .form-notice.is-ok")
    }

    /// The top form's notice of a failed post (`role=alert`): always on the page, empty when
    /// there is nothing to say.
    pub fn error_notice(&self) -> Element {
        self.find("form.comment-form .form-notice.is-error")
    }

    /// What [`Section::ok_notice`] says.
    pub fn ok_text(&self) -> String {
        self.ok_notice().text_content().unwrap_or_default()
    }

    /// What [`Section::error_notice`] says.
    pub fn error_text(&self) -> String {
        self.error_notice().text_content().unwrap_or_default()
    }

    /// Whether the top form's submit button says it is busy (`aria-disabled`, never
    /// `disabled`, which would drop the keyboard focus).
    pub fn is_sending(&self) -> bool {
        let button = self.submit_button();
        assert!(
            !button.has_attribute("disabled"),
            "the submit button is never `disabled`"
        );
        button.get_attribute("aria-disabled").as_deref() == Some("true")
    }

    /// The error shown under `field` (the last id in its `aria-describedby`).
    pub fn error_of(&self, field: &Element) -> String {
        let ids = field.get_attribute("aria-describedby").unwrap_or_default();
        let id = ids.split_whitespace().last().unwrap_or_default();
        document()
            .get_element_by_id(id)
            .unwrap_or_else(|| panic!("no element #{id}"))
            .text_content()
            .unwrap_or_default()
    }
}

// ---------------------------------------------------------------------------------------------
// The list of comments.

impl Section {
    /// The element that holds the section.
    pub fn host(&self) -> &HtmlElement {
        &self.host
    }

    /// Every element matching `selector` in the section, in document order.
    pub fn find_all(&self, selector: &str) -> Vec<Element> {
        let list = self.host.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().unchecked_into())
            .collect()
    }

    /// The ids of the top-level comments shown, in order.
    pub fn comment_ids(&self) -> Vec<i64> {
        self.find_all(".comment-list > article.comment")
            .iter()
            .map(|c| {
                c.get_attribute("data-comment-id")
                    .and_then(|id| id.parse().ok())
                    .expect("a comment has a numeric data-comment-id")
            })
            .collect()
    }

    /// The comment `id` (top-level or reply).
    pub fn comment(&self, id: i64) -> Element {
        self.find(&format!("article.comment[data-comment-id=\"{id}\"]"))
    }

    /// The ids of the replies shown under comment `id`, in order.
    pub fn reply_ids(&self, id: i64) -> Vec<i64> {
        self.find_all(&format!(
            "article.comment[data-comment-id=\"{id}\"] > .comment-replies > article.comment"
        ))
        .iter()
        .filter_map(|c| c.get_attribute("data-comment-id")?.parse().ok())
        .collect()
    }

    /// The like button of comment `id`.
    pub fn like_button(&self, id: i64) -> HtmlElement {
        self.find(&format!(
            "article.comment[data-comment-id=\"{id}\"] > .comment-actions > .like-button"
        ))
        .unchecked_into()
    }

    /// Whether comment `id` shows as liked (`aria-pressed`), and its count.
    pub fn like_state(&self, id: i64) -> (bool, String) {
        let button = self.like_button(id);
        let pressed = match button.get_attribute("aria-pressed").as_deref() {
            Some("true") => true,
            Some("false") => false,
            other => panic!("aria-pressed of comment {id}'s like: {other:?}"),
        };
        let count = button
            .query_selector(".like-count")
            .unwrap()
            .expect("a like count")
            .text_content()
            .unwrap_or_default();
        (pressed, count)
    }

    /// The like error under comment `id`, if shown.
    pub fn like_error(&self, id: i64) -> Option<String> {
        self.host
            .query_selector(&format!(
                "article.comment[data-comment-id=\"{id}\"] > .comment-actions > .like-error"
            ))
            .unwrap()
            .map(|e| e.text_content().unwrap_or_default())
    }

    /// The "Trả lời"/"Hủy" button of comment `id`.
    pub fn reply_toggle(&self, id: i64) -> HtmlElement {
        self.find(&format!(
            "article.comment[data-comment-id=\"{id}\"] > .comment-actions > .reply-button"
        ))
        .unchecked_into()
    }

    /// The reply form of comment `id`, if open.
    pub fn reply_form(&self, id: i64) -> Option<Element> {
        self.host
            .query_selector(&format!(
                "article.comment[data-comment-id=\"{id}\"] > form.comment-form"
            ))
            .unwrap()
    }

    /// "N bình luận".
    pub fn count(&self) -> String {
        self.find(".comment-count")
            .text_content()
            .unwrap_or_default()
    }

    /// The sort button labelled `label` ("Mới nhất", "Quan tâm nhất").
    pub fn sort_button(&self, label: &str) -> HtmlElement {
        self.find_all(".sort-button")
            .into_iter()
            .find(|b| b.text_content().as_deref() == Some(label))
            .unwrap_or_else(|| panic!("no sort button {label}"))
            .unchecked_into()
    }

    /// Whether the sort button labelled `label` is pressed.
    pub fn sort_pressed(&self, label: &str) -> bool {
        self.sort_button(label)
            .get_attribute("aria-pressed")
            .as_deref()
            == Some("true")
    }

    /// The "Xem thêm bình luận" button, if shown.
    pub fn load_more(&self) -> Option<HtmlElement> {
        self.host
            .query_selector(".load-more")
            .unwrap()
            .map(JsCast::unchecked_into)
    }

    /// Comment `id`'s "Xem thêm N trả lời" button, if shown.
    pub fn more_replies(&self, id: i64) -> Option<HtmlElement> {
        self.host
            .query_selector(&format!(
                "article.comment[data-comment-id=\"{id}\"] > .comment-replies > .more-replies"
            ))
            .unwrap()
            .map(JsCast::unchecked_into)
    }

    /// The text of the list's error messages (`.load-error`).
    pub fn load_errors(&self) -> Vec<String> {
        self.texts(".load-error")
    }
}

/// The app's stylesheet on the test page, until dropped: for what the CSS decides, such as what
/// a thread's state shows.
pub struct AppStyles(Element);

impl AppStyles {
    /// Adds `style/main.css` to the page (in place of one a failed test left behind).
    pub fn load() -> AppStyles {
        const ID: &str = "binhluan-test-styles";
        if let Some(left) = document().get_element_by_id(ID) {
            left.remove();
        }
        let style = document().create_element("style").unwrap();
        style.set_id(ID);
        style.set_text_content(Some(include_str!("../../style/main.css")));
        document().body().unwrap().append_child(&style).unwrap();
        AppStyles(style)
    }
}

impl Drop for AppStyles {
    fn drop(&mut self) {
        self.0.remove();
    }
}

/// Whether `element` is laid out: neither it nor an ancestor is `display: none` (by `hidden` or
/// by the stylesheet).
pub fn is_shown(element: &Element) -> bool {
    element
        .unchecked_ref::<HtmlElement>()
        .offset_parent()
        .is_some()
}

/// The element matching `selector` inside `element`; panics if there is none.
pub fn find_in(element: &Element, selector: &str) -> Element {
    element
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

/// The checklist of the seed policy with each rule's state, in the checklist's order.
pub fn checklist(
    min_words: &str,
    diacritics: &str,
    no_links: &str,
    max_length: &str,
) -> Vec<(String, String)> {
    [
        ("min_words", min_words),
        ("diacritics", diacritics),
        ("no_links", no_links),
        ("max_length", max_length),
    ]
    .into_iter()
    .map(|(rule, state)| (rule.to_owned(), state.to_owned()))
    .collect()
}

/// Whether `element` has the class `class`.
pub fn has_class(element: &Element, class: &str) -> bool {
    element.class_name().split_whitespace().any(|c| c == class)
}

/// Whether `element` has the focus.
pub fn is_focused(element: &Element) -> bool {
    document()
        .active_element()
        .is_some_and(|active| active.is_same_node(Some(element)))
}

/// Focuses `field`, then leaves it, as a reader tabbing away does.
pub fn focus_and_leave(field: &Element) {
    let field: &HtmlElement = field.unchecked_ref();
    field.focus().unwrap();
    field.blur().unwrap();
}

// ---------------------------------------------------------------------------------------------
// Typing.

/// The browser's report of a change to `field`: its value becomes `value`, then `input` fires
/// with `insertText` (as after a paste, an autofill, or a keystroke's net effect).
pub fn type_value(field: &Element, value: &str) {
    set_native_value(field, value);
    fire_input(field, "insertText", Some(value.to_owned()), false);
}

/// Types `words` one at a time (each followed by a space but the last), settling after each
/// and calling `after(text so far, words typed)`.
pub async fn type_words(field: &Element, words: &[&str], mut after: impl FnMut(&str, usize)) {
    let mut text = String::new();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(word);
        type_value(field, &text);
        settle().await;
        after(&text, i + 1);
    }
}

/// One keystroke on `field` outside any composition: `keydown`, `beforeinput`, the value becomes
/// `value`, `input` (with `input_type` and `data`), `keyup`. A Backspace an input method sends
/// is such a keystroke too. Returns false if the app cancelled any of its events.
pub fn keystroke(
    field: &Element,
    key: &str,
    input_type: &str,
    data: Option<&str>,
    value: &str,
) -> bool {
    let data = data.map(str::to_owned);
    let down = fire_key(field, "keydown", key, false);
    let before = fire_before_input(field, input_type, data.clone(), false);
    set_native_value(field, value);
    fire_input(field, input_type, data, false);
    let up = fire_key(field, "keyup", key, false);
    down && before && up
}

/// Starts a composition on `field` (`compositionstart`).
pub fn composition_start(field: &Element) -> bool {
    fire_key(field, "keydown", "Process", true) && fire_composition(field, "compositionstart", "")
}

/// One step of a composition: `compositionupdate` with the composed `data`, `beforeinput`, the
/// value becomes `value`, `input` with `isComposing: true`.
pub fn composition_update(field: &Element, data: &str, value: &str) {
    fire_key(field, "keydown", "Process", true);
    fire_composition(field, "compositionupdate", data);
    fire_before_input(field, "insertCompositionText", Some(data.to_owned()), true);
    set_native_value(field, value);
    fire_input(field, "insertCompositionText", Some(data.to_owned()), true);
}

/// Ends a composition with the committed `data` (`compositionend`).
pub fn composition_end(field: &Element, data: &str) {
    fire_composition(field, "compositionend", data);
}

// ---------------------------------------------------------------------------------------------
// Spies.

/// Logs the writes made to a field's value or selection through the element (the app's
/// writes); [`set_native_value`] goes around it, so the simulated input method is not logged.
pub struct WriteSpy(JsWriteSpy);

impl WriteSpy {
    /// Starts logging the writes to `field`.
    pub fn on(field: &Element) -> WriteSpy {
        WriteSpy(spy_on_writes(field))
    }

    /// The writes so far, e.g. `value = "…"` or `setSelectionRange(3, 3)`.
    pub fn writes(&self) -> Vec<String> {
        serde_json::from_str(&spied_writes(&self.0)).unwrap()
    }
}

/// Records the text an element shows from now on.
pub struct TextRecorder(JsTextRecorder);

impl TextRecorder {
    /// Starts recording what `element` shows.
    pub fn on(element: &Element) -> TextRecorder {
        TextRecorder(record_texts(element))
    }

    /// Every text shown since recording started.
    pub fn texts(&self) -> Vec<String> {
        serde_json::from_str(&recorded_texts(&self.0)).unwrap()
    }
}

/// One request the app made.
#[derive(Debug, serde::Deserialize)]
pub struct SeenRequest {
    /// `GET`, `POST`….
    pub method: String,
    /// The absolute URL.
    pub url: String,
    /// The `Idempotency-Key` header, if sent.
    pub key: Option<String>,
}

/// Records the requests to URLs containing a string, until dropped.
pub struct RequestRecorder(JsRequestRecorder);

impl RequestRecorder {
    /// Starts recording the requests whose URL contains `url_part`.
    pub fn on(url_part: &str) -> RequestRecorder {
        RequestRecorder(record_requests(url_part))
    }

    /// The `POST`s seen so far.
    pub fn posts(&self) -> Vec<SeenRequest> {
        let seen: Vec<SeenRequest> = serde_json::from_str(&recorded_requests(&self.0)).unwrap();
        seen.into_iter().filter(|r| r.method == "POST").collect()
    }
}

impl Drop for RequestRecorder {
    fn drop(&mut self) {
        stop_recording(&self.0);
    }
}

// ---------------------------------------------------------------------------------------------
// Drafts.

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// The drafts kept for article `slug`: `(key, parsed JSON)` of every `localStorage` entry whose
/// key starts with [`DRAFT_PREFIX`] and names the slug.
pub fn drafts(slug: &str) -> Vec<(String, serde_json::Value)> {
    let storage = local_storage();
    let segment = format!(":{slug}:");
    (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|key| key.starts_with(DRAFT_PREFIX) && key.contains(&segment))
        .map(|key| {
            let json = storage.get_item(&key).unwrap().unwrap();
            let value = serde_json::from_str(&json)
                .unwrap_or_else(|e| panic!("draft {key} is not JSON ({e}): {json}"));
            (key, value)
        })
        .collect()
}

/// The draft of `slug` holding a comment text (a `content` field), if any.
pub fn text_draft(slug: &str) -> Option<serde_json::Value> {
    drafts(slug)
        .into_iter()
        .map(|(_, value)| value)
        .find(|value| value.get("content").is_some())
}

/// The draft of `slug` holding the author (a `name` field), if any.
pub fn author_draft(slug: &str) -> Option<serde_json::Value> {
    drafts(slug)
        .into_iter()
        .map(|(_, value)| value)
        .find(|value| value.get("name").is_some())
}

/// Forgets every draft of `slug`, so a test starts from an empty form.
pub fn clear_drafts(slug: &str) {
    let storage = local_storage();
    for (key, _) in drafts(slug) {
        storage.remove_item(&key).unwrap();
    }
}
