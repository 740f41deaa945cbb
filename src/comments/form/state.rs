//! One form's state, shared by its pieces: what the reader typed (kept in the draft), which
//! fields they have left, and where the post stands.

use binhluan_api::author::{AuthorProblem, author_email, author_name_problem};
use binhluan_rules::{Verdict, Violation};
use leptos::html::{Input, Textarea};
use leptos::prelude::*;

use crate::comments::draft::{Author, DraftSlot};
use crate::comments::posting::Posting;

/// The signals of one form.
#[derive(Clone, Copy)]
pub(super) struct FormState {
    /// The author's name, as typed.
    pub name: RwSignal<String>,
    /// The author's e-mail, as typed.
    pub email: RwSignal<String>,
    /// The comment, as the input method left it in the box.
    pub content: RwSignal<String>,
    /// Where the post stands.
    pub posting: RwSignal<Posting>,
    /// The server's violations after a refusal, with the text refused.
    pub refused: RwSignal<Option<(String, Vec<Violation>)>>,
    /// Whether the name's message may show (the reader left the field, or tried to post).
    pub name_touched: RwSignal<bool>,
    /// Whether the e-mail's message may show.
    pub email_touched: RwSignal<bool>,
    /// Whether the comment's messages and marks may show.
    pub content_touched: RwSignal<bool>,
    /// While the submit button is pressed, leaving a field shows nothing new: the messages
    /// would push the button away between press and release, and the tap would miss it.
    pub pressing_submit: StoredValue<bool>,
    /// Where the draft is kept.
    pub slot: StoredValue<DraftSlot>,
    /// The name's input, to move the focus to.
    pub name_ref: NodeRef<Input>,
    /// The e-mail's input.
    pub email_ref: NodeRef<Input>,
    /// The comment's box.
    pub textarea_ref: NodeRef<Textarea>,
}

impl FormState {
    /// A form showing the draft kept in `slot`.
    pub fn new(slot: DraftSlot, author: &Author, content: &str) -> Self {
        Self {
            name: RwSignal::new(author.name.clone()),
            email: RwSignal::new(author.email.clone()),
            content: RwSignal::new(content.to_owned()),
            posting: RwSignal::new(Posting::Idle),
            refused: RwSignal::new(None),
            name_touched: RwSignal::new(false),
            email_touched: RwSignal::new(false),
            content_touched: RwSignal::new(false),
            pressing_submit: StoredValue::new(false),
            slot: StoredValue::new(slot),
            name_ref: NodeRef::new(),
            email_ref: NodeRef::new(),
            textarea_ref: NodeRef::new(),
        }
    }

    /// The violations to show: the server's after a refusal, while the text is what was
    /// refused; else the live `verdict`'s.
    pub fn violations(self, verdict: Memo<Verdict>) -> Signal<Vec<Violation>> {
        let (refused, content) = (self.refused, self.content);
        Signal::derive(move || {
            refused.with(|refused| match refused {
                Some((text, violations)) if content.with(|c| c == text) => violations.clone(),
                _ => verdict.with(|v| v.violations.clone()),
            })
        })
    }

    /// The focus left a field: its messages may show, unless the submit button is pressed.
    pub fn leave(self, touched: RwSignal<bool>) {
        if !self.pressing_submit.get_value() {
            touched.set(true);
        }
    }

    /// What is wrong with the name, if anything.
    pub fn name_problem(self) -> Option<AuthorProblem> {
        self.name.with(|n| author_name_problem(n))
    }

    /// What is wrong with the e-mail, if anything.
    pub fn email_problem(self) -> Option<AuthorProblem> {
        self.email.with(|e| author_email(Some(e)).err())
    }

    /// Keeps the name and e-mail in the draft.
    pub fn save_author(self) {
        let author = Author {
            name: self.name.get_untracked(),
            email: self.email.get_untracked(),
        };
        self.slot.with_value(|slot| slot.save_author(&author));
    }

    /// Reads the text the input method left in the box, and keeps it in the draft; never
    /// writes it back.
    pub fn read_text(self) {
        if let Some(textarea) = self.textarea_ref.get_untracked() {
            let text = textarea.value();
            self.slot.with_value(|slot| {
                let mut draft = slot.text();
                draft.content = text.clone();
                slot.save_text(&draft);
            });
            self.content.set(text);
        }
    }

    /// Whether a post is on the way.
    pub fn sending(self) -> bool {
        self.posting.get() == Posting::Sending
    }
}
