//! The comment's box: a textarea over a backdrop that marks the offending spans.

use binhluan_rules::{Violation, merged_spans};
use leptos::html::Div;
use leptos::prelude::*;

use super::state::FormState;
use crate::comments::highlight::Backdrop;
use crate::i18n::use_texts;

/// The labelled comment box `id`, described by the feedback `feedback_id`, first showing
/// `saved` (the draft's text), over a backdrop that marks `violations` once the reader left it.
/// Read on `input` and `compositionend`, never written while the reader types.
pub(super) fn content_field(
    form: FormState,
    id: String,
    feedback_id: String,
    saved: String,
    violations: Signal<Vec<Violation>>,
) -> impl IntoView {
    let texts = use_texts();
    let touched = form.content_touched;
    let textarea_ref = form.textarea_ref;
    let backdrop_ref = NodeRef::<Div>::new();
    let sync_scroll = move || {
        if let (Some(textarea), Some(backdrop)) =
            (textarea_ref.get_untracked(), backdrop_ref.get_untracked())
        {
            backdrop.set_scroll_top(textarea.scroll_top());
        }
    };
    let marked_spans = Signal::derive(move || {
        if !touched.get() {
            return Vec::new();
        }
        violations.with(|v| merged_spans(v))
    });
    view! {
        <div class="form-field">
            <label for=id.clone()>{move || texts().content_label}</label>
            <div class="comment-editor">
                <Backdrop text=form.content spans=marked_spans node_ref=backdrop_ref/>
                <textarea
                    id=id
                    name="content"
                    rows="5"
                    lang="vi"
                    spellcheck="false"
                    placeholder=move || texts().content_placeholder
                    prop:value=saved
                    readonly=move || form.sending()
                    aria-invalid=move || {
                        (touched.get() && !violations.with(Vec::is_empty)).to_string()
                    }
                    aria-describedby=feedback_id
                    node_ref=textarea_ref
                    on:input=move |_| form.read_text()
                    on:compositionend=move |_| form.read_text()
                    on:blur=move |_| form.leave(touched)
                    on:scroll=move |_| sync_scroll()
                ></textarea>
            </div>
        </div>
    }
}
