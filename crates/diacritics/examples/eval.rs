//! Syllable accuracy of the restoration on held-out text with its marks stripped, and how
//! often the restored text passes the rules' diacritics check:
//!
//! * news: the dev split of UD_Vietnamese-VTB (the model counts only the train split);
//! * encyclopedia: every 50th line of the Wikipedia sentences (lines 0, 50, 100…), which
//!   `examples/derive.rs` leaves out.
//!
//! `cargo run --release -p binhluan-diacritics --example eval [-- --errors N]` (`--errors`:
//! also the N most frequent mistakes of each set, expected → restored).

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;

use binhluan_diacritics::{PieceKind, pieces, restore};
use binhluan_rules::{LinkPolicy, Policy, Rule, check};

/// Must match `WIKI_HOLD_OUT_EVERY` in `examples/derive.rs`.
const WIKI_HOLD_OUT_EVERY: usize = 50;

#[derive(Default)]
struct Tally {
    texts: usize,
    syllables: usize,
    right: usize,
    offered: usize,
    passing: usize,
    mistakes: HashMap<(String, String), usize>,
}

/// The words of `text`, as the restoration reads them.
fn words(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    pieces(&chars)
        .into_iter()
        .filter(|p| p.kind == PieceKind::Word)
        .map(|p| chars[p.start..p.end].iter().collect())
        .collect()
}

fn passes_diacritics(text: &str, policy: &Policy) -> bool {
    !check(text, policy)
        .violations
        .iter()
        .any(|v| v.rule == Rule::Diacritics)
}

impl Tally {
    fn add(&mut self, line: &str, policy: &Policy) {
        let original = binhluan_rules::normalize_for_analysis(line);
        let plain = binhluan_rules::strip_marks(&original);
        let restored = restore(&plain).text;
        let (expected, got) = (words(&original), words(&restored));
        if expected.len() != got.len() {
            panic!("restoration changed the words of {line:?}");
        }
        self.texts += 1;
        for (e, g) in expected.iter().zip(&got) {
            if binhluan_rules::is_vietnamese_syllable(e) {
                self.syllables += 1;
                if e == g {
                    self.right += 1;
                } else {
                    *self.mistakes.entry((e.clone(), g.clone())).or_default() += 1;
                }
            }
        }
        // The texts a reader would be offered "Thêm dấu" for: the original passes the rule,
        // its plain form does not.
        if passes_diacritics(&original, policy) && !passes_diacritics(&plain, policy) {
            self.offered += 1;
            self.passing += usize::from(passes_diacritics(&restored, policy));
        }
    }

    fn print(&self, name: &str, errors: usize) {
        println!(
            "{name:<13} {:>6} texts {:>8} syllables  accuracy {:>6.2} %  restored passes the diacritics rule {:>6.2} % ({} of {})",
            self.texts,
            self.syllables,
            100.0 * self.right as f64 / self.syllables as f64,
            100.0 * self.passing as f64 / self.offered as f64,
            self.passing,
            self.offered,
        );
        let mut mistakes: Vec<_> = self.mistakes.iter().collect();
        mistakes.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for ((expected, got), n) in mistakes.into_iter().take(errors) {
            println!("  {n:>4}  {expected} → {got}");
        }
    }
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let errors = match args.iter().position(|a| a == "--errors") {
        Some(i) => args.get(i + 1).and_then(|n| n.parse().ok()).unwrap_or(20),
        None => 0,
    };
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    let policy = Policy {
        min_words: 0,
        links: LinkPolicy::Allow,
        contacts: LinkPolicy::Allow,
        max_chars: usize::MAX,
        ..Policy::default()
    };
    let mut news = Tally::default();
    for line in std::fs::read_to_string(data.join("ud-vtb/vi_vtb-ud-dev.txt"))?.lines() {
        news.add(line, &policy);
    }
    news.print("news (UD dev)", errors);
    let wiki = std::fs::File::open(data.join("viwiki/viwiki-sentences.txt.gz"))?;
    let mut encyclopedia = Tally::default();
    for (index, line) in BufReader::new(flate2::read::GzDecoder::new(wiki))
        .lines()
        .enumerate()
    {
        let line = line?;
        if index % WIKI_HOLD_OUT_EVERY == 0 {
            encyclopedia.add(&line, &policy);
        }
    }
    encyclopedia.print("wiki held out", errors);
    Ok(())
}
