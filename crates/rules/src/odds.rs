//! How much an unmarked syllable says about whether a comment was typed without marks.
//!
//! The table (`unmarked_odds.txt`, generated from the UD Vietnamese VTB corpus by
//! `cargo run -p binhluan-rules --example derive_tables`, see `tools/odds.rs`) gives each plain
//! form a weight: the log-likelihood ratio, in half-nats, of seeing that form in genuine
//! accented text against seeing it in the same text typed without marks. Always ≤ 0.

use crate::syllable::pack_plain;
use std::sync::OnceLock;

const TABLE: &str = include_str!("unmarked_odds.txt");

/// The table parsed: packed plain forms and their weights, in the file's order (packed
/// order).
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

/// The table as an open-addressing hash set of plain forms (0 marks an empty slot: no plain
/// form packs to 0), so that a lookup is a multiplication and a probe or two.
fn index() -> &'static [(u64, i8)] {
    static INDEX: OnceLock<Vec<(u64, i8)>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let entries = table();
        let mut slots = vec![(0, 0); (2 * entries.len()).next_power_of_two()];
        let mask = slots.len() - 1;
        for &(form, weight) in entries {
            let mut at = slot_of(form) & mask;
            while slots[at].0 != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = (form, weight);
        }
        slots
    })
}

#[inline]
fn slot_of(plain: u64) -> usize {
    (plain.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize
}

/// The weight of the plain form `plain` (packed by [`pack_plain`]), or `None` when the
/// corpus never had a syllable with that plain form.
pub(crate) fn weight(plain: u64) -> Option<i8> {
    let index = index();
    let mask = index.len() - 1;
    let mut at = slot_of(plain) & mask;
    loop {
        match index[at] {
            (0, _) => return None,
            (form, weight) if form == plain => return Some(weight),
            _ => at = (at + 1) & mask,
        }
    }
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
