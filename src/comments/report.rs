//! "Báo cáo": a reader reports a comment for a reason (and words of their own, required for
//! "Lý do khác"), once; the thanks then stays, remembered in `localStorage`.

use binhluan_api::{MAX_REPORT_TEXT_CHARS, NewReport, ReportReason};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{ApiBase, report_comment};
use crate::i18n::use_texts;
use crate::storage::{self, reader_id};

/// Where a report stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Closed,
    Open,
    Sending,
    Failed,
    Sent,
}

/// The report button of comment `id`, its inline form, and the thanks.
#[component]
pub fn ReportButton(id: i64) -> impl IntoView {
    let texts = use_texts();
    let base = StoredValue::new(use_context::<ApiBase>().unwrap_or_default());
    let key = format!("binhluan:reported:{id}");
    let initial = if storage::get(&key).is_some() {
        Stage::Sent
    } else {
        Stage::Closed
    };
    let key = StoredValue::new(key);
    let stage = RwSignal::new(initial);
    let reason = RwSignal::new(ReportReason::Spam);
    let text = RwSignal::new(String::new());
    let missing_text =
        move || reason.get() == ReportReason::Other && text.with(|t| t.trim().is_empty());
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if missing_text() || stage.get_untracked() == Stage::Sending {
            return;
        }
        stage.set(Stage::Sending);
        let report = NewReport {
            reason: reason.get_untracked(),
            text: Some(text.get_untracked()).filter(|t| !t.trim().is_empty()),
        };
        spawn_local(async move {
            let sent = report_comment(&base.get_value(), id, &report, &reader_id()).await;
            if sent.is_ok() {
                storage::set(&key.get_value(), "1");
            }
            stage.try_set(if sent.is_ok() {
                Stage::Sent
            } else {
                Stage::Failed
            });
        });
    };
    // Kept as the stage moves between open, sending and failed: the form stays as typed.
    let showing_form =
        Memo::new(move |_| matches!(stage.get(), Stage::Open | Stage::Sending | Stage::Failed));
    let form = move || {
        view! {
            <form class="report-form" aria-label=move || texts().report on:submit=send>
                {ReportReason::ALL
                    .into_iter()
                    .enumerate()
                    .map(|(index, choice)| {
                        view! {
                            <label>
                                <input
                                    type="radio"
                                    name=format!("report-{id}")
                                    value=choice.code()
                                    prop:checked=move || reason.get() == choice
                                    on:change=move |_| reason.set(choice)
                                />
                                " "
                                {move || texts().report_reasons[index]}
                            </label>
                        }
                    })
                    .collect_view()}
                <label>
                    {move || texts().report_text}
                    <textarea
                        maxlength=MAX_REPORT_TEXT_CHARS.to_string()
                        on:input:target=move |ev| text.set(ev.target().value())
                    ></textarea>
                </label>
                <Show when=move || stage.get() == Stage::Failed>
                    <p class="report-error" role="alert">{move || texts().report_failed}</p>
                </Show>
                <button
                    type="submit"
                    disabled=move || missing_text() || stage.get() == Stage::Sending
                >
                    {move || texts().report_send}
                </button>
            </form>
        }
    };
    view! {
        <Show
            when=move || stage.get() != Stage::Sent
            fallback=move || view! { <span class="report-thanks" role="status">{move || texts().report_thanks}</span> }
        >
            <button
                type="button"
                class="link-button report-button"
                aria-expanded=move || (stage.get() != Stage::Closed).to_string()
                on:click=move |_| {
                    stage.update(|s| *s = if *s == Stage::Closed { Stage::Open } else { Stage::Closed })
                }
            >
                {move || texts().report}
            </button>
        </Show>
        {move || showing_form.get().then(form)}
    }
}
