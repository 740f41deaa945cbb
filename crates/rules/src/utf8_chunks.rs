//! Decoding UTF-8 into characters a chunk at a time, for the analysis copy.
//!
//! Vietnamese text mixes one-, two- and three-byte characters at random (`Mối quan hệ`), so
//! decoding one character at a time makes the CPU guess each character's width, and it guesses
//! wrong about as often as right. Here each step takes the ASCII bytes at the front of an
//! eight-byte chunk (spaces and unmarked letters, about 70 % of the bytes) at once, without
//! asking how many there are, then the one character after them, its width worked out without
//! a branch.

use core::hint::select_unpredictable;

/// Bytes a step looks at: eight ASCII bytes and the four of the character after them.
const STEP: usize = 16;

/// Room to leave in the output beyond one character per byte: a step writes all eight ASCII
/// candidates before it knows how many were ASCII.
pub(crate) const SLACK: usize = 8;

/// Appends the characters of `text` to `chars` until `take` turns one down: each is handed to
/// `take`, which says what to append in its place or `None` to stop, except the ASCII
/// characters at the front of a chunk, appended as they are without asking (`take` must
/// give ASCII back unchanged). Returns where in `text` it stopped, in bytes (`text.len()` at
/// the end). `chars` should have [`SLACK`] more free room than `text` has bytes, or it grows.
#[inline(always)]
pub(crate) fn copy_while(
    text: &str,
    chars: &mut Vec<char>,
    mut take: impl FnMut(char) -> Option<char>,
) -> usize {
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut padded;
    while at < bytes.len() {
        let window = match bytes.get(at..at + STEP) {
            Some(whole) => whole,
            None => {
                // The last window: zeros past the end of the text.
                padded = [0; STEP];
                padded[..bytes.len() - at].copy_from_slice(&bytes[at..]);
                &padded
            }
        };
        let chunk = &window[..8];
        let chunk_bits = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        // ASCII bytes past the end of the text are the padding of the last window.
        let ascii = ascii_prefix(chunk_bits).min(bytes.len() - at);
        // Written out from memory, so that the eight are widened together.
        chars.extend(chunk.iter().map(|&b| char::from(b)));
        chars.truncate(chars.len() - chunk.len() + ascii);
        at += ascii;
        if at == bytes.len() {
            break;
        }
        let (c, width) = decode(u32::from_le_bytes(
            window[ascii..ascii + 4].try_into().unwrap_or_default(),
        ));
        let Some(c) = c.and_then(&mut take) else {
            return at;
        };
        chars.push(c);
        at += width;
    }
    bytes.len()
}

/// How many of the eight bytes of `chunk` (the first lowest) come before its first non-ASCII
/// byte.
#[inline(always)]
fn ascii_prefix(chunk: u64) -> usize {
    ((chunk & 0x8080_8080_8080_8080).trailing_zeros() / 8) as usize
}

/// The character whose UTF-8 starts at the lowest byte of `bytes`, and its width in bytes.
/// One- to three-byte characters are decoded without a branch on the width; four-byte ones
/// (emoji, rare) with one. `None` only if the bytes are not UTF-8, which a `str` never holds.
#[inline(always)]
fn decode(bytes: u32) -> (Option<char>, usize) {
    let [lead, second, third, fourth] = bytes.to_le_bytes().map(u32::from);
    let (second, third, fourth) = (second & 0x3F, third & 0x3F, fourth & 0x3F);
    if lead >= 0xF0 {
        let code = (lead & 0x07) << 18 | second << 12 | third << 6 | fourth;
        return (char::from_u32(code), 4);
    }
    let two = (lead & 0x1F) << 6 | second;
    let three = (lead & 0x0F) << 12 | second << 6 | third;
    let wide = select_unpredictable(lead >= 0xE0, three, two);
    let code = select_unpredictable(lead < 0x80, lead, wide);
    let width = 1 + usize::from(lead >= 0xC0) + usize::from(lead >= 0xE0);
    (char::from_u32(code), width)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `copy_while` copies of `text`, taking every character, and where it stopped.
    fn copied(text: &str, stop_at: char) -> (String, usize) {
        let mut chars = Vec::with_capacity(text.len() + SLACK);
        let at = copy_while(text, &mut chars, |c| (c != stop_at).then_some(c));
        (chars.iter().collect(), at)
    }

    #[test]
    fn every_width_decodes_at_every_offset() {
        for lead in 0..20 {
            let text = format!(
                "{}Mối quan hệ 😀 đôi bên ạ{}",
                "x".repeat(lead),
                "y".repeat(lead)
            );
            assert_eq!(copied(&text, '\0'), (text.clone(), text.len()));
        }
    }

    #[test]
    fn stops_before_the_character_turned_down() {
        let text = "Mối quan hệ đôi bên bây giờ tồn tại\u{200B} bởi hai sợi dây";
        let stop = text.find('\u{200B}').unwrap();
        assert_eq!(copied(text, '\u{200B}'), (text[..stop].to_owned(), stop));
        assert_eq!(copied("ab\u{200B}", '\u{200B}'), ("ab".to_owned(), 2));
    }
}
