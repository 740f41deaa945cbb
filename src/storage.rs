//! The browser's `localStorage`, where drafts, the reader's id and choices are kept.
//!
//! Storage can be missing (private modes, blocked cookies) or full; the app then keeps working
//! without it, so every call here quietly does nothing when storage is unavailable.

use web_sys::Storage;

fn local_storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The text stored under `key`.
pub fn get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`.
pub fn set(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, value);
    }
}

/// Forgets `key`.
pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

/// A fresh random id (a v4 UUID from the browser's cryptographic generator).
pub fn random_id() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|crypto| crypto.random_uuid())
        .unwrap_or_else(|| {
            format!(
                "{:x}{:x}",
                js_sys::Date::now() as u64,
                (js_sys::Math::random() * 1e15) as u64
            )
        })
}

/// The reader's anonymous id, made once and kept: the server counts one like per id.
pub fn reader_id() -> String {
    const KEY: &str = "binhluan:reader";
    get(KEY).unwrap_or_else(|| {
        let id = random_id();
        set(KEY, &id);
        id
    })
}
