//! The policy editor (admins): the rules every comment is checked against, edited as a form,
//! tried on a sample comment with the same rules crate the widget and the server run, and
//! saved as a new version that every server process puts in force within seconds.

use binhluan_api::{PolicyEdit, PolicyVersion};
use binhluan_rules::{LinkPolicy, Policy, Rule, Verdict, check};
use leptos::prelude::*;

use crate::api;
use crate::i18n::{Lang, use_lang, use_texts};
use crate::session::use_auth;
use crate::time;
use crate::toasts::use_toasts;

/// The version in force, loaded, then the form.
#[component]
pub fn PolicyEditor() -> impl IntoView {
    let auth = use_auth();
    let texts = use_texts();
    let lang = use_lang();
    let loaded = LocalResource::new(move || async move { auth.check(api::policy().await) });
    view! {
        <section class="policy" aria-labelledby="policy-heading">
            <h2 id="policy-heading">{move || texts().policy_heading}</h2>
            <Suspense fallback=move || view! { <p class="loading">{move || texts().loading}</p> }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok(version) => view! { <PolicyForm version /> }.into_any(),
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

/// The form's fields, as typed.
#[derive(Clone, Copy)]
struct Fields {
    min_words: RwSignal<String>,
    require_diacritics: RwSignal<bool>,
    links: RwSignal<LinkPolicy>,
    contacts: RwSignal<LinkPolicy>,
    max_chars: RwSignal<String>,
    auto_close_after_days: RwSignal<String>,
    hide_after_reports: RwSignal<String>,
    banned_words: RwSignal<String>,
    suspect_words: RwSignal<String>,
}

impl Fields {
    fn of(policy: &Policy) -> Self {
        Self {
            min_words: RwSignal::new(policy.min_words.to_string()),
            require_diacritics: RwSignal::new(policy.require_diacritics),
            links: RwSignal::new(policy.links),
            contacts: RwSignal::new(policy.contacts),
            max_chars: RwSignal::new(policy.max_chars.to_string()),
            auto_close_after_days: RwSignal::new(
                policy
                    .auto_close_after_days
                    .map_or_else(String::new, |days| days.to_string()),
            ),
            hide_after_reports: RwSignal::new(
                policy
                    .hide_after_reports
                    .map_or_else(String::new, |n| n.to_string()),
            ),
            banned_words: RwSignal::new(policy.banned_words.join("\n")),
            suspect_words: RwSignal::new(policy.suspect_words.join("\n")),
        }
    }

    /// `base` with what the fields describe (what the form does not show is kept); `Err`
    /// names the first number that is not one.
    fn policy(self, base: &Policy) -> Result<Policy, &'static str> {
        let number = |field: RwSignal<String>, name| {
            field.with(|typed| typed.trim().parse::<usize>().map_err(|_| name))
        };
        let optional = |field: RwSignal<String>, name| {
            field.with(|typed| {
                let typed = typed.trim();
                if typed.is_empty() {
                    Ok(None)
                } else {
                    typed.parse().map(Some).map_err(|_| name)
                }
            })
        };
        let auto_close_after_days = optional(self.auto_close_after_days, "auto_close_after_days")?;
        let hide_after_reports = optional(self.hide_after_reports, "hide_after_reports")?;
        let mut policy = base.clone();
        policy.min_words = number(self.min_words, "min_words")?;
        policy.require_diacritics = self.require_diacritics.get();
        policy.links = self.links.get();
        policy.contacts = self.contacts.get();
        policy.max_chars = number(self.max_chars, "max_chars")?;
        policy.auto_close_after_days = auto_close_after_days;
        policy.hide_after_reports = hide_after_reports;
        policy.banned_words = self.banned_words.with(|typed| word_list(typed));
        policy.suspect_words = self.suspect_words.with(|typed| word_list(typed));
        Ok(policy)
    }
}

/// One word or phrase a line, trimmed, blank lines and repeats left out.
fn word_list(typed: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for line in typed.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !words.iter().any(|w| w == line) {
            words.push(line.to_owned());
        }
    }
    words
}

/// The form, the preview and the save button, editing `version`.
#[component]
fn PolicyForm(version: PolicyVersion) -> impl IntoView {
    let auth = use_auth();
    let texts = use_texts();
    let lang = use_lang();
    let toasts = use_toasts();
    let fields = Fields::of(&version.policy);
    let current = RwSignal::new(version);
    let draft = Memo::new(move |_| current.with(|v| fields.policy(&v.policy)));
    let changed =
        move || draft.with(|draft| current.with(|v| draft.as_ref().is_ok_and(|d| *d != v.policy)));
    let save = Action::new_local(move |edit: &PolicyEdit| {
        let edit = edit.clone();
        let csrf = auth.csrf();
        async move { auth.check(api::save_policy(&csrf, &edit).await) }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(saved)) => {
            toasts.say((texts().policy_saved)(saved.version));
            current.set(saved);
        }
        Some(Err(failure)) if !failure.is_unauthorized() => {
            toasts.error(failure.message(lang.get_untracked()));
        }
        _ => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Ok(policy) = draft.get_untracked() {
            save.dispatch(PolicyEdit {
                base_version: current.with_untracked(|v| v.version),
                policy,
            });
        }
    };
    let about = move || {
        current.with(|v| {
            (texts().policy_version)(
                v.version,
                &v.saved_by,
                &time::format(&v.saved_at, lang.get()),
            )
        })
    };
    let invalid = move || {
        draft.with(|draft| {
            draft
                .as_ref()
                .err()
                .map(|field| (texts().policy_not_a_number)(field))
        })
    };
    view! {
        <p class="policy-version">{about}</p>
        <form class="policy-form" on:submit=submit>
            <NumberField id="policy-min-words" label=Signal::derive(move || texts().policy_min_words) value=fields.min_words min=0 max=100 />
            <div class="field check">
                <input id="policy-diacritics" type="checkbox" bind:checked=fields.require_diacritics />
                <label for="policy-diacritics">{move || texts().policy_diacritics}</label>
            </div>
            <ChoiceField id="policy-links" label=Signal::derive(move || texts().policy_links) value=fields.links />
            <ChoiceField id="policy-contacts" label=Signal::derive(move || texts().policy_contacts) value=fields.contacts />
            <NumberField id="policy-max-chars" label=Signal::derive(move || texts().policy_max_chars) value=fields.max_chars min=100 max=10000 />
            <NumberField id="policy-auto-close" label=Signal::derive(move || texts().policy_auto_close) value=fields.auto_close_after_days min=0 max=3650 />
            <NumberField id="policy-hide-after-reports" label=Signal::derive(move || texts().policy_hide_after_reports) value=fields.hide_after_reports min=1 max=1000 />
            <WordsField id="policy-banned" label=Signal::derive(move || texts().policy_banned) value=fields.banned_words />
            <WordsField id="policy-suspect" label=Signal::derive(move || texts().policy_suspect) value=fields.suspect_words />
            <p class="error" role="alert">{invalid}</p>
            <button type="submit" disabled=move || !changed() || save.pending().get()>
                {move || texts().policy_save}
            </button>
        </form>
        <Preview draft lang />
    }
}

/// A number input.
#[component]
fn NumberField(
    id: &'static str,
    label: Signal<&'static str>,
    value: RwSignal<String>,
    min: u32,
    max: u32,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type="number" inputmode="numeric" min=min max=max bind:value=value />
        </div>
    }
}

/// Reject, hold or allow.
#[component]
fn ChoiceField(
    id: &'static str,
    label: Signal<&'static str>,
    value: RwSignal<LinkPolicy>,
) -> impl IntoView {
    let texts = use_texts();
    let choices = [LinkPolicy::Reject, LinkPolicy::Hold, LinkPolicy::Allow];
    let code = |choice: LinkPolicy| match choice {
        LinkPolicy::Reject => "reject",
        LinkPolicy::Hold => "hold",
        LinkPolicy::Allow => "allow",
    };
    let chosen = move |ev| {
        let picked = event_target_value(&ev);
        if let Some(choice) = choices.into_iter().find(|c| code(*c) == picked) {
            value.set(choice);
        }
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=chosen prop:value=move || code(value.get())>
                {choices
                    .into_iter()
                    .map(|choice| {
                        view! {
                            <option value=code(choice) selected=move || value.get() == choice>
                                {move || (texts().policy_choice)(code(choice))}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A list of words, one a line.
#[component]
fn WordsField(
    id: &'static str,
    label: Signal<&'static str>,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <textarea id=id rows="4" spellcheck="false" bind:value=value></textarea>
        </div>
    }
}

/// The server's name of why a comment is held, as the desk's queue shows it.
fn cause_code(rule: Rule) -> &'static str {
    match rule {
        Rule::NoLinks => "links",
        Rule::NoContacts => "contacts",
        _ => "suspect_words",
    }
}

/// A sample comment, checked against the draft as the reader's widget would check it.
#[component]
fn Preview(draft: Memo<Result<Policy, &'static str>>, lang: RwSignal<Lang>) -> impl IntoView {
    let texts = use_texts();
    let sample = RwSignal::new(String::new());
    let verdict = Memo::new(move |_| {
        let text = sample.get();
        draft.with(|draft| {
            draft
                .as_ref()
                .ok()
                .filter(|_| !text.trim().is_empty())
                .map(|policy| check(&text, policy))
        })
    });
    let outcome = move |verdict: &Verdict| {
        let texts = texts();
        if !verdict.ok {
            texts.preview_refused.to_owned()
        } else if verdict.hold {
            let causes: Vec<&str> = verdict
                .held_for
                .iter()
                .map(|rule| (texts.held_for)(cause_code(*rule)))
                .collect();
            format!("{} ({})", texts.preview_held, causes.join(", "))
        } else {
            texts.preview_accepted.to_owned()
        }
    };
    view! {
        <section class="policy-preview" aria-labelledby="preview-heading">
            <h3 id="preview-heading">{move || texts().preview_heading}</h3>
            <textarea
                id="policy-sample"
                rows="4"
                aria-labelledby="preview-heading"
                placeholder=move || texts().preview_placeholder
                bind:value=sample
            ></textarea>
            <div class="preview-verdict" aria-live="polite">
                {move || {
                    verdict
                        .get()
                        .map(|verdict| {
                            let lang = lang.get();
                            let state = if verdict.ok { "ok" } else { "refused" };
                            view! {
                                <p class="outcome" data-outcome=state>
                                    {outcome(&verdict)}
                                    " · "
                                    {(texts().preview_words)(verdict.words)}
                                </p>
                                <ul>
                                    {verdict
                                        .violations
                                        .iter()
                                        .map(|v| lang.pick(&v.message, &v.message_en).to_owned())
                                        .chain(
                                            verdict
                                                .hints
                                                .iter()
                                                .map(|h| lang.pick(&h.message, &h.message_en).to_owned()),
                                        )
                                        .map(|said| view! { <li>{said}</li> })
                                        .collect_view()}
                                </ul>
                            }
                        })
                }}
            </div>
        </section>
    }
}
