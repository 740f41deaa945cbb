//! "Thêm dấu tự động": when the diacritics rule fails because the marks are missing, the
//! reader may ask the server (`POST /api/diacritics/restore`) for the text with its marks,
//! look at the changed words, choose another form of any of them, and accept or dismiss.
//!
//! Nothing changes the reader's text without their tap. Accepting replaces the whole text as
//! one edit the browser can undo (`execCommand("insertText")`, which also fires the `input`
//! event the form reads the text on), with the caret where it was: the restored text has as
//! many characters as the typed one.

use binhluan_api::{Restored, RestoredWord};
use binhluan_rules::{HintCode, Verdict};
use leptos::either::Either;
use leptos::html::Textarea;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::{self, ApiBase, RequestFailure};
use crate::i18n::{Lang, Texts, use_lang, use_texts};

/// What the server proposed for one text.
#[derive(Clone, Debug, PartialEq)]
struct Proposal {
    /// The text sent, as the reader typed it.
    sent: String,
    /// The server's answer.
    restored: Restored,
}

/// One piece of a proposal as the reader sees it.
#[derive(Clone, Debug, PartialEq)]
enum Piece {
    /// Text the model left as it was.
    Kept(String),
    /// A word the reader may change: its index in the proposal's words.
    Word(usize),
}

/// The proposal cut into kept text and the listed words.
fn pieces(restored: &Restored) -> Vec<Piece> {
    let chars: Vec<char> = restored.text.chars().collect();
    let slice = |from: usize, to: usize| chars[from.min(to)..to].iter().collect::<String>();
    let mut pieces = Vec::new();
    let mut at = 0;
    for (index, word) in restored.words.iter().enumerate() {
        if word.start < at || word.end > chars.len() || word.start > word.end {
            continue;
        }
        if word.start > at {
            pieces.push(Piece::Kept(slice(at, word.start)));
        }
        pieces.push(Piece::Word(index));
        at = word.end;
    }
    if at < chars.len() {
        pieces.push(Piece::Kept(slice(at, chars.len())));
    }
    pieces
}

/// The forms a word may take: the proposed one, its alternatives, and the word as typed.
fn forms(proposed: &str, word: &RestoredWord) -> Vec<String> {
    let mut forms = vec![proposed.to_owned()];
    for form in word.alternatives.iter().chain([&word.original]) {
        if !forms.contains(form) {
            forms.push(form.clone());
        }
    }
    forms
}

/// The proposal with the reader's choices: `chosen[i]` replaces word `i`.
fn text_with(restored: &Restored, chosen: &[String]) -> String {
    pieces(restored)
        .into_iter()
        .map(|piece| match piece {
            Piece::Kept(text) => text,
            Piece::Word(index) => chosen[index].clone(),
        })
        .collect()
}

/// The words as the model proposed them.
fn proposed_words(restored: &Restored) -> Vec<String> {
    let chars: Vec<char> = restored.text.chars().collect();
    restored
        .words
        .iter()
        .map(|w| {
            chars[w.start.min(chars.len())..w.end.min(chars.len())]
                .iter()
                .collect()
        })
        .collect()
}

/// The character offset of a UTF-16 offset into `text` (where the textarea's caret is).
fn chars_before(text: &str, utf16: u32) -> usize {
    let mut units = 0;
    for (index, c) in text.chars().enumerate() {
        if units >= utf16 as usize {
            return index;
        }
        units += c.len_utf16();
    }
    text.chars().count()
}

/// The UTF-16 offset of the first `chars` characters of `text`.
fn utf16_before(text: &str, chars: usize) -> u32 {
    text.chars().take(chars).map(char::len_utf16).sum::<usize>() as u32
}

/// Whether the reader would be offered the marks: the rule failed because they are missing.
fn offered(verdict: &Verdict) -> bool {
    verdict
        .hints
        .iter()
        .any(|h| h.code == HintCode::NoDiacritics)
}

/// Why no proposal came, in the reader's language: the server's own words when it sent them.
fn failure_message(failure: &RequestFailure, texts: &Texts, lang: Lang) -> String {
    match failure {
        RequestFailure::Status {
            error: Some(error), ..
        } => lang.pick(&error.message, &error.message_en).to_owned(),
        _ => texts.restore_failed.to_owned(),
    }
}

/// Replaces the textarea's text with `text` as one undoable edit, keeping the caret's place.
fn replace_text(textarea: &web_sys::HtmlTextAreaElement, typed: &str, text: &str) {
    let caret = textarea
        .selection_end()
        .ok()
        .flatten()
        .map_or(typed.chars().count(), |end| chars_before(typed, end));
    let _ = textarea.focus();
    textarea.select();
    let inserted = textarea
        .owner_document()
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
        .and_then(|d| {
            d.exec_command_with_show_ui_and_value("insertText", false, text)
                .ok()
        })
        .unwrap_or(false);
    if !inserted {
        // Without `insertText` the edit cannot be undone, but the text still arrives.
        textarea.set_value(text);
        if let Ok(event) = web_sys::Event::new("input") {
            let _ = textarea.dispatch_event(&event);
        }
    }
    let caret = utf16_before(text, caret);
    let _ = textarea.set_selection_range(caret, caret);
}

/// The offer above the feedback, and the proposal once the server answered.
///
/// Written for few wasm bytes: one view per proposal, the text's words redrawn together when
/// the reader picks a form, and one list of forms under the text for the word opened.
#[component]
pub fn RestoreMarks(
    /// The text as the reader typed it.
    #[prop(into)]
    content: Signal<String>,
    /// The live verdict on it.
    #[prop(into)]
    verdict: Signal<Verdict>,
    /// The comment box, which an accepted proposal replaces the text of.
    textarea: NodeRef<Textarea>,
) -> impl IntoView {
    let texts = use_texts();
    let lang = use_lang();
    let base = use_context::<ApiBase>().unwrap_or_default();
    // The reader's choice for each listed word, and the word whose forms are open.
    let chosen = RwSignal::new(Vec::<String>::new());
    let open = RwSignal::new(None::<usize>);
    let ask = Action::new_unsync_local(move |text: &String| {
        let base = base.clone();
        let sent = text.clone();
        async move {
            let restored = api::restore_marks(&base, &sent).await?;
            chosen.set(proposed_words(&restored));
            open.set(None);
            Ok::<_, RequestFailure>(Proposal { sent, restored })
        }
    });
    // The answer for the text in the box; one for an earlier text is stale.
    let proposal = move || {
        ask.value().with(|answer| match answer {
            Some(Ok(p)) if content.with(|c| *c == p.sent) => Some(p.clone()),
            _ => None,
        })
    };
    let pending = ask.pending();
    let offer_hidden = move || !(pending.get() || verdict.with(offered) && proposal().is_none());
    let failure = move || {
        ask.value().with(|answer| match answer {
            Some(Err(failure)) if verdict.with(offered) => {
                failure_message(failure, texts(), lang.get())
            }
            _ => String::new(),
        })
    };
    let close = move || {
        ask.clear();
        open.set(None);
    };
    let accept = move |_| {
        let Some(proposal) = proposal() else { return };
        let text = chosen.with(|chosen| text_with(&proposal.restored, chosen));
        close();
        if let Some(textarea) = textarea.get_untracked() {
            replace_text(&textarea, &proposal.sent, &text);
        }
    };
    let dismiss = move |_| {
        close();
        if let Some(textarea) = textarea.get_untracked() {
            let _ = textarea.focus();
        }
    };

    let proposal_view = move || {
        let proposal = proposal()?;
        let restored = StoredValue::new(proposal.restored);
        let unchanged = restored.with_value(|r| r.text == proposal.sent);
        let words = move || {
            restored.with_value(|restored| {
                let texts = texts();
                chosen.with(|chosen| {
                    pieces(restored)
                        .into_iter()
                        .map(|piece| match piece {
                            Piece::Kept(text) => Either::Left(text),
                            Piece::Word(index) => {
                                let shown = chosen.get(index).cloned().unwrap_or_default();
                                let changed = shown != restored.words[index].original;
                                let label = changed
                                    .then(|| format!("{shown} ({})", texts.restore_changed));
                                Either::Right(view! {
                                    <button
                                        type="button"
                                        class=if changed { "restore-word is-changed" } else { "restore-word" }
                                        aria-label=label
                                        aria-expanded=move || (open.get() == Some(index)).to_string()
                                        on:click=move |_| {
                                            open.update(|o| *o = (*o != Some(index)).then_some(index));
                                        }
                                    >
                                        {shown}
                                    </button>
                                })
                            }
                        })
                        .collect_view()
                })
            })
        };
        let forms_of_open = move || {
            let index = open.get()?;
            let (options, typed) = restored.with_value(|restored| {
                let word = restored.words.get(index)?;
                let proposed = proposed_words(restored).swap_remove(index);
                Some((forms(&proposed, word), word.original.clone()))
            })?;
            let texts = texts();
            let current = chosen.with(|c| c.get(index).cloned());
            let buttons = options
                .into_iter()
                .map(|form| {
                    let pressed = (current.as_ref() == Some(&form)).to_string();
                    let label = if form == typed {
                        format!("{form}{}", texts.restore_as_typed)
                    } else {
                        form.clone()
                    };
                    view! {
                        <button
                            type="button"
                            class="restore-form"
                            aria-pressed=pressed
                            on:click=move |_| {
                                chosen.update(|c| c[index] = form.clone());
                                open.set(None);
                            }
                        >
                            {label}
                        </button>
                    }
                })
                .collect_view();
            Some(view! {
                <div class="restore-forms" role="group" aria-label=texts.restore_forms>{buttons}</div>
            })
        };
        Some(view! {
            <section class="restore-proposal" aria-label=move || texts().restore_title>
                <p class="restore-title">
                    {move || if unchanged { texts().restore_nothing } else { texts().restore_title }}
                </p>
                <p class="restore-text" lang="vi">{words}</p>
                {forms_of_open}
                <div class="form-actions">
                    <button type="button" class="button restore-accept" hidden=unchanged on:click=accept>
                        {move || texts().restore_accept}
                    </button>
                    <button type="button" class="button is-secondary restore-dismiss" on:click=dismiss>
                        {move || texts().restore_dismiss}
                    </button>
                </div>
            </section>
        })
    };

    view! {
        <div class="restore-marks">
            <p class="restore-failure" role="alert">{failure}</p>
            <button
                type="button"
                class="button is-secondary restore-offer"
                hidden=offer_hidden
                aria-disabled=move || pending.get().to_string()
                on:click=move |_| {
                    if !pending.get_untracked() {
                        ask.dispatch(content.get_untracked());
                    }
                }
            >
                {move || if pending.get() { texts().restore_working } else { texts().restore_offer }}
            </button>
            {proposal_view}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn restored(text: &str, words: &[(usize, usize, &str, &[&str])]) -> Restored {
        Restored {
            text: text.to_owned(),
            words: words
                .iter()
                .map(|(start, end, original, alternatives)| RestoredWord {
                    start: *start,
                    end: *end,
                    original: (*original).to_owned(),
                    alternatives: alternatives.iter().map(|a| (*a).to_owned()).collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_proposal_is_cut_into_kept_text_and_words() {
        let r = restored(
            "Tôi đi học.",
            &[(0, 3, "Toi", &["Tới"]), (7, 10, "hoc", &[])],
        );
        assert_eq!(
            pieces(&r),
            vec![
                Piece::Word(0),
                Piece::Kept(" đi ".to_owned()),
                Piece::Word(1),
                Piece::Kept(".".to_owned()),
            ]
        );
        assert_eq!(proposed_words(&r), vec!["Tôi", "học"]);
    }

    #[test]
    fn the_readers_choices_make_the_text() {
        let r = restored(
            "Tôi đi học.",
            &[(0, 3, "Toi", &["Tới"]), (7, 10, "hoc", &[])],
        );
        let chosen = vec!["Tới".to_owned(), "hoc".to_owned()];
        assert_eq!(text_with(&r, &chosen), "Tới đi hoc.");
    }

    #[test]
    fn a_word_offers_its_forms_once_each_with_the_typed_one_last() {
        let r = restored("Tôi", &[(0, 3, "Toi", &["Tới", "Tội"])]);
        assert_eq!(forms("Tôi", &r.words[0]), vec!["Tôi", "Tới", "Tội", "Toi"]);
        assert_eq!(forms("Toi", &r.words[0]), vec!["Toi", "Tới", "Tội"]);
    }

    #[test]
    fn the_caret_keeps_its_character_across_utf16() {
        let typed = "😀 toi di";
        // After "😀 t": the emoji is two UTF-16 units.
        assert_eq!(chars_before(typed, 4), 3);
        assert_eq!(utf16_before("😀 tôi đi", 3), 4);
        assert_eq!(chars_before(typed, 100), typed.chars().count());
    }

    #[test]
    fn words_outside_the_text_are_ignored() {
        let r = restored("abc", &[(1, 9, "x", &[])]);
        assert_eq!(pieces(&r), vec![Piece::Kept("abc".to_owned())]);
    }
}
