//! The page for an address or article that does not exist.

use binhluan_view::NotFoundView;
use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::{Host, use_host};

/// "Không tìm thấy bài viết", with a way back to the front page.
#[component]
pub fn NotFound() -> impl IntoView {
    let texts = use_texts();
    set_document_title(texts().not_found_title);
    view! { <NotFoundView home_link=use_host() == Host::Page/> }
}

/// Sets the browser tab's title, on the app's own page only: a host page keeps its title.
pub fn set_document_title(title: &str) {
    if use_host() == Host::Page
        && let Some(document) = web_sys::window().and_then(|w| w.document())
    {
        document.set_title(title);
    }
}
