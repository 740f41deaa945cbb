//! The spelling cache: what the letters of a word spell, remembered per thread.
//!
//! Words repeat (`và`, `của`, `không`), within a comment and from one check to the next (the
//! app checks the text again on every keystroke, a server checks comment after comment), and
//! working out a spelling is most of the work of reading a word. So each thread keeps a small
//! two-way set-associative cache between checks, which forgets the word of a set read longer
//! ago when a third comes. It maps a number that says everything a spelling
//! depends on (`syllable` makes it of the word's letters, tone and case rules) to the spelling
//! worked out from it, so what the cache holds never changes a verdict.

use core::cell::RefCell;

/// What each thread remembers: sets of two slots, each slot a key (0: none yet) and its
/// spelling, a set to a 32-byte piece of a cache line.
pub(crate) struct SpellingCache {
    sets: [Set; SETS],
}

/// Two keys and their spellings, the one read last first.
#[derive(Clone, Copy)]
#[repr(align(32))]
struct Set([[u64; 2]; 2]);

/// Sets of [`SpellingCache`], a power of two: 128 KB a thread, room for 8,192 words, so that
/// the few thousand distinct words of a server's comments seldom push one another out. Words
/// worked out again per 2,000-character comment of real text, over 1,000 of them: 12; with
/// half as many sets, 28; with 4,096 slots, direct-mapped, 61.
const SETS: usize = 4096;

thread_local! {
    static CACHE: RefCell<SpellingCache> = const {
        RefCell::new(SpellingCache {
            sets: [Set([[0; 2]; 2]); SETS],
        })
    };
}

impl SpellingCache {
    /// Runs `read` with this thread's cache.
    pub(crate) fn with<R>(read: impl FnOnce(&mut SpellingCache) -> R) -> R {
        CACHE.with(|cache| read(&mut cache.borrow_mut()))
    }

    /// The spelling of `key` (never 0), remembered or else worked out by `work_out`.
    #[inline]
    pub(crate) fn get(&mut self, key: u64, work_out: impl FnOnce() -> u64) -> u64 {
        let set = &mut self.sets[set_of(key)].0;
        // Which slot holds the key is not branched on: the set is still on its way from memory
        // while the tokenizer reads on, and a wrong guess would be found out late.
        let (first, second) = (set[0][0] ^ key, set[1][0] ^ key);
        if first.min(second) != 0 {
            // A new one goes first, the first slot's second.
            let spelling = work_out();
            set[1] = set[0];
            set[0] = [key, spelling];
            return spelling;
        }
        // The slot read goes first.
        let read = usize::from(first != 0);
        let (read, other) = (set[read], set[1 - read]);
        *set = [read, other];
        read[1]
    }
}

/// The set `key` goes to.
#[inline(always)]
fn set_of(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SETS.ilog2())) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `keys` through this thread's cache; returns how many it worked out.
    fn worked_out(keys: &[u64]) -> usize {
        SpellingCache::with(|cache| {
            let mut worked = 0;
            for &key in keys {
                let spelling = cache.get(key, || {
                    worked += 1;
                    key * 3
                });
                assert_eq!(spelling, key * 3);
            }
            worked
        })
    }

    #[test]
    fn two_words_of_one_set_stay_and_a_third_pushes_the_older_out() {
        // Keys above any the other tests use, three of them in one set.
        let first = 1 << 40;
        let mut same_set = (first + 1..).filter(|&key| set_of(key) == set_of(first));
        let (second, third) = (same_set.next().unwrap(), same_set.next().unwrap());
        assert_eq!(worked_out(&[first, second, first, second, first]), 2);
        // `second` was read longer ago than `first`: it goes.
        assert_eq!(worked_out(&[third, first]), 1);
        assert_eq!(worked_out(&[second]), 1);
    }
}
