//! What an address or article that does not exist shows.

use leptos::prelude::*;

use crate::i18n::use_texts;

/// "Không tìm thấy bài viết", with a link to the front page when `home_link` (on the site's
/// own pages, not inside a newsroom's).
#[component]
pub fn NotFoundView(
    /// Whether to offer the way back to the front page.
    home_link: bool,
) -> impl IntoView {
    let texts = use_texts();
    view! {
        <section class="not-found" aria-labelledby="not-found-title">
            <h1 id="not-found-title">{move || texts().not_found_title}</h1>
            <p>{move || texts().not_found_body}</p>
            {home_link.then(|| view! {
                <p>
                    <a href="/">{move || texts().back_home}</a>
                </p>
            })}
        </section>
    }
}
