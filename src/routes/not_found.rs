//! The page for an address or article that does not exist.

use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::{Host, use_host};

/// "Không tìm thấy bài viết", with a way back to the front page.
#[component]
pub fn NotFound() -> impl IntoView {
    let texts = use_texts();
    set_document_title(texts().not_found_title);
    let on_own_page = use_host() == Host::Page;
    view! {
        <section class="not-found" aria-labelledby="not-found-title">
            <h1 id="not-found-title">{move || texts().not_found_title}</h1>
            <p>{move || texts().not_found_body}</p>
            {on_own_page.then(|| view! {
                <p>
                    <a href="/">{move || texts().back_home}</a>
                </p>
            })}
        </section>
    }
}

/// Sets the browser tab's title, on the app's own page only: a host page keeps its title.
pub fn set_document_title(title: &str) {
    if use_host() == Host::Page
        && let Some(document) = web_sys::window().and_then(|w| w.document())
    {
        document.set_title(title);
    }
}
