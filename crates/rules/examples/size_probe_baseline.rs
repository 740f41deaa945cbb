//! Size probe baseline: the same export as `size_probe`, doing what any app already does
//! (UTF-8 checks, allocation, formatting) without calling the rules. The difference between
//! the two modules is what the rules add.

/// Formats the length of the UTF-8 text at `text` (`length` bytes) and returns the length of
/// the result, so that the allocator and formatting machinery are linked as in `size_probe`.
///
/// # Safety
///
/// `text` must point to `length` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn probe(text: *const u8, length: usize) -> usize {
    // SAFETY: the caller promises `length` readable bytes at `text`.
    let bytes = unsafe { core::slice::from_raw_parts(text, length) };
    let text = core::str::from_utf8(bytes).unwrap_or_default();
    format!("{} {}", text.chars().count(), text.to_owned()).len()
}
