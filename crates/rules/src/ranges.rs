//! Sorting and merging ranges of the analysis copy, with the standard library's sort: what the
//! detectors find, and the spans of every violation.

use core::ops::Range;

/// Sorts `ranges` by start, then end.
pub(crate) fn sort(ranges: &mut [Range<usize>]) {
    ranges.sort_unstable_by_key(|r| (r.start, r.end));
}

/// Sorts `ranges` and merges those that overlap or touch.
pub(crate) fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    sort(&mut ranges);
    ranges.dedup_by(|next, kept| {
        let joins = next.start <= kept.end;
        if joins {
            kept.end = kept.end.max(next.end);
        }
        joins
    });
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lists_sort_too() {
        let mut list: Vec<Range<usize>> = (0..500).map(|i| (i * 7919) % 1000..i).collect();
        let mut expected = list.clone();
        expected.sort_by_key(|r| (r.start, r.end));
        sort(&mut list);
        assert_eq!(list, expected);
    }

    #[test]
    fn sorts_and_merges() {
        let mut list = vec![5..6, 1..3, 1..2, 9..9];
        sort(&mut list);
        assert_eq!(list, [1..2, 1..3, 5..6, 9..9]);
        assert_eq!(merge(vec![4..6, 0..2, 2..3, 5..8]), [0..3, 4..8]);
        assert_eq!(merge(vec![0..9, 2..3, 4..5]), [Range { start: 0, end: 9 }]);
    }
}
