//! The spelling cache: what the letters of a word spell, remembered per thread.
//!
//! Words repeat (`và`, `của`, `không`), within a comment and from one check to the next (the
//! app checks the text again on every keystroke, a server checks comment after comment), and
//! working out a spelling is most of the work of reading a word. So each thread keeps a small
//! direct-mapped cache between checks. It maps a number that says everything a spelling
//! depends on (`syllable` makes it of the word's letters, tone and case rules) to the spelling
//! worked out from it, so what the cache holds never changes a verdict.

use core::cell::RefCell;

/// What each thread remembers.
pub(crate) struct SpellingCache {
    /// The key of each slot's spelling (0: none yet).
    keys: [u64; SLOTS],
    /// Each slot's spelling, as its worker gave it.
    values: [u64; SLOTS],
}

/// Slots of [`SpellingCache`], a power of two: 64 KB a thread, so that the few hundred
/// distinct words of a long comment seldom meet in one slot (with 1,024, a 2,000-character
/// comment worked out 30 spellings again on every check).
const SLOTS: usize = 4096;

thread_local! {
    static CACHE: RefCell<SpellingCache> = const {
        RefCell::new(SpellingCache {
            keys: [0; SLOTS],
            values: [0; SLOTS],
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
        let slot = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOTS.ilog2())) as usize;
        if self.keys[slot] != key {
            self.keys[slot] = key;
            self.values[slot] = work_out();
        }
        self.values[slot]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn works_out_each_key_once_and_forgets_nothing_it_holds() {
        SpellingCache::with(|cache| {
            let mut worked = 0;
            let mut spell = |cache: &mut SpellingCache, key: u64| {
                cache.get(key, || {
                    worked += 1;
                    key * 3
                })
            };
            assert_eq!(spell(cache, 7), 21);
            assert_eq!(spell(cache, 7), 21);
            assert_eq!(spell(cache, 8), 24);
            assert_eq!(spell(cache, 7), 21);
            assert_eq!(worked, 2);
        });
    }
}
