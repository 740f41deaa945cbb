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
