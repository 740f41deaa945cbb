//! "Xem thêm…": the button that loads the next page of comments or of a comment's replies,
//! with what it says when that failed.

use leptos::prelude::*;

use crate::i18n::use_texts;

/// A load-more button: "Thử lại" after a failed load, with the error announced above it.
/// Clicks while a load is under way are the caller's to ignore.
#[component]
pub fn LoadMore(
    /// The button's classes.
    class: &'static str,
    /// Whether a load is under way.
    busy: RwSignal<bool>,
    /// Whether the last load failed.
    failed: RwSignal<bool>,
    /// What the button says.
    #[prop(into)]
    label: Signal<String>,
    /// Starts a load.
    on_click: Callback<()>,
) -> impl IntoView {
    let texts = use_texts();
    view! {
        <Show when=move || failed.get()>
            <p class="load-error" role="alert">{move || texts().comments_load_failed}</p>
        </Show>
        // Not `disabled` while loading: a disabled button drops the keyboard focus.
        <button
            type="button"
            class=class
            aria-disabled=move || busy.get().to_string()
            aria-busy=move || busy.get().to_string()
            on:click=move |_| on_click.run(())
        >
            {move || if failed.get() { texts().retry.to_owned() } else { label.get() }}
        </button>
    }
}
