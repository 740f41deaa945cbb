//! The browser's `localStorage`, where drafts, the reader's id and choices are kept.
//!
//! Storage can be missing (private modes, blocked cookies) or full; the app then keeps working
//! without it, so every call here quietly does nothing when storage is unavailable.

use web_sys::Storage;

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The text stored under `key`.
pub fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`.
pub fn set(key: &str, value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, value);
    }
}

/// Forgets `key`.
pub fn remove(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// A fresh random id: a version 4 UUID from the browser's cryptographic generator.
/// (`crypto.randomUUID` would be simpler, but exists only on https pages, and news sites
/// still serve some pages over plain http.)
pub fn random_id() -> String {
    let mut bytes = [0_u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // No Web Crypto at all (very old browsers): still unique enough for a retry key.
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    uuid_v4(bytes)
}

/// Formats 16 random bytes as a version 4, variant 1 UUID.
fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// Where the reader's id is kept.
const READER_KEY: &str = "binhluan:reader";

/// The reader's anonymous id, as the server issued and signed it (`r1.…`), once it has; empty
/// until then (an id the app made itself before the server issued them is not one).
pub fn reader_id() -> String {
    get(READER_KEY)
        .filter(|id| id.starts_with("r1."))
        .unwrap_or_default()
}

/// Keeps the id the server issued.
pub fn keep_reader_id(id: &str) {
    set(READER_KEY, id);
}

#[cfg(test)]
mod tests {
    use super::uuid_v4;

    #[test]
    fn formats_a_version_4_uuid() {
        let id = uuid_v4([0xff; 16]);
        assert_eq!(id, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert_eq!(uuid_v4([0; 16]), "00000000-0000-4000-8000-000000000000");
    }
}
