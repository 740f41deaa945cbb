//! The syllable trigram model: its counts, their compact binary form, and the interpolated
//! Kneser-Ney probabilities the decoder asks for.

use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

/// The model embedded in the crate, derived by `examples/derive.rs`.
static EMBEDDED_BYTES: &[u8] = include_bytes!("../model/syllables.bin");

/// The embedded model, decoded on first use.
static EMBEDDED: LazyLock<Model> =
    LazyLock::new(|| Model::decode(EMBEDDED_BYTES).expect("the embedded model decodes"));

/// The first bytes of a model file, with its format's version.
const MAGIC: &[u8; 5] = b"BLDX\x04";

/// The id of the boundary that starts and ends every run of linked words.
pub(crate) const BOUNDARY: u16 = 0;

/// The count taken off every pair and triple seen (interpolated Kneser-Ney).
const DISCOUNT: f32 = 0.75;

/// How much the backward model (each form read from the two after it) counts beside the
/// forward one, in the log score of a sequence.
pub(crate) const BACK_WEIGHT: f32 = 0.5;

/// How much the everyday word list's frequency of a form counts, in the log score of each
/// choice (`PRIOR_WEIGHT · ln f`).
const PRIOR_WEIGHT: f32 = 0.2;

/// The log weight added to a choice whose form and the one before it are two syllables of a
/// word in the word lists (`học sinh`, `chị gái`).
const WORD_PAIR_BONUS: f32 = 0.6;

/// The frequency, in centibels below 1, given to forms the everyday list leaves out (it lists
/// the forms down to 600 cB, a frequency of 10⁻⁶).
const PRIOR_FLOOR: f32 = 650.0;

/// The most marked forms tried for one plain syllable (the most frequent ones).
const MAX_CANDIDATES: usize = 15;

/// What a model is made of, as the derivation counts it: every syllable form (lowercase,
/// with its marks) and how often each form, pair and triple of forms was seen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ModelCounts {
    /// Forms and their counts; index 0 is the boundary (empty form, counting runs of words).
    pub forms: Vec<(String, u32)>,
    /// For each form: how often it came right after another word (only spaces between),
    /// and how often it was capitalized there (a name's use of it).
    pub cases: Vec<(u32, u32)>,
    /// For each form: its frequency in a list of everyday Vietnamese (subtitles, web text,
    /// Wikipedia), in centibels below 1 plus one (`f = 10^(−(p − 1)/100)`), 0 when unlisted.
    pub priors: Vec<u16>,
    /// Pairs of form ids `(a << 16) | b`, sorted, with their counts.
    pub bigrams: Vec<(u32, u32)>,
    /// Triples of form ids `(a << 32) | (b << 16) | c`, sorted, with their counts.
    pub trigrams: Vec<(u64, u32)>,
    /// Pairs of form ids `(a << 16) | b`, sorted, that are two syllables in a row of a word
    /// of the word lists.
    pub word_pairs: Vec<u32>,
}

/// Why model bytes could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModelError(&'static str);

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "diacritics model: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

/// A decoded model: the forms, the counts to score them, and the forms each plain
/// syllable may stand for.
#[derive(Debug)]
pub struct Model {
    forms: Vec<String>,
    unigrams: Vec<u32>,
    cases: Vec<(u32, u32)>,
    /// For each form: the log weight the everyday list gives it over the model's own counts.
    priors: Vec<f32>,
    bigram_keys: Vec<u32>,
    bigram_counts: Vec<u32>,
    trigram_keys: Vec<u64>,
    trigram_counts: Vec<u32>,
    /// For each pair `a b`: the weight its triples leave to the pairs (`γ(a b)`).
    pair_gammas: Vec<f32>,
    /// For each form `b`: the weight its pairs leave to single forms (`γ(b)`).
    single_gammas: Vec<f32>,
    /// For each form: its continuation probability (in how many pairs it comes second).
    continuations: Vec<f32>,
    /// The triples keyed from the right, `(b << 32) | (c << 16) | a`, sorted, with their
    /// counts: the backward model, which reads `a` from the two forms after it.
    back_trigram_keys: Vec<u64>,
    back_trigram_counts: Vec<u32>,
    /// For each pair `b c` (in `bigram_keys` order): what its triples leave to `b` given `c`.
    back_pair_gammas: Vec<f32>,
    /// The pairs keyed from the right, `(c << 16) | b`, sorted, with their counts.
    back_bigram_keys: Vec<u32>,
    back_bigram_counts: Vec<u32>,
    /// For each form `c`: how often it came second in a pair, and what its pairs leave to
    /// single forms.
    right_totals: Vec<u32>,
    back_single_gammas: Vec<f32>,
    /// For each form: in how many pairs it comes first (normalized).
    left_continuations: Vec<f32>,
    /// Pairs `(a << 16) | b`, sorted, of two syllables in a row of a listed word.
    word_pairs: Vec<u32>,
    by_plain: HashMap<String, Vec<u16>>,
    by_form: HashMap<String, u16>,
}

impl ModelCounts {
    /// The compact binary form [`Model::decode`] reads: varints, keys as deltas.
    ///
    /// # Panics
    ///
    /// When `cases` does not have one entry per form.
    pub fn encode(&self) -> Vec<u8> {
        assert_eq!(
            self.forms.len(),
            self.cases.len(),
            "one `cases` entry per form"
        );
        assert_eq!(
            self.forms.len(),
            self.priors.len(),
            "one `priors` entry per form"
        );
        let mut out = MAGIC.to_vec();
        put(&mut out, self.forms.len() as u64);
        for (((form, count), (after_word, capitalized)), prior) in
            self.forms.iter().zip(&self.cases).zip(&self.priors)
        {
            put(&mut out, form.len() as u64);
            out.extend_from_slice(form.as_bytes());
            put(&mut out, u64::from(*count));
            put(&mut out, u64::from(*after_word));
            put(&mut out, u64::from(*capitalized));
            put(&mut out, u64::from(*prior));
        }
        put(&mut out, self.bigrams.len() as u64);
        let mut last = 0u64;
        for &(key, count) in &self.bigrams {
            put(&mut out, u64::from(key) - last);
            put(&mut out, u64::from(count));
            last = u64::from(key);
        }
        put(&mut out, self.trigrams.len() as u64);
        last = 0;
        for &(key, count) in &self.trigrams {
            put(&mut out, key - last);
            put(&mut out, u64::from(count));
            last = key;
        }
        put(&mut out, self.word_pairs.len() as u64);
        last = 0;
        for &key in &self.word_pairs {
            put(&mut out, u64::from(key) - last);
            last = u64::from(key);
        }
        out
    }
}

/// Appends `value` as a LEB128 varint.
fn put(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads model bytes in order.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.at).ok_or(ModelError("truncated"))?;
            self.at += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(value);
            }
        }
        Err(ModelError("varint too long"))
    }

    fn count(&mut self) -> Result<u32, ModelError> {
        u32::try_from(self.varint()?).map_err(|_| ModelError("count too large"))
    }

    /// Sorted keys below `limit` as deltas, each followed by its count when `counted`.
    fn table(&mut self, limit: u64, counted: bool) -> Result<(Vec<u64>, Vec<u32>), ModelError> {
        let len = self.varint()? as usize;
        let mut keys = Vec::with_capacity(len.min(self.bytes.len()));
        let mut counts = Vec::with_capacity(len.min(self.bytes.len()));
        let mut key = 0u64;
        for index in 0..len {
            let delta = self.varint()?;
            if index > 0 && delta == 0 {
                return Err(ModelError("keys not strictly increasing"));
            }
            key = key.checked_add(delta).ok_or(ModelError("key overflow"))?;
            if key >= limit {
                return Err(ModelError("key names an unknown form"));
            }
            keys.push(key);
            if counted {
                counts.push(self.count()?);
            }
        }
        Ok((keys, counts))
    }
}

impl Model {
    /// The model embedded in this crate (decoded once, on first use).
    pub fn embedded() -> &'static Model {
        &EMBEDDED
    }

    /// Reads a model written by [`ModelCounts::encode`].
    pub fn decode(bytes: &[u8]) -> Result<Model, ModelError> {
        let rest = bytes.strip_prefix(MAGIC).ok_or(ModelError("not a model"))?;
        let mut reader = Reader { bytes: rest, at: 0 };
        let form_count = reader.varint()? as usize;
        if form_count == 0 || form_count > usize::from(u16::MAX) + 1 {
            return Err(ModelError("bad number of forms"));
        }
        let mut forms = Vec::with_capacity(form_count);
        let mut unigrams = Vec::with_capacity(form_count);
        let mut cases = Vec::with_capacity(form_count);
        let mut listed = Vec::with_capacity(form_count);
        for _ in 0..form_count {
            let len = reader.varint()? as usize;
            let end = reader.at.checked_add(len).ok_or(ModelError("truncated"))?;
            let text = rest.get(reader.at..end).ok_or(ModelError("truncated"))?;
            reader.at = end;
            let form = std::str::from_utf8(text).map_err(|_| ModelError("form not UTF-8"))?;
            forms.push(form.to_owned());
            unigrams.push(reader.count()?);
            let after_word = reader.count()?;
            let capitalized = reader.count()?;
            if capitalized > after_word {
                return Err(ModelError("more capitalized than seen"));
            }
            cases.push((after_word, capitalized));
            listed
                .push(u16::try_from(reader.varint()?).map_err(|_| ModelError("prior too large"))?);
        }
        let ids = form_count as u64;
        let (bigram_keys, bigram_counts) = reader.table(ids << 16, true)?;
        let (trigram_keys, trigram_counts) = reader.table(ids << 32, true)?;
        let (word_pairs, _) = reader.table(ids << 16, false)?;
        if reader.at != rest.len() {
            return Err(ModelError("trailing bytes"));
        }
        if bigram_keys
            .iter()
            .chain(&word_pairs)
            .any(|k| (k & 0xffff) >= ids)
            || trigram_keys
                .iter()
                .any(|k| (k & 0xffff) >= ids || ((k >> 16) & 0xffff) >= ids)
        {
            return Err(ModelError("key names an unknown form"));
        }
        let mut by_plain: HashMap<String, Vec<u16>> = HashMap::new();
        let mut by_form = HashMap::with_capacity(form_count);
        for (id, form) in forms.iter().enumerate().skip(1) {
            let id = id as u16;
            by_form.insert(form.clone(), id);
            let plain = binhluan_rules::strip_marks(form);
            // A form replaces its plain spelling in place: one character for one.
            if plain.chars().count() == form.chars().count() {
                by_plain.entry(plain).or_default().push(id);
            }
        }
        for ids in by_plain.values_mut() {
            ids.sort_by_key(|&id| std::cmp::Reverse(unigrams[usize::from(id)]));
            ids.truncate(MAX_CANDIDATES);
        }
        let bigram_keys: Vec<u32> = bigram_keys.into_iter().map(|k| k as u32).collect();
        let pair_gammas = gammas(
            &bigram_keys,
            &bigram_counts,
            &trigram_keys,
            &trigram_counts,
            DISCOUNT,
        );
        let single_keys: Vec<u32> = (0..form_count as u32).collect();
        let pairs_as_triples: Vec<u64> = bigram_keys.iter().map(|&k| u64::from(k)).collect();
        let single_gammas = gammas(
            &single_keys,
            &unigrams,
            &pairs_as_triples,
            &bigram_counts,
            DISCOUNT,
        );
        let mut continuations = vec![0.5f32; form_count];
        for &key in &bigram_keys {
            continuations[(key & 0xffff) as usize] += 1.0;
        }
        let total: f32 = continuations.iter().sum();
        continuations.iter_mut().for_each(|c| *c /= total);

        let mut back: Vec<(u64, u32)> = trigram_keys
            .iter()
            .zip(&trigram_counts)
            .map(|(&k, &n)| ((((k & 0xffff_ffff) << 16) | (k >> 32)), n))
            .collect();
        back.sort_unstable();
        let (back_trigram_keys, back_trigram_counts): (Vec<u64>, Vec<u32>) =
            back.into_iter().unzip();
        let back_pair_gammas = gammas(
            &bigram_keys,
            &bigram_counts,
            &back_trigram_keys,
            &back_trigram_counts,
            DISCOUNT,
        );
        let mut back2: Vec<(u32, u32)> = bigram_keys
            .iter()
            .zip(&bigram_counts)
            .map(|(&k, &n)| (((k & 0xffff) << 16) | (k >> 16), n))
            .collect();
        back2.sort_unstable();
        let (back_bigram_keys, back_bigram_counts): (Vec<u32>, Vec<u32>) =
            back2.into_iter().unzip();
        let mut right_totals = vec![0u32; form_count];
        let mut left_continuations = vec![0.5f32; form_count];
        for (&key, &n) in bigram_keys.iter().zip(&bigram_counts) {
            right_totals[(key & 0xffff) as usize] += n;
            left_continuations[(key >> 16) as usize] += 1.0;
        }
        let total: f32 = left_continuations.iter().sum();
        left_continuations.iter_mut().for_each(|c| *c /= total);
        let back_pairs_as_triples: Vec<u64> =
            back_bigram_keys.iter().map(|&k| u64::from(k)).collect();
        let back_single_gammas = gammas(
            &single_keys,
            &right_totals,
            &back_pairs_as_triples,
            &back_bigram_counts,
            DISCOUNT,
        );
        let priors = prior_scores(&listed);
        Ok(Model {
            forms,
            unigrams,
            cases,
            priors,
            bigram_keys,
            bigram_counts,
            trigram_keys,
            trigram_counts,
            pair_gammas,
            single_gammas,
            continuations,
            back_trigram_keys,
            back_trigram_counts,
            back_pair_gammas,
            back_bigram_keys,
            back_bigram_counts,
            right_totals,
            back_single_gammas,
            left_continuations,
            word_pairs: word_pairs.into_iter().map(|k| k as u32).collect(),
            by_plain,
            by_form,
        })
    }

    /// What choosing `c` after `b` gains when the two are syllables in a row of a listed word.
    pub(crate) fn word_pair_score(&self, b: u16, c: u16) -> f32 {
        let key = (u32::from(b) << 16) | u32::from(c);
        if self.word_pairs.binary_search(&key).is_ok() {
            WORD_PAIR_BONUS
        } else {
            0.0
        }
    }

    /// How many forms the model knows, the boundary included.
    pub fn form_count(&self) -> usize {
        self.forms.len()
    }

    /// The marked forms `plain` (lowercase, without marks) may stand for, most frequent first.
    pub(crate) fn candidates(&self, plain: &str) -> &[u16] {
        self.by_plain.get(plain).map_or(&[], Vec::as_slice)
    }

    /// The id of a lowercase form, if the model knows it.
    pub(crate) fn id(&self, form: &str) -> Option<u16> {
        self.by_form.get(form).copied()
    }

    /// The log odds that form `id`, right after another word, is written capitalized
    /// (`capitalized`) or not: what the typed case says of which form it is (a capitalized
    /// `Minh` is the name, a lowercase `minh` rather `mình`).
    pub(crate) fn case_score(&self, id: u16, capitalized: bool) -> f32 {
        let (after_word, caps) = self.cases[usize::from(id)];
        let matching = if capitalized { caps } else { after_word - caps };
        ((matching as f32 + 1.0) / (after_word as f32 + 2.0)).ln()
    }

    /// What the everyday word list says of form `id`, beside the model's counts: a log
    /// weight added to its score wherever it is a candidate.
    pub(crate) fn prior_score(&self, id: u16) -> f32 {
        self.priors[usize::from(id)]
    }

    /// The lowercase form of `id`.
    pub(crate) fn form(&self, id: u16) -> &str {
        &self.forms[usize::from(id)]
    }

    /// The log probability of `a` before `b c` (the backward model).
    #[cfg(test)]
    pub(crate) fn back_score(&self, a: u16, b: u16, c: u16) -> f32 {
        self.back_probability(a, b, c, self.back_context(b, c), self.back_given_one(b, a))
            .ln()
    }

    /// The log probability of `c` after `a b`.
    #[cfg(test)]
    pub(crate) fn score(&self, a: u16, b: u16, c: u16) -> f32 {
        self.probability(a, b, c, self.context(a, b), self.given_one(b, c))
            .ln()
    }

    /// What the triples `a b •` need: the count of `a b` and its backoff weight.
    pub(crate) fn context(&self, a: u16, b: u16) -> Context {
        let key = (u32::from(a) << 16) | u32::from(b);
        match self.bigram_keys.binary_search(&key) {
            Ok(i) => Context {
                count: self.bigram_counts[i] as f32,
                gamma: self.pair_gammas[i],
            },
            Err(_) => Context {
                count: 0.0,
                gamma: 1.0,
            },
        }
    }

    /// The probability of `c` after `b` alone: the discounted pair, interpolated with the
    /// continuation probability of `c`.
    pub(crate) fn given_one(&self, b: u16, c: u16) -> f32 {
        let single = self.unigrams[usize::from(b)];
        let lower = self.continuations[usize::from(c)];
        if single == 0 {
            return lower;
        }
        let key = (u32::from(b) << 16) | u32::from(c);
        let pair = self
            .bigram_keys
            .binary_search(&key)
            .map_or(0.0, |i| self.bigram_counts[i] as f32);
        (pair - DISCOUNT).max(0.0) / single as f32 + self.single_gammas[usize::from(b)] * lower
    }

    /// The probability of `c` after `a b`, given `context(a, b)` and `given_one(b, c)`.
    pub(crate) fn probability(&self, a: u16, b: u16, c: u16, context: Context, lower: f32) -> f32 {
        if context.count == 0.0 {
            return lower;
        }
        let key = (u64::from(a) << 32) | (u64::from(b) << 16) | u64::from(c);
        let triple = self
            .trigram_keys
            .binary_search(&key)
            .map_or(0.0, |i| self.trigram_counts[i] as f32);
        (triple - DISCOUNT).max(0.0) / context.count + context.gamma * lower
    }
}

/// For each form, `PRIOR_WEIGHT · ln f`, `f` its frequency in the everyday word list (given
/// as centibels below 1 plus one, 0 for a form the list leaves out).
fn prior_scores(listed: &[u16]) -> Vec<f32> {
    listed
        .iter()
        .map(|&p| {
            let centibels = if p == 0 {
                PRIOR_FLOOR
            } else {
                f32::from(p - 1)
            };
            -PRIOR_WEIGHT * centibels / 100.0 * std::f32::consts::LN_10
        })
        .collect()
}

impl Model {
    /// What the backward triples `• b c` need: the count of `b c` and its backoff weight.
    pub(crate) fn back_context(&self, b: u16, c: u16) -> Context {
        let key = (u32::from(b) << 16) | u32::from(c);
        match self.bigram_keys.binary_search(&key) {
            Ok(i) => Context {
                count: self.bigram_counts[i] as f32,
                gamma: self.back_pair_gammas[i],
            },
            Err(_) => Context {
                count: 0.0,
                gamma: 1.0,
            },
        }
    }

    /// The probability of `b` before `c` alone (the backward pair).
    pub(crate) fn back_given_one(&self, c: u16, b: u16) -> f32 {
        let total = self.right_totals[usize::from(c)];
        let lower = self.left_continuations[usize::from(b)];
        if total == 0 {
            return lower;
        }
        let key = (u32::from(c) << 16) | u32::from(b);
        let pair = self
            .back_bigram_keys
            .binary_search(&key)
            .map_or(0.0, |i| self.back_bigram_counts[i] as f32);
        (pair - DISCOUNT).max(0.0) / total as f32 + self.back_single_gammas[usize::from(c)] * lower
    }

    /// The probability of `a` before `b c`, given `back_context(b, c)` and
    /// `back_given_one(b, a)`.
    pub(crate) fn back_probability(
        &self,
        a: u16,
        b: u16,
        c: u16,
        context: Context,
        lower: f32,
    ) -> f32 {
        if context.count == 0.0 {
            return lower;
        }
        let key = (u64::from(b) << 32) | (u64::from(c) << 16) | u64::from(a);
        let triple = self
            .back_trigram_keys
            .binary_search(&key)
            .map_or(0.0, |i| self.back_trigram_counts[i] as f32);
        (triple - DISCOUNT).max(0.0) / context.count + context.gamma * lower
    }
}

/// The count of a context `a b` and the weight its continuations leave to the lower order.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Context {
    count: f32,
    gamma: f32,
}

/// For each context key (sorted), `1 −` the discounted mass of the longer keys that extend
/// it (`(context << 16) | next`, sorted): what interpolation gives to the lower order. Keys
/// pruned from the model leave their mass to the lower order too.
fn gammas(
    contexts: &[u32],
    counts: &[u32],
    longer: &[u64],
    longer_counts: &[u32],
    discount: f32,
) -> Vec<f32> {
    let mut out = vec![1.0f32; contexts.len()];
    let mut at = 0;
    for (i, &context) in contexts.iter().enumerate() {
        let mut kept = 0.0f32;
        while at < longer.len() && (longer[at] >> 16) < u64::from(context) {
            at += 1;
        }
        while at < longer.len() && (longer[at] >> 16) == u64::from(context) {
            kept += (longer_counts[at] as f32 - discount).max(0.0);
            at += 1;
        }
        if counts[i] > 0 {
            out[i] = (1.0 - kept / counts[i] as f32).clamp(0.0, 1.0);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> ModelCounts {
        ModelCounts {
            forms: vec![
                (String::new(), 3),
                ("tôi".into(), 3),
                ("đi".into(), 2),
                ("học".into(), 2),
                ("hóc".into(), 1),
            ],
            cases: vec![(0, 0), (0, 0), (3, 0), (2, 0), (1, 1)],
            priors: vec![0, 0, 251, 201, 0],
            bigrams: vec![(1, 3), ((1 << 16) | 2, 2), ((2 << 16) | 3, 2)],
            trigrams: vec![((1 << 16) | 2, 2), ((1 << 32) | (2 << 16) | 3, 2)],
            word_pairs: vec![(2 << 16) | 3],
        }
    }

    #[test]
    fn counts_round_trip_through_bytes() {
        let model = Model::decode(&tiny().encode()).unwrap();
        assert_eq!(model.form_count(), 5);
        assert_eq!(model.candidates("hoc"), &[3, 4]);
        assert_eq!(model.id("đi"), Some(2));
        assert_eq!(model.form(3), "học");
        assert!(model.score(1, 2, 3) > model.score(1, 2, 4));
        assert!(
            model.score(0, 2, 3) > model.score(0, 2, 4),
            "backs off to pairs"
        );
        assert!(
            model.score(0, 0, 3) > model.score(0, 0, 4),
            "then to single forms"
        );
        assert!(model.back_score(1, 2, 3) > model.back_score(3, 2, 3));
        assert!(
            model.back_score(2, 3, 0) > model.back_score(1, 3, 0),
            "backward, backs off to pairs"
        );
        assert!(
            model.prior_score(3) > model.prior_score(2),
            "a more frequent form in the everyday list"
        );
        assert!(
            model.prior_score(2) > model.prior_score(4),
            "a listed form over an unlisted one"
        );
        assert!(model.word_pair_score(2, 3) > model.word_pair_score(2, 4));
        assert!(model.case_score(4, true) > model.case_score(3, true));
        assert!(model.case_score(4, false) < model.case_score(3, false));
    }

    #[test]
    fn damaged_bytes_are_refused_not_trusted() {
        let bytes = tiny().encode();
        for cut in 0..bytes.len() {
            assert!(Model::decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut extra = bytes.clone();
        extra.push(0);
        assert_eq!(
            Model::decode(&extra).unwrap_err(),
            ModelError("trailing bytes")
        );
        let mut bad = tiny();
        bad.bigrams.push((9 << 16, 1));
        assert!(Model::decode(&bad.encode()).is_err());
        let mut bad = tiny();
        bad.word_pairs.push((2 << 16) | 9);
        assert!(Model::decode(&bad.encode()).is_err());
    }
}
