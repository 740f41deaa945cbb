//! The author's name and e-mail, with what is wrong with them once the reader left them.

use binhluan_api::author::AuthorProblem;
use leptos::prelude::*;

use super::state::FormState;
use crate::comments::draft::Author;
use crate::comments::field::TextField;
use crate::i18n::{Texts, use_texts};

fn author_problem_message(texts: &Texts, problem: AuthorProblem) -> &'static str {
    match problem {
        AuthorProblem::NameTooShort => texts.name_too_short,
        AuthorProblem::NameTooLong => texts.name_too_long,
        AuthorProblem::NameHasControl => texts.name_has_control,
        AuthorProblem::NameHasLink => texts.name_has_link,
        AuthorProblem::EmailInvalid => texts.email_invalid,
    }
}

/// The name and e-mail fields side by side, their ids under the form's prefix `id`, first
/// showing `saved` (the draft's), kept in the draft as the reader types.
pub(super) fn author_fields(form: FormState, id: String, saved: Author) -> impl IntoView {
    let texts = use_texts();
    let message = move |touched: RwSignal<bool>,
                        problem: fn(FormState) -> Option<AuthorProblem>| {
        Signal::derive(move || {
            touched
                .get()
                .then(|| problem(form))
                .flatten()
                .map(|p| author_problem_message(texts(), p))
        })
    };
    let save_author = Callback::new(move |()| form.save_author());
    view! {
        <div class="form-row">
            <TextField
                id=format!("{id}-name")
                name="author_name"
                kind="text"
                autocomplete="name"
                label=|t| t.name_label
                initial=saved.name
                value=form.name
                error=message(form.name_touched, FormState::name_problem)
                node_ref=form.name_ref
                on_input=save_author
                on_leave=Callback::new(move |()| form.leave(form.name_touched))
            />
            <TextField
                id=format!("{id}-email")
                name="author_email"
                kind="email"
                autocomplete="email"
                label=|t| t.email_label
                note=|t| t.email_note
                initial=saved.email
                value=form.email
                error=message(form.email_touched, FormState::email_problem)
                node_ref=form.email_ref
                on_input=save_author
                on_leave=Callback::new(move |()| form.leave(form.email_touched))
            />
        </div>
    }
}
