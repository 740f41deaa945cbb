//! "Báo cáo": a reader reports a comment for a reason (and words of their own, required for
//! "Lý do khác"), once; the thanks then stays, remembered in `localStorage`.

use binhluan_api::{NewReport, ReportReason};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{ApiBase, reader, report_comment};
use crate::i18n::use_texts;
use crate::local_storage;

/// The report button of comment `id`, its inline form, and the thanks.
#[component]
pub fn ReportButton(id: i64) -> impl IntoView {
    let texts = use_texts();
    let base = StoredValue::new(use_context::<ApiBase>().unwrap_or_default());
    let key = StoredValue::new(format!("binhluan:reported:{id}"));
    let sent = RwSignal::new(key.with_value(|key| local_storage::get(key).is_some()));
    let open = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let reason = RwSignal::new(ReportReason::Spam);
    let text = RwSignal::new(String::new());
    let missing_text =
        move || reason.get() == ReportReason::Other && text.with(|t| t.trim().is_empty());
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if missing_text() || busy.get_untracked() {
            return;
        }
        busy.set(true);
        let report = NewReport {
            reason: reason.get_untracked(),
            text: Some(text.get_untracked()).filter(|t| !t.trim().is_empty()),
        };
        spawn_local(async move {
            let base = base.get_value();
            let ok = report_comment(&base, id, &report, &reader(&base).await)
                .await
                .is_ok();
            if ok {
                local_storage::set(&key.get_value(), "1");
            }
            sent.try_set(ok);
            failed.try_set(!ok);
            busy.try_set(false);
        });
    };
    view! {
        <Show
            when=move || !sent.get()
            fallback=move || view! { <span class="report-thanks" role="status">{move || texts().report_thanks}</span> }
        >
            <button
                type="button"
                class="link-button report-button"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || texts().report}
            </button>
            <Show when=move || open.get()>
                <form class="report-form" aria-label=move || texts().report on:submit=send>
                    <select
                        aria-label=move || texts().report
                        on:change:target=move |ev| {
                            let index = ev.target().selected_index().max(0) as usize;
                            reason.set(ReportReason::ALL[index.min(5)]);
                        }
                    >
                        {ReportReason::ALL
                            .into_iter()
                            .enumerate()
                            .map(|(index, choice)| {
                                view! { <option value=choice.code()>{move || texts().report_reasons[index]}</option> }
                            })
                            .collect_view()}
                    </select>
                    <label>
                        {move || texts().report_text}
                        <textarea
                            maxlength="500"
                            on:input:target=move |ev| text.set(ev.target().value())
                        ></textarea>
                    </label>
                    <Show when=move || failed.get()>
                        <p class="report-error" role="alert">{move || texts().report_failed}</p>
                    </Show>
                    <button type="submit" disabled=move || missing_text() || busy.get()>
                        {move || texts().report_send}
                    </button>
                </form>
            </Show>
        </Show>
    }
}
