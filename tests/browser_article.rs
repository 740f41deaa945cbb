//! Component tests of the article view, in headless Chromium (wasm-bindgen-test).

#![cfg(target_arch = "wasm32")]

use binhluan::comments::CommentSection;
use binhluan::i18n::{Lang, provide_lang};
use binhluan::routes::not_found::NotFound;
use binhluan_api::{Article, Block};
use binhluan_view::article::ArticleView;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!(
    "../content/articles/lan-toa-viec-hoc-va-lam-theo-bac-o-dang-bo-thi-xa-sa-pa.json"
);

fn seed() -> Article {
    serde_json::from_str(SEED).expect("the seed fixture is a valid Article")
}

/// Mounts `view` in a fresh element of the test page and returns that element.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), view).forget();
    host
}

fn text_of(host: &HtmlElement, selector: &str) -> String {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn shows_every_part_of_the_seed_article() {
    let host = mount(|| view! { <ArticleView article=seed() views=Signal::stored(2502)/> });
    assert_eq!(
        text_of(&host, "h1"),
        "Lan tỏa việc học và làm theo Bác ở Đảng bộ thị xã Sa Pa"
    );
    assert_eq!(text_of(&host, "time"), "15:40 17-05-2020");
    assert_eq!(
        host.query_selector("time")
            .unwrap()
            .unwrap()
            .get_attribute("datetime")
            .as_deref(),
        Some("2020-05-17T15:40:00+07:00")
    );
    assert_eq!(text_of(&host, ".article-views"), "2502 lượt xem");
    let lead = text_of(&host, ".article-lead");
    assert!(
        lead.starts_with("Laocaitv.vn - Sau 4 năm thực hiện Chỉ thị 05-CT/TW"),
        "{lead}"
    );
    assert!(text_of(&host, "figcaption").starts_with("Huyện ủy Sa Pa (nay là Thị ủy Sa Pa)"));
    assert!(text_of(&host, "blockquote").starts_with("Đồng chí Sùng A Lềnh"));
    assert_eq!(text_of(&host, ".article-byline"), "Lê Hưng - Hồng Hải");
    assert_eq!(
        host.query_selector_all("p.article-paragraph")
            .unwrap()
            .length(),
        5
    );
}

#[wasm_bindgen_test]
fn a_lost_picture_is_an_accessible_placeholder() {
    let host = mount(|| view! { <ArticleView article=seed() views=Signal::stored(0)/> });
    let placeholder = host
        .query_selector("figure [role=img]")
        .unwrap()
        .expect("a placeholder with role=img");
    let label = placeholder.get_attribute("aria-label").unwrap_or_default();
    assert!(label.contains("Huyện ủy Sa Pa"), "{label}");
    assert!(host.query_selector("figure img").unwrap().is_none());
}

#[wasm_bindgen_test]
fn a_fixture_with_an_image_url_shows_the_picture() {
    let mut article = seed();
    for block in &mut article.body {
        if let Block::Figure { image_url, .. } = block {
            *image_url = Some("/anh/hoi-nghi.jpg".to_owned());
        }
    }
    let host = mount(move || view! { <ArticleView article views=Signal::stored(0)/> });
    let img = host
        .query_selector("figure img")
        .unwrap()
        .expect("an <img>");
    assert_eq!(
        img.get_attribute("src").as_deref(),
        Some("/anh/hoi-nghi.jpg")
    );
    assert!(
        img.get_attribute("alt")
            .unwrap_or_default()
            .contains("Huyện ủy Sa Pa")
    );
    assert!(host.query_selector("figure [role=img]").unwrap().is_none());
}

#[wasm_bindgen_test]
fn article_text_is_never_parsed_as_html() {
    let mut article = seed();
    article.title = "<img src=x onerror=alert(1)>Tiêu đề".to_owned();
    article.body = vec![Block::Paragraph {
        text: "<script>alert(1)</script><b>đậm</b>".to_owned(),
    }];
    let host = mount(move || view! { <ArticleView article views=Signal::stored(0)/> });
    assert_eq!(text_of(&host, "h1"), "<img src=x onerror=alert(1)>Tiêu đề");
    assert_eq!(
        text_of(&host, ".article-paragraph"),
        "<script>alert(1)</script><b>đậm</b>"
    );
    assert!(host.query_selector("script, b, h1 img").unwrap().is_none());
}

#[wasm_bindgen_test]
fn the_comment_section_states_the_two_rules_under_its_heading() {
    let host = mount(|| view! { <CommentSection slug="bai-viet".to_owned()/> });
    assert_eq!(text_of(&host, "h2"), "Bình luận");
    let rules = host.query_selector_all(".comment-rules li").unwrap();
    assert_eq!(rules.length(), 2);
    assert_eq!(
        rules.item(0).unwrap().text_content().as_deref(),
        Some("Tối thiểu 10 chữ Tiếng việt có dấu")
    );
    assert_eq!(
        rules.item(1).unwrap().text_content().as_deref(),
        Some("Không chứa liên kết")
    );
}

/// Waits, a tick of Leptos's executor at a time (the effects of the last change run in its
/// ticks), until the tab is titled `expected`; panics after 100 ticks with the title it has.
async fn title_becomes(expected: &str) {
    let document = web_sys::window().unwrap().document().unwrap();
    for _ in 0..100 {
        if document.title() == expected {
            return;
        }
        leptos::task::tick().await;
    }
    assert_eq!(document.title(), expected, "after 100 ticks");
}

#[wasm_bindgen_test]
async fn the_not_found_page_names_the_tab_in_the_readers_language() {
    let lang = RwSignal::new(Lang::Vi);
    mount(move || {
        provide_lang(lang);
        view! { <NotFound/> }
    });
    title_becomes("Không tìm thấy bài viết").await;
    lang.set(Lang::En);
    title_becomes("Article not found").await;
}
