//! Sorting and merging ranges of the analysis copy, without the standard library's sorts
//! (whose code would weigh on the wasm). The lists are short and nearly sorted already:
//! detectors find things in reading order.

use core::ops::Range;

/// Sorts `ranges` by start, then end (insertion sort: linear on nearly sorted lists).
pub(crate) fn sort(ranges: &mut [Range<usize>]) {
    for i in 1..ranges.len() {
        let mut j = i;
        while j > 0 && (ranges[j - 1].start, ranges[j - 1].end) > (ranges[j].start, ranges[j].end) {
            ranges.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `ranges` and merges those that overlap or touch.
pub(crate) fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    sort(&mut ranges);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_merges() {
        let mut list = vec![5..6, 1..3, 1..2, 9..9];
        sort(&mut list);
        assert_eq!(list, [1..2, 1..3, 5..6, 9..9]);
        assert_eq!(merge(vec![4..6, 0..2, 2..3, 5..8]), [0..3, 4..8]);
    }
}
