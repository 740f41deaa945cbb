//! Comments of real Vietnamese text for timing the rules: each exactly [`CHARS`] characters of
//! UD_Vietnamese-VTB train sentences, drawn in a shuffled order, so that no two comments are
//! the same and their words repeat across comments only as much as real text's do (a bench
//! that cycles a few sentences keeps every cache and branch predictor warm).
//!
//! Shared by `benches/check.rs` (`check` itself) and `examples/cli_speed.rs` (the
//! `binhluan-check` process end to end). The corpus is read from the project's shared data
//! folder, as `tools/odds.rs` reads it; it is never copied into the repository.

#[allow(dead_code)]
#[path = "odds.rs"]
mod odds;

use std::path::Path;

/// The length of each comment, in characters.
pub const CHARS: usize = 2_000;

/// The corpus file the sentences come from.
const TRAIN: &str = "ud-vtb/vi_vtb-ud-train.txt";

/// `count` different comments of [`CHARS`] characters each, the same on every call; `None`
/// when the shared data folder does not hold the corpus.
pub fn comments(count: usize) -> Option<Vec<String>> {
    let dir = odds::data_dir(Path::new(env!("CARGO_MANIFEST_DIR")));
    let corpus = std::fs::read_to_string(dir.join(TRAIN)).ok()?;
    let sentences: Vec<&str> = corpus
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    let mut order = Shuffled::new(sentences.len());
    let comments = (0..count)
        .map(|_| {
            let mut text = String::new();
            let mut chars = 0;
            while chars < CHARS {
                let sentence = sentences[order.next()];
                // The last sentence is cut where the comment is full.
                let room = CHARS - chars;
                text.extend(sentence.chars().chain([' ']).take(room));
                chars += (sentence.chars().count() + 1).min(room);
            }
            text
        })
        .collect();
    Some(comments)
}

/// The indices `0..len` in a shuffled order, shuffled again each time they run out.
struct Shuffled {
    order: Vec<usize>,
    at: usize,
    /// The state of a xorshift generator: the same comments on every run and machine.
    state: u64,
}

impl Shuffled {
    fn new(len: usize) -> Shuffled {
        Shuffled {
            order: (0..len).collect(),
            at: len,
            state: 0x2545_F491_4F6C_DD1D,
        }
    }

    fn next(&mut self) -> usize {
        if self.at == self.order.len() {
            // Fisher–Yates.
            for i in (1..self.order.len()).rev() {
                self.state ^= self.state << 13;
                self.state ^= self.state >> 7;
                self.state ^= self.state << 17;
                self.order.swap(i, (self.state % (i as u64 + 1)) as usize);
            }
            self.at = 0;
        }
        self.at += 1;
        self.order[self.at - 1]
    }
}
