//! How much an unmarked syllable says about whether a comment was typed without marks.
//!
//! The table (`unmarked_odds.txt`, generated from the UD Vietnamese VTB corpus by
//! `cargo run -p binhluan-rules --example derive_tables`, see `tools/odds.rs`) gives each plain
//! form a weight: the log-likelihood ratio, in half-nats, of seeing that form in genuine
//! accented text against seeing it in the same text typed without marks. Always ≤ 0.

use crate::syllable::pack_plain;
use std::sync::OnceLock;

const TABLE: &str = include_str!("unmarked_odds.txt");

/// The table parsed: packed plain forms and their weights, in packed order (the file is
/// written in that order, so no sorting is needed).
fn table() -> &'static [(u64, i8)] {
    static PARSED: OnceLock<Vec<(u64, i8)>> = OnceLock::new();
    PARSED.get_or_init(|| {
        let entries = TABLE
            .lines()
            .filter(|line| !line.starts_with('#'))
            .flat_map(|line| line.split(' '));
        entries
            .filter_map(|entry| {
                let (form, weight) = entry.split_at_checked(entry.len().checked_sub(1)?)?;
                let weight = weight.bytes().next().filter(u8::is_ascii_uppercase)? - b'A';
                Some((pack_plain(form)?, -i8::try_from(weight).ok()?))
            })
            .collect()
    })
}

/// The weight of the plain form `plain` (packed by [`pack_plain`]), or `None` when the
/// corpus never had a syllable with that plain form.
pub(crate) fn weight(plain: u64) -> Option<i8> {
    let table = table();
    table
        .binary_search_by_key(&plain, |&(form, _)| form)
        .ok()
        .map(|i| table[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(form: &str) -> Option<i8> {
        weight(pack_plain(form).unwrap())
    }

    #[test]
    fn the_table_is_sorted_for_binary_search() {
        assert!(table().len() > 1000);
        assert!(table().windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn common_unmarked_syllables_weigh_little_and_stripped_ones_a_lot() {
        for form in ["anh", "em", "cho", "xin"] {
            assert!(of(form).unwrap() >= -2, "{form}: {:?}", of(form));
        }
        for form in ["bai", "viet", "rat", "tac", "nguoi", "duoc"] {
            assert!(of(form).unwrap() <= -4, "{form}: {:?}", of(form));
        }
        assert_eq!(of("zzz"), None);
    }
}
