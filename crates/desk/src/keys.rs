//! The keys: when they must not fire, and the dialog that lists them (`?`).

use leptos::ev;
use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::use_texts;

/// Whether a key press is not for the desk's shortcuts: with Ctrl, Alt or Meta, typed in a
/// field, or inside a dialog.
pub fn ignored(ev: &web_sys::KeyboardEvent) -> bool {
    if ev.ctrl_key() || ev.alt_key() || ev.meta_key() || ev.default_prevented() {
        return true;
    }
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    if target.is_content_editable() || target.closest("dialog").ok().flatten().is_some() {
        return true;
    }
    match target.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => {
            let kind = target.get_attribute("type").unwrap_or_default();
            !matches!(kind.as_str(), "checkbox" | "radio" | "button" | "submit")
        }
        _ => false,
    }
}

/// The button and the dialog that list the keys; `?` opens it too.
#[component]
pub fn KeysHelp() -> impl IntoView {
    let texts = use_texts();
    let dialog = NodeRef::<Dialog>::new();
    let open = move || {
        if let Some(dialog) = dialog.get_untracked()
            && !dialog.open()
        {
            let _ = dialog.show_modal();
        }
    };
    let handle = window_event_listener(ev::keydown, move |ev| {
        if ev.key() == "?" && !ignored(&ev) {
            ev.prevent_default();
            open();
        }
    });
    on_cleanup(move || handle.remove());
    view! {
        <button type="button" class="quiet keys-button" aria-keyshortcuts="?" on:click=move |_| open()>
            {move || texts().keys_button}
            " "
            <kbd>"?"</kbd>
        </button>
        <dialog node_ref=dialog class="keys" aria-labelledby="keys-heading">
            <h2 id="keys-heading">{move || texts().keys_heading}</h2>
            <dl>
                {move || {
                    texts()
                        .keys
                        .iter()
                        .map(|(key, what)| view! {
                            <div>
                                <dt><kbd>{*key}</kbd></dt>
                                <dd>{*what}</dd>
                            </div>
                        })
                        .collect_view()
                }}
            </dl>
            <form method="dialog">
                <button type="submit" class="primary">{move || texts().close}</button>
            </form>
        </dialog>
    }
}
