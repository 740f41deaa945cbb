//! The login form: a moderator's name and password.

use binhluan_api::Login;
use leptos::prelude::*;

use crate::api::{self, Failure};
use crate::i18n::{use_lang, use_texts};
use crate::session::use_auth;

/// Why the form did not log in.
#[derive(Clone, Debug, PartialEq)]
enum LoginError {
    /// A field is empty.
    Missing,
    /// The server refused or could not be reached.
    Failed(Failure),
}

/// The login form; a successful login shows the desk.
#[component]
pub fn LoginForm() -> impl IntoView {
    let auth = use_auth();
    let texts = use_texts();
    let lang = use_lang();
    let name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<LoginError>);
    let login = Action::new_local(move |login: &Login| {
        let login = login.clone();
        async move {
            match api::login(&login).await {
                Ok(session) => auth.log_in(session),
                Err(failure) => {
                    password.set(String::new());
                    error.set(Some(LoginError::Failed(failure)));
                }
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = Login {
            name: name.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
        };
        if request.name.is_empty() || request.password.is_empty() {
            error.set(Some(LoginError::Missing));
            return;
        }
        error.set(None);
        login.dispatch(request);
    };
    let message = move || {
        error.with(|e| {
            e.as_ref().map(|e| match e {
                LoginError::Missing => texts().login_missing.to_owned(),
                LoginError::Failed(failure) => failure.message(lang.get()),
            })
        })
    };
    let notice = move || {
        auth.notice
            .with(|n| n.as_ref().map(|n| n.message(lang.get())))
    };
    view! {
        <section class="login" aria-labelledby="login-heading">
            <h2 id="login-heading">{move || texts().login_heading}</h2>
            {move || notice().map(|text| view! { <p class="notice" role="status">{text}</p> })}
            <form on:submit=submit novalidate>
                <label for="login-name">{move || texts().name_label}</label>
                <input
                    id="login-name"
                    name="name"
                    type="text"
                    autocomplete="username"
                    autocapitalize="off"
                    spellcheck="false"
                    required
                    bind:value=name
                />
                <label for="login-password">{move || texts().password_label}</label>
                <input
                    id="login-password"
                    name="password"
                    type="password"
                    autocomplete="current-password"
                    required
                    bind:value=password
                />
                {move || {
                    message()
                        .map(|text| view! { <p class="error" id="login-error" role="alert">{text}</p> })
                }}
                <button type="submit" class="primary" disabled=move || login.pending().get()>
                    {move || {
                        if login.pending().get() { texts().logging_in } else { texts().login_submit }
                    }}
                </button>
            </form>
        </section>
    }
}
