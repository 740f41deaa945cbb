//! Bình Luận's moderation desk: a Leptos app of its own, served at `/kiem-duyet/`, where
//! moderators log in and decide on the comments readers post.
//!
//! `App` resumes the session and shows the login form or the desk; `api` talks to the
//! server; each view has its own small file. The desk is one page with no router: what it
//! shows is a signal.

// A queue item's view type nests deeper than the compiler's default limit (128) when the
// workspace is built together (the server's features reach Leptos's rendering types).
#![recursion_limit = "256"]

pub mod api;
pub mod audit;
pub mod bans;
pub mod bulk;
pub mod desk;
pub mod history;
pub mod i18n;
pub mod item;
pub mod keys;
pub mod list;
pub mod login;
pub mod policy;
pub mod queue;
pub mod reasons;
pub mod reported;
pub mod session;
pub mod tabs;
pub mod time;
pub mod toasts;

use leptos::prelude::*;

use crate::desk::Desk;
use crate::i18n::Translated;
use crate::i18n::{Lang, use_lang, use_texts};
use crate::login::LoginForm;
use crate::session::{Auth, Notice};

/// Mounts the desk on the page's body.
pub fn start() {
    leptos::mount::mount_to_body(App);
}

/// The desk: resumes the session (or logs in with a one-time link), then shows the login
/// form or the queues.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(Lang::initial());
    provide_context(lang);
    Effect::new(move || lang.get().apply());
    let texts = use_texts();
    let resumed = LocalResource::new(session::resume);
    view! {
        <Suspense fallback=move || view! { <p class="loading">{move || texts().loading}</p> }>
            {move || Suspend::new(async move {
                let (session, notice) = resumed.await;
                view! { <Shell session notice /> }
            })}
        </Suspense>
    }
}

/// The page once the session is known: the header, then the desk or the login form.
#[component]
fn Shell(session: Option<binhluan_api::Session>, notice: Option<Notice>) -> impl IntoView {
    let auth = Auth::provide(session, notice);
    let texts = use_texts();
    let lang = use_lang();
    let logged_in = Memo::new(move |_| auth.session.with(Option::is_some));
    let logout = Action::new_local(move |csrf: &String| {
        let csrf = csrf.clone();
        async move {
            // Logged out either way: a failed call leaves a session that expires by itself.
            let _ = api::logout(&csrf).await;
            auth.session.set(None);
        }
    });
    let who = move || {
        auth.session.with(|s| {
            s.as_ref()
                .map(|s| (texts().signed_in_as)(&s.name, s.role == binhluan_api::Role::Admin))
        })
    };
    view! {
        <header class="top">
            <h1>{move || texts().title}</h1>
            <div class="top-actions">
                <Show when=move || logged_in.get()>
                    <span class="who">{who}</span>
                    <button
                        type="button"
                        class="logout"
                        disabled=move || logout.pending().get()
                        on:click=move |_| {
                            logout.dispatch(auth.csrf());
                        }
                    >
                        {move || texts().logout}
                    </button>
                </Show>
                <button
                    type="button"
                    class="lang"
                    lang=move || lang.get().other().tag()
                    aria-label=move || texts().switch_language_label
                    on:click=move |_| lang.update(|l| *l = l.other())
                >
                    {move || texts().switch_language}
                </button>
            </div>
        </header>
        <main id="main">
            {move || match logged_in.get().then(|| auth.session.get_untracked()).flatten() {
                Some(session) => view! { <Desk session /> }.into_any(),
                None => view! { <LoginForm /> }.into_any(),
            }}
        </main>
    }
}
