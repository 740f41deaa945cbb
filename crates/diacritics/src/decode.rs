//! Viterbi over a sequence of slots, each a few candidate forms, under the trigram model
//! read both ways (each form after the two before it, and before the two after it): the
//! states are the pairs (previous candidate, current candidate).

use crate::model::{BACK_WEIGHT, BOUNDARY, Model};

/// The best candidate index of each slot, the sequence as a whole scored by `model` (the
/// forward log probability plus `BACK_WEIGHT` times the backward one, plus what each pair
/// of a listed word gains, plus `bonus(slot, form)` for each choice), read as if the sequence started and ended at a boundary. Every
/// slot needs a candidate.
pub(crate) fn best_path(
    model: &Model,
    slots: &[&[u16]],
    bonus: &dyn Fn(usize, u16) -> f32,
) -> Vec<usize> {
    const START: &[u16] = &[BOUNDARY];
    let slot = |i: isize| -> &[u16] { if i < 0 { START } else { slots[i as usize] } };
    // scores[p * k + c]: the best path whose last two slots chose p and c.
    let mut scores = vec![0.0f32];
    let mut back: Vec<Vec<u8>> = Vec::with_capacity(slots.len());
    let mut end_scores = Vec::new();
    for i in 0..=slots.len() as isize {
        let (older, prev) = (slot(i - 2), slot(i - 1));
        let current = if i == slots.len() as isize {
            START
        } else {
            slot(i)
        };
        let mut next = vec![f32::NEG_INFINITY; prev.len() * current.len()];
        let mut pointers = vec![0u8; prev.len() * current.len()];
        let end = i == slots.len() as isize;
        for (p, &b) in prev.iter().enumerate() {
            let contexts: Vec<_> = older.iter().map(|&a| model.context(a, b)).collect();
            let back_lowers: Vec<f32> = older.iter().map(|&a| model.back_given_one(b, a)).collect();
            // Read backward, the sequence starts with its last form after the end boundary.
            let back_end = if end {
                BACK_WEIGHT * model.back_given_one(BOUNDARY, b).ln()
            } else {
                0.0
            };
            for (c, &w) in current.iter().enumerate() {
                let lower = model.given_one(b, w);
                let back_context = model.back_context(b, w);
                let word_pair = model.word_pair_score(b, w);
                let extra = if i < slots.len() as isize {
                    bonus(i as usize, w)
                } else {
                    0.0
                };
                let cell = p * current.len() + c;
                for (q, &a) in older.iter().enumerate() {
                    let before = scores[q * prev.len() + p];
                    if before == f32::NEG_INFINITY {
                        continue;
                    }
                    let mut step =
                        model.probability(a, b, w, contexts[q], lower).ln() + extra + word_pair;
                    if i > 0 {
                        let back = model.back_probability(a, b, w, back_context, back_lowers[q]);
                        step += BACK_WEIGHT * back.ln() + back_end;
                    }
                    if before + step > next[cell] {
                        next[cell] = before + step;
                        pointers[cell] = q as u8;
                    }
                }
            }
        }
        if i == slots.len() as isize {
            end_scores = next;
            back.push(pointers);
        } else {
            scores = next;
            back.push(pointers);
        }
    }
    // The end boundary has one candidate: the best state is the best previous candidate.
    let last = slot(slots.len() as isize - 1);
    let mut p = (0..last.len())
        .max_by(|&x, &y| end_scores[x].total_cmp(&end_scores[y]))
        .unwrap_or(0);
    let mut c = 0;
    let mut path = vec![0; slots.len()];
    for i in (0..=slots.len()).rev() {
        let current_len = if i == slots.len() { 1 } else { slots[i].len() };
        let q = usize::from(back[i][p * current_len + c]);
        if i < slots.len() {
            path[i] = c;
        }
        c = p;
        p = q;
    }
    path
}

/// The log score (as [`best_path`] scores, bonus left out) of the triples that `slots[i]`'s
/// choice `w` takes part in, the other slots as `path` chose them: used to rank a word's
/// alternatives.
pub(crate) fn local_score(
    model: &Model,
    slots: &[&[u16]],
    path: &[usize],
    i: usize,
    w: u16,
) -> f32 {
    let id = |j: isize| -> u16 {
        if j < 0 || j as usize >= slots.len() {
            BOUNDARY
        } else if j as usize == i {
            w
        } else {
            slots[j as usize][path[j as usize]]
        }
    };
    let (i, len) = (i as isize, slots.len() as isize);
    (i..=i + 2)
        .map(|j| {
            let (a, b, c) = (id(j - 2), id(j - 1), id(j));
            let mut score = model
                .probability(a, b, c, model.context(a, b), model.given_one(b, c))
                .ln()
                + model.word_pair_score(b, c);
            if 0 < j && j <= len {
                let back = model.back_probability(
                    a,
                    b,
                    c,
                    model.back_context(b, c),
                    model.back_given_one(b, a),
                );
                score += BACK_WEIGHT * back.ln();
                if j == len {
                    score += BACK_WEIGHT * model.back_given_one(BOUNDARY, b).ln();
                }
            }
            score
        })
        .sum()
}
