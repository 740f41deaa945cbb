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
const MAGIC: &[u8; 5] = b"BLDX\x02";

/// The id of the boundary that starts and ends every run of linked words.
pub(crate) const BOUNDARY: u16 = 0;

/// The count taken off every pair and triple seen (interpolated Kneser-Ney).
const DISCOUNT: f32 = 0.75;

/// The most marked forms tried for one plain syllable (the most frequent ones).
const MAX_CANDIDATES: usize = 10;

/// What a model is made of, as the derivation counts it: every syllable form (lowercase,
/// with its marks) and how often each form, pair and triple of forms was seen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ModelCounts {
    /// Forms and their counts; index 0 is the boundary (empty form, counting runs of words).
    pub forms: Vec<(String, u32)>,
    /// For each form: how often it came right after another word (only spaces between),
    /// and how often it was capitalized there (a name's use of it).
    pub cases: Vec<(u32, u32)>,
    /// Pairs of form ids `(a << 16) | b`, sorted, with their counts.
    pub bigrams: Vec<(u32, u32)>,
    /// Triples of form ids `(a << 32) | (b << 16) | c`, sorted, with their counts.
    pub trigrams: Vec<(u64, u32)>,
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
        let mut out = MAGIC.to_vec();
        put(&mut out, self.forms.len() as u64);
        for ((form, count), (after_word, capitalized)) in self.forms.iter().zip(&self.cases) {
            put(&mut out, form.len() as u64);
            out.extend_from_slice(form.as_bytes());
            put(&mut out, u64::from(*count));
            put(&mut out, u64::from(*after_word));
            put(&mut out, u64::from(*capitalized));
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

    /// Sorted keys below `limit` as deltas, each followed by its count.
    fn table(&mut self, limit: u64) -> Result<(Vec<u64>, Vec<u32>), ModelError> {
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
            counts.push(self.count()?);
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
        }
        let ids = form_count as u64;
        let (bigram_keys, bigram_counts) = reader.table(ids << 16)?;
        let (trigram_keys, trigram_counts) = reader.table(ids << 32)?;
        if reader.at != rest.len() {
            return Err(ModelError("trailing bytes"));
        }
        if bigram_keys.iter().any(|k| (k & 0xffff) >= ids)
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
        let pair_gammas = gammas(&bigram_keys, &bigram_counts, &trigram_keys, &trigram_counts);
        let single_keys: Vec<u32> = (0..form_count as u32).collect();
        let pairs_as_triples: Vec<u64> = bigram_keys.iter().map(|&k| u64::from(k)).collect();
        let single_gammas = gammas(&single_keys, &unigrams, &pairs_as_triples, &bigram_counts);
        let mut continuations = vec![0.5f32; form_count];
        for &key in &bigram_keys {
            continuations[(key & 0xffff) as usize] += 1.0;
        }
        let total: f32 = continuations.iter().sum();
        continuations.iter_mut().for_each(|c| *c /= total);
        Ok(Model {
            forms,
            unigrams,
            cases,
            bigram_keys,
            bigram_counts,
            trigram_keys,
            trigram_counts,
            pair_gammas,
            single_gammas,
            continuations,
            by_plain,
            by_form,
        })
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

    /// The lowercase form of `id`.
    pub(crate) fn form(&self, id: u16) -> &str {
        &self.forms[usize::from(id)]
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

/// The count of a context `a b` and the weight its continuations leave to the lower order.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Context {
    count: f32,
    gamma: f32,
}

/// For each context key (sorted), `1 −` the discounted mass of the longer keys that extend
/// it (`(context << 16) | next`, sorted): what interpolation gives to the lower order. Keys
/// pruned from the model leave their mass to the lower order too.
fn gammas(contexts: &[u32], counts: &[u32], longer: &[u64], longer_counts: &[u32]) -> Vec<f32> {
    let mut out = vec![1.0f32; contexts.len()];
    let mut at = 0;
    for (i, &context) in contexts.iter().enumerate() {
        let mut kept = 0.0f32;
        while at < longer.len() && (longer[at] >> 16) < u64::from(context) {
            at += 1;
        }
        while at < longer.len() && (longer[at] >> 16) == u64::from(context) {
            kept += (longer_counts[at] as f32 - DISCOUNT).max(0.0);
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
            bigrams: vec![(1, 3), ((1 << 16) | 2, 2), ((2 << 16) | 3, 2)],
            trigrams: vec![((1 << 16) | 2, 2), ((1 << 32) | (2 << 16) | 3, 2)],
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
    }
}
