//! Restoration of a whole text: which words may take marks, the decoding, and the words
//! the reader is shown with their alternatives.

use crate::case::with_case_of;
use crate::decode::{best_path, local_score};
use crate::model::{BOUNDARY, Model};
use crate::tokens::{NUMBER_FORM, Piece, PieceKind, pieces};

/// The most alternatives given for one word.
const MAX_ALTERNATIVES: usize = 4;

/// A text with its marks restored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restoration {
    /// The most likely marked text. It has as many characters as the text given, and the
    /// same characters wherever no word was changed.
    pub text: String,
    /// The words that were changed or could be read otherwise, in order.
    pub words: Vec<RestoredWord>,
}

/// One word of a [`Restoration`] that was changed or has alternatives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RestoredWord {
    /// Its first character in [`Restoration::text`] (and in the text given).
    pub start: usize,
    /// One past its last character.
    pub end: usize,
    /// The word as it was typed.
    pub original: String,
    /// Other marked forms it may stand for, most likely first, the chosen one left out
    /// (the typed case kept).
    pub alternatives: Vec<String>,
}

/// What one word of the text is to the decoder.
#[derive(Clone, Copy)]
enum Slot<'m> {
    /// A plain word that may take marks: the forms it may stand for.
    Open(&'m [u16]),
    /// A word kept as typed, read as this form (the boundary when the model does not know it).
    Kept(u16),
}

/// Restores the marks of `text` with the embedded model ([`Model::embedded`]).
pub fn restore(text: &str) -> Restoration {
    restore_with(Model::embedded(), text)
}

/// Restores the marks of `text` with `model`. A text that already has marks (at least as
/// many marked Vietnamese words as plain words that could take marks) is given back as it
/// is; otherwise every plain word the model knows is decoded, except acronyms in capitals
/// (in a text not written in capitals) and words of an English phrase (whose neighbours are
/// all words the model does not know). Marked words, numbers, links, e-mail addresses,
/// punctuation and emoji are always kept as typed.
pub fn restore_with(model: &Model, text: &str) -> Restoration {
    let chars: Vec<char> = text.chars().collect();
    let pieces = pieces(&chars);
    let word = |p: &Piece| &chars[p.start..p.end];
    let plain_known = |p: &Piece| {
        p.kind == PieceKind::Word
            && word(p).iter().all(char::is_ascii_alphabetic)
            && !model.candidates(&lower(word(p))).is_empty()
    };
    let open: Vec<bool> = pieces.iter().map(plain_known).collect();
    let marked = pieces
        .iter()
        .filter(|p| {
            p.kind == PieceKind::Word
                && !word(p).iter().all(char::is_ascii)
                && binhluan_rules::is_vietnamese_syllable(
                    &chars[p.start..p.end].iter().collect::<String>(),
                )
        })
        .count();
    let plain = open.iter().filter(|&&o| o).count();
    if plain == 0 || marked >= plain {
        return Restoration {
            text: text.to_owned(),
            words: Vec::new(),
        };
    }
    let capitals = pieces
        .iter()
        .zip(&open)
        .filter(|&(p, &o)| o && is_capitals(word(p)))
        .count();
    let shouting = capitals * 2 >= plain;
    let foreign = |i: usize| {
        pieces[i].kind == PieceKind::Word
            && !open[i]
            && pieces[i].end - pieces[i].start >= 2
            && word(&pieces[i]).iter().all(char::is_ascii_lowercase)
    };
    // A word whose neighbours (the words right before and after it, with only spaces
    // between) are all foreign words in lowercase (not names), and which has one at least.
    let english = |i: usize| {
        let neighbours = [i.checked_sub(1), Some(i + 1)]
            .into_iter()
            .flatten()
            .filter(|&n| pieces.get(n).is_some_and(|p| p.kind == PieceKind::Word));
        let mut any = false;
        for n in neighbours {
            if !foreign(n) {
                return false;
            }
            any = true;
        }
        any
    };

    // One slot per word and per number not starting with `0` (read as one form), one
    // boundary for any run of other pieces between them.
    let mut slots: Vec<(Option<usize>, Slot)> = Vec::new();
    for (i, piece) in pieces.iter().enumerate() {
        if piece.kind != PieceKind::Word {
            let number = if piece.kind == PieceKind::Number && chars[piece.start] != '0' {
                model.id(NUMBER_FORM)
            } else {
                None
            };
            match number {
                Some(id) => slots.push((Some(i), Slot::Kept(id))),
                None if !matches!(slots.last(), Some((None, _)) | None) => {
                    slots.push((None, Slot::Kept(BOUNDARY)));
                }
                None => {}
            }
            continue;
        }
        let typed = word(piece);
        let keep = !open[i] || (!shouting && is_capitals(typed)) || english(i);
        let slot = if keep {
            let form = binhluan_rules::normalize_for_analysis(&typed.iter().collect::<String>());
            Slot::Kept(model.id(&form.to_lowercase()).unwrap_or(BOUNDARY))
        } else {
            Slot::Open(model.candidates(&lower(typed)))
        };
        slots.push((Some(i), slot));
    }
    let kept: Vec<u16> = slots
        .iter()
        .map(|(_, s)| match s {
            Slot::Kept(id) => *id,
            Slot::Open(_) => BOUNDARY,
        })
        .collect();
    let choices: Vec<&[u16]> = slots
        .iter()
        .zip(&kept)
        .map(|((_, s), id)| match s {
            Slot::Open(c) => *c,
            Slot::Kept(_) => std::slice::from_ref(id),
        })
        .collect();
    // After another word, the typed case tells names from other words.
    let cased: Vec<Option<bool>> = slots
        .iter()
        .map(|(piece, slot)| match (piece, slot) {
            (Some(i), Slot::Open(_)) if *i > 0 && pieces[i - 1].kind == PieceKind::Word => {
                let typed = word(&pieces[*i]);
                (!is_capitals(typed)).then(|| typed[0].is_uppercase())
            }
            _ => None,
        })
        .collect();
    let bonus = |k: usize, w: u16| {
        model.prior_score(w) + cased[k].map_or(0.0, |capital| model.case_score(w, capital))
    };
    let path = best_path(model, &choices, &bonus);

    let mut out = chars.clone();
    let mut restored = Vec::new();
    for (k, (piece, slot)) in slots.iter().enumerate() {
        let (Some(i), Slot::Open(candidates)) = (piece, slot) else {
            continue;
        };
        let piece = pieces[*i];
        let typed = word(&piece);
        let chosen = with_case_of(typed, model.form(candidates[path[k]]));
        let changed = chosen.chars().ne(typed.iter().copied());
        if !changed && candidates.len() == 1 {
            continue;
        }
        let mut others: Vec<(f32, u16)> = candidates
            .iter()
            .enumerate()
            .filter(|&(c, _)| c != path[k])
            .map(|(_, &w)| (local_score(model, &choices, &path, k, w) + bonus(k, w), w))
            .collect();
        others.sort_by(|x, y| y.0.total_cmp(&x.0));
        for (slot, c) in out[piece.start..piece.end].iter_mut().zip(chosen.chars()) {
            *slot = c;
        }
        restored.push(RestoredWord {
            start: piece.start,
            end: piece.end,
            original: typed.iter().collect(),
            alternatives: others
                .into_iter()
                .take(MAX_ALTERNATIVES)
                .map(|(_, w)| with_case_of(typed, model.form(w)))
                .collect(),
        });
    }
    Restoration {
        text: out.into_iter().collect(),
        words: restored,
    }
}

/// `word` in lowercase ASCII, the key of the forms it may stand for.
fn lower(word: &[char]) -> String {
    word.iter().map(char::to_ascii_lowercase).collect()
}

/// Whether `word` is two or more letters, all capitals (`HCM`, `VN`, `TOI`).
fn is_capitals(word: &[char]) -> bool {
    word.len() >= 2 && word.iter().all(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_sentence_gets_its_marks() {
        assert_eq!(restore("Toi di hoc o Ha Noi.").text, "Tôi đi học ở Hà Nội.");
        assert_eq!(
            restore("Bai viet rat hay, cam on tac gia da chia se thong tin bo ich nay!").text,
            "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin bổ ích này!"
        );
    }

    #[test]
    fn a_number_is_read_as_a_word_between_its_neighbours() {
        assert_eq!(restore("Toi nuoi 20 con ga.").text, "Tôi nuôi 20 con gà.");
        // A phone number is no count: it breaks the sequence.
        assert_eq!(restore("goi 0912 345 678").text, "gọi 0912 345 678");
    }

    #[test]
    fn capitals_are_kept_letter_by_letter() {
        assert_eq!(
            restore("TOI KHONG DONG Y VOI Y KIEN NAY").text,
            "TÔI KHÔNG ĐỒNG Ý VỚI Ý KIẾN NÀY"
        );
    }

    #[test]
    fn numbers_links_emoji_acronyms_and_english_are_kept_as_typed() {
        let text = "😀 Toi o TP HCM, 15 trieu, xem abc.com, UBND tinh, I love you so much";
        let restored = restore(text).text;
        assert_eq!(
            restored,
            "😀 Tôi ở TP HCM, 15 triệu, xem abc.com, UBND tỉnh, I love you so much"
        );
    }

    #[test]
    fn a_text_with_marks_is_given_back_as_it_is() {
        let text = "Bài viết này hay quá, tôi đồng ý với anh ta";
        assert_eq!(
            restore(text),
            Restoration {
                text: text.into(),
                words: Vec::new()
            }
        );
    }

    #[test]
    fn plain_words_among_fewer_marked_ones_are_restored_the_marked_kept() {
        assert_eq!(
            restore("Bài viết hay nhung toi khong dong y").text,
            "Bài viết hay nhưng tôi không đồng ý"
        );
    }

    #[test]
    fn words_give_character_spans_the_typed_word_and_other_readings() {
        let restored = restore("😀 toi di hoc");
        assert_eq!(restored.text, "😀 tôi đi học");
        let hoc = restored.words.last().unwrap();
        assert_eq!((hoc.start, hoc.end), (9, 12), "characters, not bytes");
        assert_eq!(hoc.original, "hoc");
        assert!(!hoc.alternatives.is_empty());
        assert!(!hoc.alternatives.contains(&"học".to_owned()));
        for word in &restored.words {
            let chosen: String = restored
                .text
                .chars()
                .skip(word.start)
                .take(word.end - word.start)
                .collect();
            assert_eq!(binhluan_rules::strip_marks(&chosen), word.original);
            for other in &word.alternatives {
                assert_eq!(binhluan_rules::strip_marks(other), word.original);
            }
        }
    }

    #[test]
    fn alternatives_keep_the_typed_case() {
        let restored = restore("TOI DI HOC");
        let hoc = restored.words.last().unwrap();
        assert!(
            hoc.alternatives
                .iter()
                .all(|a| a.chars().all(char::is_uppercase))
        );
    }
}
