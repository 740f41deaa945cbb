//! One queue's state: its comments, the focused and the marked ones, and the decisions taken
//! on them (optimistic: a decided comment leaves the list at once and comes back if the call
//! fails).

use std::collections::HashSet;

use binhluan_api::{Comment, CommentStatus, ModerationItem, ModerationPage};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::{self, Decision};
use crate::i18n::Translated;
use crate::i18n::use_lang;
use crate::session::use_auth;
use crate::tabs::use_counts;
use crate::toasts::{Undo, use_toasts};

/// The comments of the queue shown and what the moderator points at; shared by its items.
#[derive(Clone, Copy, Debug)]
pub struct Queue {
    /// Which queue.
    pub status: CommentStatus,
    /// Its comments loaded so far, in the queue's order.
    pub items: RwSignal<Vec<ModerationItem>>,
    /// How many it holds with its filters.
    pub total: RwSignal<u64>,
    /// The comment the keys act on.
    pub focused: RwSignal<Option<i64>>,
    /// The comments marked for a bulk decision.
    pub marked: RwSignal<HashSet<i64>>,
    /// The comment whose reason choice is open.
    pub rejecting: RwSignal<Option<i64>>,
}

impl Queue {
    pub(crate) fn new(status: CommentStatus, page: &ModerationPage) -> Queue {
        Queue {
            status,
            items: RwSignal::new(page.comments.clone()),
            total: RwSignal::new(page.total),
            focused: RwSignal::new(page.comments.first().map(|item| item.comment.id)),
            marked: RwSignal::new(HashSet::new()),
            rejecting: RwSignal::new(None),
        }
    }

    fn index_of(self, id: i64) -> Option<usize> {
        self.items
            .with_untracked(|items| items.iter().position(|item| item.comment.id == id))
    }

    /// Makes `id` the focused comment and moves the keyboard focus to it.
    pub fn focus(self, id: i64) {
        self.focused.set(Some(id));
        focus_element(id);
    }

    /// Moves the focus `delta` comments down (up when negative), staying in the list.
    pub fn move_focus(self, delta: isize) {
        let next = self.items.with_untracked(|items| {
            let current = self
                .focused
                .get_untracked()
                .and_then(|id| items.iter().position(|item| item.comment.id == id));
            let index = match current {
                Some(index) => index
                    .saturating_add_signed(delta)
                    .min(items.len().saturating_sub(1)),
                None => 0,
            };
            items.get(index).map(|item| item.comment.id)
        });
        if let Some(id) = next {
            self.rejecting.set(None);
            self.focus(id);
        }
    }

    /// Marks or unmarks `id` for a bulk decision.
    pub fn toggle_mark(self, id: i64) {
        self.marked.update(|marked| {
            if !marked.remove(&id) {
                marked.insert(id);
            }
        });
    }

    /// Takes the comments `ids` out of the list, with where they were; the focus moves to the
    /// comment after the focused one if it went.
    pub(crate) fn take(self, ids: &HashSet<i64>) -> Vec<(usize, ModerationItem)> {
        let focused = self.focused.get_untracked();
        let mut taken = Vec::new();
        let mut next_focus = None;
        self.items.update(|items| {
            let mut index = 0;
            let mut original = 0;
            let mut focus_at = None;
            while index < items.len() {
                if ids.contains(&items[index].comment.id) {
                    if focused == Some(items[index].comment.id) {
                        focus_at = Some(index);
                    }
                    taken.push((original, items.remove(index)));
                } else {
                    index += 1;
                }
                original += 1;
            }
            if let Some(at) = focus_at {
                next_focus = items
                    .get(at)
                    .or_else(|| items.last())
                    .map(|item| item.comment.id);
            }
        });
        if taken.is_empty() {
            return taken;
        }
        self.total
            .update(|total| *total = total.saturating_sub(taken.len() as u64));
        self.marked
            .update(|marked| marked.retain(|id| !ids.contains(id)));
        if self
            .rejecting
            .get_untracked()
            .is_some_and(|id| ids.contains(&id))
        {
            self.rejecting.set(None);
        }
        if focused.is_some_and(|id| ids.contains(&id)) {
            self.focused.set(next_focus);
            if let Some(id) = next_focus {
                focus_element(id);
                self.keep_focus(id);
            }
        }
        taken
    }

    /// Once the list is drawn again, gives `id` the keyboard focus back if it is still the
    /// focused comment and the focus was lost (a moved or redrawn element loses it).
    fn keep_focus(self, id: i64) {
        request_animation_frame(move || {
            if self.focused.try_get_untracked().flatten() != Some(id) {
                return;
            }
            let document = web_sys::window().and_then(|w| w.document());
            let active = document
                .as_ref()
                .and_then(web_sys::Document::active_element);
            let body = document.as_ref().and_then(web_sys::Document::body);
            let lost = match (&active, &body) {
                (None, _) => true,
                (Some(active), Some(body)) => active == body.unchecked_ref::<web_sys::Element>(),
                (Some(_), None) => false,
            };
            if lost {
                focus_element(id);
            }
        });
    }

    /// Puts comments back where they were (a failed decision, an undo), those that belong in
    /// this queue; nothing when the moderator left the queue.
    pub fn restore(self, mut items: Vec<(usize, ModerationItem)>) {
        items.retain(|(_, item)| item.comment.status == self.status);
        items.sort_by_key(|(index, _)| *index);
        let mut added = 0;
        self.items.try_update(|list| {
            for (index, item) in items {
                if list.iter().all(|i| i.comment.id != item.comment.id) {
                    list.insert(index.min(list.len()), item);
                    added += 1;
                }
            }
        });
        self.total.try_update(|total| *total += added);
        if let Some(id) = self.focused.try_get_untracked().flatten() {
            self.keep_focus(id);
        }
    }

    /// Replaces a comment by what the server says of it now.
    fn replace(self, comment: Comment) {
        self.items.update(|items| {
            if let Some(item) = items.iter_mut().find(|i| i.comment.id == comment.id) {
                item.comment = comment;
            }
        });
    }
}

/// The queue context.
pub fn use_queue() -> Queue {
    expect_context::<Queue>()
}

/// The decisions one takes in a queue, each a call to the server.
#[derive(Clone, Copy)]
pub struct Decisions {
    queue: Queue,
    decide: Action<(usize, ModerationItem, Decision), ()>,
    feature: Action<(i64, bool), ()>,
}

impl Decisions {
    pub(crate) fn new(queue: Queue) -> Decisions {
        let auth = use_auth();
        let toasts = use_toasts();
        let counts = use_counts();
        let lang = use_lang();
        let decide = Action::new_local(move |input: &(usize, ModerationItem, Decision)| {
            let (index, item, decision) = input.clone();
            let csrf = auth.csrf();
            async move {
                let answer = api::decide(&csrf, item.comment.id, decision).await;
                let lang = lang.get_untracked();
                let texts = lang.texts();
                match auth.check(answer) {
                    Ok(_) => {
                        let done = match decision {
                            Decision::Approve => texts.toast_approved.to_owned(),
                            Decision::Reject(reason) => {
                                format!("{} ({})", texts.toast_rejected, (texts.reason)(reason))
                            }
                        };
                        let text = format!("{done}: {}", item.comment.author_name);
                        let items = vec![(index, item)];
                        toasts.offer_undo(text, Undo { queue, items });
                    }
                    Err(failure) if failure.is_unauthorized() => {}
                    // Someone else decided first: it has left this queue all the same.
                    Err(failure) if failure.code() == Some("already_decided") => {
                        toasts.error(failure.message(lang));
                    }
                    Err(failure) => {
                        queue.restore(vec![(index, item)]);
                        toasts.error(failure.message(lang));
                    }
                }
                counts.refresh();
            }
        });
        let feature = Action::new_local(move |&(id, featured): &(i64, bool)| {
            let csrf = auth.csrf();
            async move {
                let answer = api::feature(&csrf, id, featured).await;
                let lang = lang.get_untracked();
                match auth.check(answer) {
                    Ok(comment) => {
                        queue.replace(comment);
                        let texts = lang.texts();
                        toasts.say(
                            if featured {
                                texts.toast_featured
                            } else {
                                texts.toast_unfeatured
                            }
                            .to_owned(),
                        );
                        // The item is drawn anew: give it the keyboard focus back.
                        queue.keep_focus(id);
                    }
                    Err(failure) if failure.is_unauthorized() => {}
                    Err(failure) => toasts.error(failure.message(lang)),
                }
            }
        });
        Decisions {
            queue,
            decide,
            feature,
        }
    }

    /// Approves or rejects `id`: it leaves the queue at once, the focus moving to the next.
    pub fn decide(self, id: i64, decision: Decision) {
        let queue = self.queue;
        let Some(index) = queue.index_of(id) else {
            return;
        };
        let current = queue
            .items
            .with_untracked(|items| items[index].comment.status);
        if current == decision.status() {
            return;
        }
        let taken = queue.take(&HashSet::from([id]));
        if let Some((index, item)) = taken.into_iter().next() {
            self.decide.dispatch((index, item, decision));
        }
    }

    /// Features or unfeatures `id`, a published comment.
    pub fn toggle_feature(self, id: i64) {
        let featured = self.queue.items.with_untracked(|items| {
            items
                .iter()
                .find(|item| item.comment.id == id)
                .filter(|item| item.comment.status == CommentStatus::Published)
                .map(|item| item.comment.featured)
        });
        if let Some(featured) = featured {
            self.feature.dispatch((id, !featured));
        }
    }

    /// Acts on the focused comment, for the keys.
    pub(crate) fn on_focused(self, act: impl FnOnce(i64)) {
        if let Some(id) = self.queue.focused.get_untracked() {
            act(id);
        }
    }
}

/// The decisions context.
pub fn use_decisions() -> Decisions {
    expect_context::<Decisions>()
}

/// The element id of comment `id`'s item.
pub fn element_id(id: i64) -> String {
    format!("kd-{id}")
}

/// Gives comment `id`'s item the keyboard focus, scrolling it into view.
pub(crate) fn focus_element(id: i64) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&element_id(id)))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
