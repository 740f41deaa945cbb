//! Derives the committed model `model/syllables.bin` from the two corpora in the project's
//! shared data folder (`../shared/data/` from the repository's root):
//!
//! * `viwiki/viwiki-sentences.txt.gz`, Vietnamese Wikipedia (CC BY-SA), every line but every
//!   50th (lines 0, 50, 100…, held out for `examples/eval.rs`);
//! * `ud-vtb/vi_vtb-ud-train.txt`, news (CC BY-SA 4.0), its counts weighted ×NEWS_WEIGHT
//!   (the dev split is held out for `examples/eval.rs`);
//!
//! the pairs and triples inside the words of several syllables of pyvi's word list (MIT) and
//! of underthesea's Viet74K list (Apache-2.0), and each form's frequency in wordfreq's
//! Vietnamese list (Wikipedia, subtitles, web text; data CC BY-SA 4.0), which the scripts of
//! `tools/` fetch into `target/diacritics/`.
//!
//! ```sh
//! crates/diacritics/tools/pyvi-words.sh
//! crates/diacritics/tools/viet74k-words.sh
//! crates/diacritics/tools/wordfreq-vi.sh
//! cargo run --release -p binhluan-diacritics --example derive
//! ```

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use binhluan_diacritics::{ModelCounts, NUMBER_FORM, PieceKind, pieces};

/// Every how many Wikipedia lines one is held out (the lines whose index is a multiple).
const WIKI_HOLD_OUT_EVERY: usize = 50;
/// How many times a news sentence counts: the news corpus is small, and comments are news.
const NEWS_WEIGHT: u32 = 4;
/// How many times a word of pyvi's word list counts.
const WORD_LIST_WEIGHT: u32 = 3;
/// How many times a word of underthesea's Viet74K list counts.
const VIET74K_WEIGHT: u32 = 1;
/// The least count of a form kept in the model.
const MIN_FORM: u32 = 2;
/// The least count of a triple kept in the model (1: all are kept).
const MIN_TRIPLE: u32 = 1;

/// Counts as they are gathered, with provisional ids (and the pairs inside listed words).
#[derive(Default)]
struct Counter {
    ids: HashMap<String, Option<u32>>,
    form_ids: HashMap<String, u32>,
    forms: Vec<(String, u32)>,
    cases: Vec<(u32, u32)>,
    bigrams: HashMap<u64, u32>,
    trigrams: HashMap<u128, u32>,
    word_pairs: std::collections::HashSet<u64>,
}

impl Counter {
    fn new() -> Self {
        Counter {
            forms: vec![(String::new(), 0)],
            cases: vec![(0, 0)],
            ..Counter::default()
        }
    }

    /// The provisional id of a word's form, `None` for a word that is no Vietnamese syllable.
    fn id(&mut self, word: &str) -> Option<u32> {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let form = binhluan_rules::normalize_for_analysis(word).to_lowercase();
        let id = binhluan_rules::is_vietnamese_syllable(&form).then(|| {
            let next = self.forms.len() as u32;
            let id = *self.form_ids.entry(form.clone()).or_insert(next);
            if id == next {
                self.forms.push((form, 0));
                self.cases.push((0, 0));
            }
            id
        });
        self.ids.insert(word.to_owned(), id);
        id
    }

    /// The provisional id of the form every number not starting with `0` stands for.
    fn number(&mut self) -> u32 {
        let next = self.forms.len() as u32;
        let id = *self.form_ids.entry(NUMBER_FORM.to_owned()).or_insert(next);
        if id == next {
            self.forms.push((NUMBER_FORM.to_owned(), 0));
            self.cases.push((0, 0));
        }
        id
    }

    /// Counts the runs of linked syllables of one line, `weight` times.
    fn line(&mut self, line: &str, weight: u32) {
        let chars: Vec<char> = line.chars().collect();
        let mut run = vec![0u32];
        let pieces = pieces(&chars);
        for (i, piece) in pieces.iter().enumerate() {
            let id = match piece.kind {
                PieceKind::Word => {
                    self.id(&chars[piece.start..piece.end].iter().collect::<String>())
                }
                PieceKind::Number if chars[piece.start] != '0' => Some(self.number()),
                _ => None,
            };
            if let Some(id) = id
                && piece.kind == PieceKind::Word
                && i > 0
                && pieces[i - 1].kind == PieceKind::Word
            {
                let case = &mut self.cases[id as usize];
                case.0 += weight;
                case.1 += weight * u32::from(chars[piece.start].is_uppercase());
            }
            match id {
                Some(id) => run.push(id),
                None => self.run(&mut run, weight),
            }
        }
        self.run(&mut run, weight);
    }

    /// Counts the pairs and triples inside one word of several syllables (no boundary), and
    /// notes its pairs as the syllables of a word.
    fn inside(&mut self, word: &str, weight: u32) {
        let ids: Option<Vec<u32>> = word.split(' ').map(|s| self.id(s)).collect();
        let Some(ids) = ids else { return };
        for pair in ids.windows(2) {
            *self.bigrams.entry(key2(pair[0], pair[1])).or_default() += weight;
            self.forms[pair[0] as usize].1 += weight;
            self.word_pairs.insert(key2(pair[0], pair[1]));
        }
        for t in ids.windows(3) {
            *self.trigrams.entry(key3(t[0], t[1], t[2])).or_default() += weight;
        }
    }

    /// Counts one run `0 w… 0` and starts the next.
    fn run(&mut self, run: &mut Vec<u32>, weight: u32) {
        if run.len() > 1 {
            run.push(0);
            for &w in &run[..run.len() - 1] {
                self.forms[w as usize].1 += weight;
            }
            for pair in run.windows(2) {
                *self.bigrams.entry(key2(pair[0], pair[1])).or_default() += weight;
            }
            for t in run.windows(3) {
                *self.trigrams.entry(key3(t[0], t[1], t[2])).or_default() += weight;
            }
        }
        run.clear();
        run.push(0);
    }

    /// The counts with rare forms and triples pruned, ids by descending count; `listed`: the
    /// everyday word list's frequency of forms, in centibels below 1.
    fn finish(self, listed: &HashMap<String, u16>) -> ModelCounts {
        let mut order: Vec<usize> = (1..self.forms.len())
            .filter(|&i| self.forms[i].1 >= MIN_FORM)
            .collect();
        order.sort_by(|&a, &b| self.forms[b].1.cmp(&self.forms[a].1).then(a.cmp(&b)));
        order.truncate(usize::from(u16::MAX));
        let mut new_id = vec![None; self.forms.len()];
        new_id[0] = Some(0u64);
        let mut forms = vec![self.forms[0].clone()];
        let mut cases = vec![self.cases[0]];
        for (n, &old) in order.iter().enumerate() {
            new_id[old] = Some(n as u64 + 1);
            forms.push(self.forms[old].clone());
            cases.push(self.cases[old]);
        }
        let mut bigrams: Vec<(u32, u32)> = self
            .bigrams
            .iter()
            .filter_map(|(&k, &c)| {
                let a = new_id[(k >> 32) as usize]?;
                let b = new_id[(k & 0xffff_ffff) as usize]?;
                Some((((a << 16) | b) as u32, c))
            })
            .collect();
        bigrams.sort_unstable();
        let mut trigrams: Vec<(u64, u32)> = self
            .trigrams
            .iter()
            .filter(|&(_, &c)| c >= MIN_TRIPLE)
            .filter_map(|(&k, &c)| {
                let a = new_id[(k >> 64) as usize]?;
                let b = new_id[((k >> 32) & 0xffff_ffff) as usize]?;
                let w = new_id[(k & 0xffff_ffff) as usize]?;
                Some(((a << 32) | (b << 16) | w, c))
            })
            .collect();
        trigrams.sort_unstable();
        let mut word_pairs: Vec<u32> = self
            .word_pairs
            .iter()
            .filter_map(|&k| {
                let a = new_id[(k >> 32) as usize]?;
                let b = new_id[(k & 0xffff_ffff) as usize]?;
                Some(((a << 16) | b) as u32)
            })
            .collect();
        word_pairs.sort_unstable();
        let priors = forms
            .iter()
            .map(|(form, _)| listed.get(form).map_or(0, |&cb| cb + 1))
            .collect();
        ModelCounts {
            forms,
            cases,
            priors,
            bigrams,
            trigrams,
            word_pairs,
        }
    }
}

fn key2(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

fn key3(a: u32, b: u32, c: u32) -> u128 {
    (u128::from(a) << 64) | (u128::from(b) << 32) | u128::from(c)
}

/// The shared data folder: `../shared/data` from the repository's root.
fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

/// A file that a script of `tools/` fetched into `target/diacritics/`; exits when it is missing.
fn fetched(name: &str, script: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/diacritics")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|_| {
        eprintln!(
            "{} is missing: run crates/diacritics/tools/{script} first",
            path.display()
        );
        std::process::exit(1);
    })
}

fn main() -> std::io::Result<()> {
    let data = data_dir();
    let mut counter = Counter::new();
    let wiki = std::fs::File::open(data.join("viwiki/viwiki-sentences.txt.gz"))?;
    let wiki = BufReader::new(flate2::read::GzDecoder::new(wiki));
    let mut wiki_lines = 0;
    for (index, line) in wiki.lines().enumerate() {
        if index % WIKI_HOLD_OUT_EVERY != 0 {
            counter.line(&line?, 1);
            wiki_lines += 1;
        }
    }
    let news = std::fs::read_to_string(data.join("ud-vtb/vi_vtb-ud-train.txt"))?;
    for line in news.lines() {
        counter.line(line, NEWS_WEIGHT);
    }
    let words = fetched("pyvi-words.txt", "pyvi-words.sh");
    for word in words.lines() {
        counter.inside(word, WORD_LIST_WEIGHT);
    }
    let viet74k = fetched("viet74k-words.txt", "viet74k-words.sh");
    for word in viet74k.lines() {
        counter.inside(word.trim(), VIET74K_WEIGHT);
    }
    let mut listed = HashMap::new();
    for line in fetched("wordfreq-vi.tsv", "wordfreq-vi.sh").lines() {
        if let Some((word, centibels)) = line.split_once('\t')
            && let Ok(centibels) = centibels.parse::<u16>()
        {
            let form = binhluan_rules::normalize_for_analysis(word).to_lowercase();
            let best = listed.entry(form).or_insert(centibels);
            *best = (*best).min(centibels);
        }
    }
    let counts = counter.finish(&listed);
    let bytes = counts.encode();
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("model/syllables.bin");
    std::fs::write(&out, &bytes)?;
    println!(
        "{wiki_lines} Wikipedia lines, {} news sentences (×{NEWS_WEIGHT}), {} pyvi words (×{WORD_LIST_WEIGHT}), {} Viet74K words (×{VIET74K_WEIGHT}), {} everyday frequencies: {} forms, {} pairs, {} triples, {} pairs inside listed words; {} bytes → {}",
        news.lines().count(),
        words.lines().count(),
        viet74k.lines().count(),
        listed.len(),
        counts.forms.len(),
        counts.bigrams.len(),
        counts.trigrams.len(),
        counts.word_pairs.len(),
        bytes.len(),
        out.display()
    );
    Ok(())
}
