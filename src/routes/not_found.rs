//! The page for an address or article that does not exist.

use binhluan_view::NotFoundView;
use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::{Host, use_host};

/// "Không tìm thấy bài viết", with a way back to the front page.
#[component]
pub fn NotFound() -> impl IntoView {
    let texts = use_texts();
    show_title_in_document(Box::new(move || Some(texts().not_found_title.to_owned())));
    view! { <NotFoundView home_link=use_host() == Host::Page/> }
}

/// Keeps the browser tab's title to `title` (once it has one) in an `Effect`, on the app's own
/// page only: a host page keeps its title. (Boxed: one effect's code serves every page.)
pub fn show_title_in_document(title: Box<dyn Fn() -> Option<String>>) {
    if use_host() != Host::Page {
        return;
    }
    Effect::new(move |_| {
        if let Some(title) = title()
            && let Some(document) = web_sys::window().and_then(|w| w.document())
        {
            document.set_title(&title);
        }
    });
}
