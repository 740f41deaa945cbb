//! Marks the offending text where the reader typed it.
//!
//! The textarea stays a plain, untouched textarea (input methods rewrite it freely). Behind it
//! lies a backdrop with the same text and metrics, in which the offending spans are `<mark>`ed;
//! the textarea's transparent background lets the marks show through, exactly under the text.

use binhluan_rules::Span;
use leptos::prelude::*;

/// A piece of the text: marked or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment<'a> {
    /// The text of the piece.
    pub text: &'a str,
    /// Whether it is offending.
    pub marked: bool,
}

/// Cuts `text` into plain and marked pieces; `spans` are character offsets, sorted and apart
/// (as `binhluan_rules::merged_spans` gives them), possibly reaching past the end.
pub fn segments<'a>(text: &'a str, spans: &[Span]) -> Vec<Segment<'a>> {
    let byte_at = |char_offset: usize| {
        text.char_indices()
            .nth(char_offset)
            .map_or(text.len(), |(byte, _)| byte)
    };
    let mut pieces = Vec::with_capacity(spans.len() * 2 + 1);
    let mut cursor = 0;
    for &Span(start, end) in spans {
        let (start, end) = (byte_at(start), byte_at(end));
        if start >= text.len() {
            break;
        }
        if start > cursor {
            pieces.push(Segment {
                text: &text[cursor..start],
                marked: false,
            });
        }
        pieces.push(Segment {
            text: &text[start..end],
            marked: true,
        });
        cursor = end;
    }
    if cursor < text.len() {
        pieces.push(Segment {
            text: &text[cursor..],
            marked: false,
        });
    }
    pieces
}

/// The backdrop: `text` with `spans` marked, hidden from screen readers (the messages say it).
#[component]
pub fn Backdrop(
    /// The text, as typed.
    #[prop(into)]
    text: Signal<String>,
    /// The offending spans, sorted and apart (`binhluan_rules::merged_spans`).
    #[prop(into)]
    spans: Signal<Vec<Span>>,
    /// Set to scroll the backdrop with the textarea.
    node_ref: NodeRef<leptos::html::Div>,
) -> impl IntoView {
    let pieces = move || {
        text.with(|text| {
            spans.with(|spans| {
                let mut views: Vec<AnyView> = segments(text, spans)
                    .into_iter()
                    .map(|piece| {
                        let owned = piece.text.to_owned();
                        if piece.marked {
                            view! { <mark>{owned}</mark> }.into_any()
                        } else {
                            owned.into_any()
                        }
                    })
                    .collect();
                // A trailing line break needs something after it to take up its line.
                if text.ends_with('\n') {
                    views.push(" ".into_any());
                }
                views
            })
        })
    };
    view! {
        <div class="comment-backdrop" aria-hidden="true" node_ref=node_ref>
            {pieces}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::{Segment, segments};
    use binhluan_rules::{Rule, Span, Violation, merged_spans};

    fn render(text: &str, spans: &[Span]) -> String {
        segments(text, spans)
            .into_iter()
            .map(|Segment { text, marked }| {
                if marked {
                    format!("[{text}]")
                } else {
                    text.to_owned()
                }
            })
            .collect()
    }

    #[test]
    fn marks_spans_by_character_not_byte() {
        assert_eq!(
            render("Xem ở abc chấm com nhé", &[Span(6, 18)]),
            "Xem ở [abc chấm com] nhé"
        );
    }

    /// `spans` as the form hands them to the backdrop: merged by `merged_spans`.
    fn marked(spans: &[Span]) -> Vec<Span> {
        merged_spans(&[Violation {
            rule: Rule::Diacritics,
            message: String::new(),
            message_en: String::new(),
            spans: spans.to_vec(),
        }])
    }

    #[test]
    fn merges_overlapping_spans_in_any_order() {
        assert_eq!(
            render("abcdefgh", &marked(&[Span(4, 6), Span(1, 3), Span(2, 5)])),
            "a[bcdef]gh"
        );
        assert_eq!(
            render("abcdefgh", &marked(&[Span(0, 2), Span(2, 4)])),
            "[abcd]efgh"
        );
    }

    #[test]
    fn ignores_empty_spans_and_clamps_to_the_text() {
        assert_eq!(
            render("abc", &marked(&[Span(1, 1), Span(2, 99), Span(50, 60)])),
            "ab[c]"
        );
        assert_eq!(render("", &[Span(0, 3)]), "");
        assert_eq!(render("abc", &[]), "abc");
    }

    #[test]
    fn keeps_combining_marks_with_their_letters() {
        // "Việt" typed as NFD: V i e + U+0323 + U+0302 + t.
        let nfd = "Vie\u{323}\u{302}t com";
        assert_eq!(render(nfd, &[Span(0, 6)]), "[Vie\u{323}\u{302}t] com");
    }
}
