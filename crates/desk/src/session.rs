//! Who is logged in: the session resumed on load, kept in a context, and ended when the server
//! says it expired.

use binhluan_api::Session;
use leptos::prelude::*;

use crate::api::{self, Failure};
use crate::i18n::Lang;
use crate::i18n::Translated;

/// What starts a one-time login link's fragment.
const LINK_PREFIX: &str = "#dang-nhap=";

/// What the login form says above itself.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The session expired while the desk was in use.
    Expired,
    /// Resuming or logging in with a link failed.
    Failed(Failure),
}

impl Notice {
    /// The notice in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Notice::Expired => lang.texts().session_expired.to_owned(),
            Notice::Failed(failure) => failure.message(lang),
        }
    }
}

/// The session and the login form's notice, shared by every view.
#[derive(Clone, Copy, Debug)]
pub struct Auth {
    /// The session; `None` shows the login form.
    pub session: RwSignal<Option<Session>>,
    /// What the login form says.
    pub notice: RwSignal<Option<Notice>>,
}

impl Auth {
    /// Provides the context for the views below the caller.
    pub fn provide(session: Option<Session>, notice: Option<Notice>) -> Auth {
        let auth = Auth {
            session: RwSignal::new(session),
            notice: RwSignal::new(notice),
        };
        provide_context(auth);
        auth
    }

    /// The session's CSRF token, for writes (empty when logged out).
    pub fn csrf(self) -> String {
        self.session
            .with_untracked(|s| s.as_ref().map(|s| s.csrf_token.clone()))
            .unwrap_or_default()
    }

    /// Starts the session `session` has.
    pub fn log_in(self, session: Session) {
        self.notice.set(None);
        self.session.set(Some(session));
    }

    /// Passes `result` on, ending the session first when it failed with `401`.
    pub fn check<T>(self, result: Result<T, Failure>) -> Result<T, Failure> {
        if let Err(failure) = &result {
            self.expired(failure);
        }
        result
    }

    /// Whether `failure` ended the session (`401`): then the login form shows, saying so.
    pub fn expired(self, failure: &Failure) -> bool {
        if !failure.is_unauthorized() {
            return false;
        }
        self.notice.set(Some(Notice::Expired));
        self.session.set(None);
        true
    }
}

/// The session context.
pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}

/// On load: logs in with a one-time link (`#dang-nhap=TOKEN`, removed from the address
/// whatever the answer), else resumes the cookie's session.
pub async fn resume() -> (Option<Session>, Option<Notice>) {
    let mut notice = None;
    if let Some(token) = link_token() {
        let answer = api::login_link(token).await;
        forget_link();
        match answer {
            Ok(session) => return (Some(session), None),
            Err(failure) => notice = Some(Notice::Failed(failure)),
        }
    }
    match api::session().await {
        Ok(session) => (Some(session), None),
        Err(failure) if failure.is_unauthorized() => (None, notice),
        Err(failure) => (None, Some(Notice::Failed(failure))),
    }
}

/// The secret of a one-time login link in the address, if there is one.
fn link_token() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let token = hash.strip_prefix(LINK_PREFIX)?;
    (!token.is_empty()).then(|| token.to_owned())
}

/// Removes the link's fragment from the address, so it is neither bookmarked nor shared.
fn forget_link() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default() + &location.search().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
}
