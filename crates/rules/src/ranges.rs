//! Sorting and merging ranges of the analysis copy, without the standard library's sorts
//! (whose code would weigh on the wasm). The lists are short and nearly sorted already:
//! detectors find things in reading order. Long lists (adversarial text) are heap-sorted, so
//! that sorting stays O(n log n) whatever their order.

use core::ops::Range;

/// Lists longer than this are heap-sorted rather than insertion-sorted.
const SHORT: usize = 32;

/// Sorts `ranges` by start, then end.
pub(crate) fn sort(ranges: &mut [Range<usize>]) {
    let key = |r: &Range<usize>| (r.start, r.end);
    if ranges.len() <= SHORT {
        // Insertion sort: linear on nearly sorted lists.
        for i in 1..ranges.len() {
            let mut j = i;
            while j > 0 && key(&ranges[j - 1]) > key(&ranges[j]) {
                ranges.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    // Heap sort: build a max-heap, then move the largest to the end, one by one.
    let sift_down = |ranges: &mut [Range<usize>], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && key(&ranges[child]) < key(&ranges[child + 1]) {
            child += 1;
        }
        if key(&ranges[root]) >= key(&ranges[child]) {
            return;
        }
        ranges.swap(root, child);
        root = child;
    };
    for root in (0..ranges.len() / 2).rev() {
        sift_down(ranges, root, ranges.len());
    }
    for end in (1..ranges.len()).rev() {
        ranges.swap(0, end);
        sift_down(ranges, 0, end);
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
    }
}
