//! Size probe: a wasm module whose one export calls [`check`], to measure what the rules add to
//! the app's wasm. `tools/wasm-size.sh` builds it and [`size_probe_baseline`] the same way and
//! compares them (gzip -9 after `wasm-opt -Oz`).
//!
//! [`size_probe_baseline`]: ../size_probe_baseline/index.html

use binhluan_rules::{Policy, check};

/// Checks the UTF-8 comment at `text` (`length` bytes) against the default policy and returns
/// a number that depends on the whole verdict, so that nothing is optimised away.
///
/// # Safety
///
/// `text` must point to `length` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn probe(text: *const u8, length: usize) -> usize {
    // SAFETY: the caller promises `length` readable bytes at `text`.
    let bytes = unsafe { core::slice::from_raw_parts(text, length) };
    let verdict = check(
        core::str::from_utf8(bytes).unwrap_or_default(),
        &Policy::default(),
    );
    let said: usize = verdict
        .violations
        .iter()
        .map(|v| v.message.len() + v.message_en.len() + v.spans.len())
        .sum();
    let hinted: usize = verdict
        .hints
        .iter()
        .map(|h| h.message.len() + h.message_en.len())
        .sum();
    verdict.words + said + hinted + usize::from(verdict.hold)
}
