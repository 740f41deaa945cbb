//! The pieces of a text, in characters (Unicode scalars) as the rules count them: words,
//! numbers, links and everything else. The model is derived and applied over the same pieces.

/// What a [`Piece`] of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PieceKind {
    /// A run of letters (and the combining marks typed after them).
    Word,
    /// A run of letters and digits with at least one digit (`2024`, `15s`, `covid19`).
    Number,
    /// A whitespace-delimited chunk that reads as a link or an e-mail address.
    Link,
    /// Anything else that is not whitespace: punctuation, symbols, emoji.
    Other,
}

/// One piece of a text: `start..end` in characters. Two [`PieceKind::Word`]s next to each
/// other in [`pieces`]' list have only whitespace between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    /// What the piece is.
    pub kind: PieceKind,
    /// The first character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// Top-level domains that make `name.tld` a link.
const LINK_ENDINGS: [&str; 16] = [
    "com", "net", "org", "vn", "info", "io", "edu", "gov", "me", "co", "xyz", "biz", "top", "asia",
    "online", "html",
];

/// The pieces of `chars`, in order, whitespace left out.
pub fn pieces(chars: &[char]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let chunk_end = chars[i..]
            .iter()
            .position(|c| c.is_whitespace())
            .map_or(chars.len(), |n| i + n);
        if is_link(&chars[i..chunk_end]) {
            out.push(Piece {
                kind: PieceKind::Link,
                start: i,
                end: chunk_end,
            });
        } else {
            split_chunk(chars, i, chunk_end, &mut out);
        }
        i = chunk_end;
    }
    out
}

/// The form every number that does not start with `0` stands for in the model (`15`, `2024`,
/// `covid19` alike): what comes before and after a count is read around it, as around a
/// word. A number that starts with `0` (a phone number, a code) breaks the sequence instead.
pub const NUMBER_FORM: &str = "0";

/// Whether `c` continues a word: a letter, a digit or a combining mark.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Splits one whitespace-free chunk into words, numbers and other runs.
fn split_chunk(chars: &[char], start: usize, end: usize, out: &mut Vec<Piece>) {
    let mut i = start;
    while i < end {
        let word = is_word_char(chars[i]);
        let mut j = i + 1;
        while j < end && is_word_char(chars[j]) == word {
            j += 1;
        }
        let kind = if !word {
            PieceKind::Other
        } else if chars[i..j].iter().any(|c| c.is_numeric()) {
            PieceKind::Number
        } else {
            PieceKind::Word
        };
        out.push(Piece {
            kind,
            start: i,
            end: j,
        });
        i = j;
    }
}

/// Whether a whitespace-free chunk is a link or an e-mail address: a scheme, `www.`, an `@`
/// between letters, or `name.tld` with a common top-level domain.
fn is_link(chunk: &[char]) -> bool {
    let lower: String = chunk.iter().flat_map(|c| c.to_lowercase()).collect();
    if lower.contains("://") || lower.starts_with("www.") {
        return true;
    }
    let bytes: Vec<char> = lower.chars().collect();
    bytes.iter().enumerate().any(|(k, &c)| {
        let before = k > 0 && bytes[k - 1].is_alphanumeric();
        match c {
            '@' => before && bytes.get(k + 1).is_some_and(|n| n.is_alphanumeric()),
            '.' if before => {
                let rest = &bytes[k + 1..];
                let label_len = rest.iter().take_while(|c| c.is_ascii_lowercase()).count();
                let after = rest.get(label_len).copied();
                let label: String = rest[..label_len].iter().collect();
                LINK_ENDINGS.contains(&label.as_str())
                    && matches!(after, None | Some('/' | '.' | ':' | '?' | '#' | ','))
            }
            _ => false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(PieceKind, String)> {
        let chars: Vec<char> = text.chars().collect();
        pieces(&chars)
            .into_iter()
            .map(|p| (p.kind, chars[p.start..p.end].iter().collect()))
            .collect()
    }

    #[test]
    fn words_numbers_and_punctuation_are_pieces() {
        use PieceKind::*;
        assert_eq!(
            kinds("Toi co 15s, ok 😀"),
            vec![
                (Word, "Toi".into()),
                (Word, "co".into()),
                (Number, "15s".into()),
                (Other, ",".into()),
                (Word, "ok".into()),
                (Other, "😀".into()),
            ]
        );
    }

    #[test]
    fn links_and_addresses_are_one_piece() {
        for link in [
            "https://vnexpress.net/a",
            "www.abc.xyz",
            "abc.com",
            "abc.com.vn/tin.",
            "ten@gmail.com",
        ] {
            assert_eq!(kinds(link), vec![(PieceKind::Link, link.into())], "{link}");
        }
        assert_eq!(kinds("hay.Nhung").len(), 3, "a missing space is not a link");
        assert_eq!(kinds("TP.HCM").len(), 3);
    }

    #[test]
    fn combining_marks_stay_in_their_word() {
        assert_eq!(
            kinds("Vie\u{302}\u{323}t Nam"),
            vec![
                (PieceKind::Word, "Vie\u{302}\u{323}t".into()),
                (PieceKind::Word, "Nam".into())
            ]
        );
    }
}
