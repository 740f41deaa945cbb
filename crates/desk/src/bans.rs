//! Bans: the form that bans a comment's author ("Cấm": one day, seven days or for good, a
//! note, and whether to reject their pending comments), and the bans in force with "Bỏ cấm".

use binhluan_api::{Ban, NewBan};
use leptos::prelude::*;

use crate::api;
use crate::i18n::{use_lang, use_texts};
use crate::session::use_auth;
use crate::tabs::use_counts;
use crate::time;
use crate::toasts::use_toasts;

/// The lengths the form offers, in days (`None`: for good), in the order of `ban_lengths`.
const LENGTHS: [Option<u32>; 3] = [Some(1), Some(7), None];

/// "Cấm" and, once pressed, the form that bans the author of comment `id`.
#[component]
pub fn BanForm(
    /// The comment whose author the form bans.
    id: i64,
) -> impl IntoView {
    let auth = use_auth();
    let texts = use_texts();
    let lang = use_lang();
    let toasts = use_toasts();
    let open = RwSignal::new(false);
    let length = RwSignal::new(0_usize);
    let note = RwSignal::new(String::new());
    let reject_pending = RwSignal::new(false);
    let send = Action::new_local(move |ban: &NewBan| {
        let ban = ban.clone();
        async move {
            match auth.check(api::ban(&auth.csrf(), &ban).await) {
                Ok(_) => {
                    toasts.say(texts().toast_banned.to_owned());
                    open.set(false);
                    note.set(String::new());
                }
                Err(failure) if failure.is_unauthorized() => {}
                Err(failure) => toasts.error(failure.message(lang.get_untracked())),
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        send.dispatch(NewBan {
            comment_id: id,
            days: LENGTHS[length.get_untracked()],
            note: note.get_untracked(),
            reject_pending: reject_pending.get_untracked(),
        });
    };
    let note_id = StoredValue::new(format!("ban-note-{id}"));
    view! {
        <button
            type="button"
            class="ban"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {move || texts().ban}
        </button>
        <Show when=move || open.get()>
            <form class="ban-form" aria-label=move || texts().ban_label on:submit=submit>
                <fieldset class="ban-lengths">
                    <legend class="visually-hidden">{move || texts().ban_label}</legend>
                    {(0..LENGTHS.len())
                        .map(|index| {
                            view! {
                                <label>
                                    <input
                                        type="radio"
                                        name=format!("ban-length-{id}")
                                        value=index.to_string()
                                        prop:checked=move || length.get() == index
                                        on:change=move |_| length.set(index)
                                    />
                                    " "
                                    {move || texts().ban_lengths[index]}
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <label for=note_id.get_value()>{move || texts().ban_note}</label>
                <textarea id=note_id.get_value() required maxlength="500" bind:value=note></textarea>
                <label class="ban-reject">
                    <input type="checkbox" bind:checked=reject_pending />
                    " "
                    {move || texts().ban_reject_pending}
                </label>
                <button type="submit" class="ban-submit" disabled=move || send.pending().get()>
                    {move || texts().ban_submit}
                </button>
            </form>
        </Show>
    }
}

/// The bans in force, newest first, each with "Bỏ cấm".
#[component]
pub fn BanList() -> impl IntoView {
    let auth = use_auth();
    let texts = use_texts();
    let lang = use_lang();
    let toasts = use_toasts();
    let counts = use_counts();
    let bans = LocalResource::new(move || async move { auth.check(api::bans().await) });
    let unban = Action::new_local(move |id: &i64| {
        let id = *id;
        async move {
            match auth.check(api::unban(&auth.csrf(), id).await) {
                Ok(()) => {
                    toasts.say(texts().toast_unbanned.to_owned());
                    bans.refetch();
                    counts.refresh();
                }
                Err(failure) if failure.is_unauthorized() => {}
                Err(failure) => toasts.error(failure.message(lang.get_untracked())),
            }
        }
    });
    let row = move |ban: Ban| {
        let Ban {
            id,
            comment_id,
            reader,
            client,
            note,
            moderator,
            until,
            ..
        } = ban;
        let who = [reader, client]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        let until = move || match &until {
            Some(until) => time::format(until, lang.get()),
            None => texts().ban_forever.to_owned(),
        };
        view! {
            <tr data-ban=id>
                <td><code>{who}</code></td>
                <td>"#" {comment_id}</td>
                <td>{note}</td>
                <td>{moderator}</td>
                <td>{until}</td>
                <td>
                    <button
                        type="button"
                        class="unban"
                        disabled=move || unban.pending().get()
                        on:click=move |_| {
                            unban.dispatch(id);
                        }
                    >
                        {move || texts().unban}
                    </button>
                </td>
            </tr>
        }
    };
    view! {
        <section class="bans" aria-labelledby="bans-heading">
            <h2 id="bans-heading">{move || texts().bans_heading}</h2>
            <Suspense fallback=move || view! { <p class="loading">{move || texts().loading}</p> }>
                {move || Suspend::new(async move {
                    match bans.await {
                        Ok(list) if list.bans.is_empty() => {
                            view! { <p class="empty">{move || texts().bans_empty}</p> }.into_any()
                        }
                        Ok(list) => {
                            view! {
                                <div class="table-wrap">
                                    <table>
                                        <thead>
                                            <tr>
                                                {move || {
                                                    texts()
                                                        .bans_columns
                                                        .iter()
                                                        .map(|column| view! { <th scope="col">{*column}</th> })
                                                        .collect_view()
                                                }}
                                            </tr>
                                        </thead>
                                        <tbody>{list.bans.into_iter().map(row).collect_view()}</tbody>
                                    </table>
                                </div>
                            }
                                .into_any()
                        }
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
