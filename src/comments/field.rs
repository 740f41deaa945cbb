//! One labelled one-line field of the form (name, e-mail), with its note and its error.

use leptos::html::Input;
use leptos::prelude::*;

use crate::i18n::{Texts, use_texts};

/// What a field asks, in the reader's language.
pub type Label = fn(&Texts) -> &'static str;

/// A labelled input whose text lives in `value`. `on_input` runs after each change (to save
/// the draft), `on_leave` when the focus leaves it.
#[component]
pub fn TextField(
    /// The element id of the input; its note and error get ids derived from it.
    id: String,
    /// The `name` attribute, which also tells browsers what to autofill.
    name: &'static str,
    /// The input's `type` (`text`, `email`).
    kind: &'static str,
    /// The `autocomplete` hint.
    autocomplete: &'static str,
    /// The label.
    label: Label,
    /// A note under the field, if any.
    #[prop(optional)]
    note: Option<Label>,
    /// The text as first shown (from the draft).
    initial: String,
    /// The text as the reader types it.
    value: RwSignal<String>,
    /// What is wrong with it, once it should be said.
    #[prop(into)]
    error: Signal<Option<&'static str>>,
    /// Lets the form move the focus here.
    node_ref: NodeRef<Input>,
    /// Runs after each change.
    on_input: Callback<()>,
    /// Runs when the focus leaves.
    on_leave: Callback<()>,
) -> impl IntoView {
    let texts = use_texts();
    let note_id = format!("{id}-note");
    let error_id = format!("{id}-error");
    let described_by = match note {
        Some(_) => format!("{note_id} {error_id}"),
        None => error_id.clone(),
    };
    view! {
        <div class="form-field">
            <label for=id.clone()>{move || label(texts())}</label>
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                prop:value=initial
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described_by
                node_ref=node_ref
                on:input:target=move |event| {
                    value.set(event.target().value());
                    on_input.run(());
                }
                on:blur=move |_| on_leave.run(())
            />
            {note.map(|note| view! { <p class="field-note" id=note_id>{move || note(texts())}</p> })}
            <p class="field-error" id=error_id>{error}</p>
        </div>
    }
}
