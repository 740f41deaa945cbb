//! The page for an address or article that does not exist.

use binhluan_view::NotFoundView;
use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::routes::show_title_in_document;
use crate::{Host, use_host};

/// "Không tìm thấy bài viết", with a way back to the front page.
#[component]
pub fn NotFound() -> impl IntoView {
    let texts = use_texts();
    show_title_in_document(Box::new(move || Some(texts().not_found_title.to_owned())));
    view! { <NotFoundView home_link=use_host() == Host::Page/> }
}
