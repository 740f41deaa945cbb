//! The audit log (admins): who decided what, newest first.

use binhluan_api::{AuditEntry, AuditPage};
use leptos::prelude::*;

use crate::api::{self, Reason};
use crate::i18n::{use_lang, use_texts};
use crate::session::use_auth;
use crate::time;
use crate::toasts::use_toasts;

/// The audit log's first page, then more on demand.
#[component]
pub fn AuditLog() -> impl IntoView {
    let auth = use_auth();
    let texts = use_texts();
    let lang = use_lang();
    let first = LocalResource::new(move || async move { auth.check(api::audit(None).await) });
    view! {
        <section class="audit" aria-labelledby="audit-heading">
            <h2 id="audit-heading">{move || texts().audit_heading}</h2>
            <Suspense fallback=move || view! { <p class="loading">{move || texts().loading}</p> }>
                {move || Suspend::new(async move {
                    match first.await {
                        Ok(page) => view! { <AuditTable page /> }.into_any(),
                        Err(failure) => {
                            view! { <p class="error" role="alert">{move || failure.message(lang.get())}</p> }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}

/// The entries loaded so far and "Xem thêm".
#[component]
fn AuditTable(page: AuditPage) -> impl IntoView {
    let auth = use_auth();
    let texts = use_texts();
    let lang = use_lang();
    let toasts = use_toasts();
    let entries = RwSignal::new(page.entries);
    let next_cursor = RwSignal::new(page.next_cursor);
    let more = Action::new_local(move |cursor: &String| {
        let cursor = cursor.clone();
        async move {
            match auth.check(api::audit(Some(cursor)).await) {
                Ok(page) => {
                    entries.update(|entries| entries.extend(page.entries));
                    next_cursor.set(page.next_cursor);
                }
                Err(failure) if failure.is_unauthorized() => {}
                Err(failure) => toasts.error(failure.message(lang.get_untracked())),
            }
        }
    });
    let row = move |entry: AuditEntry| {
        let AuditEntry {
            at,
            moderator,
            action,
            comment_id,
            reason,
            ..
        } = entry;
        let reason = move || {
            reason.as_deref().map(|code| match Reason::from_code(code) {
                Some(reason) => (texts().reason)(reason).to_owned(),
                None => code.to_owned(),
            })
        };
        let datetime = at.clone();
        view! {
            <tr>
                <td><time datetime=datetime>{move || time::format(&at, lang.get())}</time></td>
                <td>{moderator}</td>
                <td>{move || (texts().audit_action)(&action).to_owned()}</td>
                <td>"#" {comment_id}</td>
                <td>{reason}</td>
            </tr>
        }
    };
    view! {
        <Show
            when=move || entries.with(|e| !e.is_empty())
            fallback=move || view! { <p class="empty">{move || texts().audit_empty}</p> }
        >
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            {move || {
                                texts()
                                    .audit_columns
                                    .iter()
                                    .map(|column| view! { <th scope="col">{*column}</th> })
                                    .collect_view()
                            }}
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || entries.get() key=|entry| entry.id let:entry>
                            {row(entry)}
                        </For>
                    </tbody>
                </table>
            </div>
        </Show>
        <Show when=move || next_cursor.with(Option::is_some)>
            <button
                type="button"
                class="more"
                disabled=move || more.pending().get()
                on:click=move |_| {
                    if let Some(cursor) = next_cursor.get_untracked() {
                        more.dispatch(cursor);
                    }
                }
            >
                {move || texts().load_more}
            </button>
        </Show>
    }
}
