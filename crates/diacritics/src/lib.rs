//! Restores the marks of Vietnamese typed without them ("Thêm dấu"): `toi di hoc` →
//! `tôi đi học`, with the other likely forms of each word.
//!
//! A syllable trigram model with interpolated Kneser-Ney smoothing ([`Model`]), read both
//! forward and backward, derived from Vietnamese Wikipedia, the news sentences of
//! UD_Vietnamese-VTB and the word lists of pyvi and underthesea, with each form's frequency
//! in wordfreq's everyday Vietnamese as a prior, and embedded in the crate, is decoded with
//! Viterbi over the marked forms each plain syllable may stand for (and, after another word,
//! the case it was typed in). Case is kept letter
//! by letter; words already marked, numbers, links, e-mail addresses, emoji, words the model
//! does not know, acronyms in capitals and English phrases are kept as typed. Pure Rust, no
//! I/O; builds for `wasm32-unknown-unknown` and natively.
//!
//! ```
//! let restored = binhluan_diacritics::restore("Toi di hoc o Ha Noi.");
//! assert_eq!(restored.text, "Tôi đi học ở Hà Nội.");
//! ```

mod case;
mod decode;
mod model;
mod restore;
mod tokens;

pub use model::{Model, ModelCounts, ModelError};
pub use restore::{Restoration, RestoredWord, restore, restore_with};
pub use tokens::{NUMBER_FORM, Piece, PieceKind, pieces};
