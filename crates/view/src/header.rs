//! The page's header.

use leptos::prelude::*;

use crate::i18n::use_texts;

/// A skip link to `#main`, the site's name, and `children`: the language switch (a button in
/// the app, a link on the server's pages).
#[component]
pub fn SiteHeader(children: Children) -> impl IntoView {
    let texts = use_texts();
    view! {
        <a class="skip-link" href="#main">{move || texts().skip_to_content}</a>
        <header class="site-header">
            <a class="site-name" href="/">{move || texts().site_name}</a>
            {children()}
        </header>
    }
}
