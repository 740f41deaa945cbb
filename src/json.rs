//! JSON through the browser's own `JSON.parse` and `JSON.stringify`, so that the wasm carries
//! no JSON parser of its own (serde_json's is about 40 KB of it, 15 KB gzip).

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Reads `text` as a `T`; `None` if it is not JSON or not a `T`.
pub fn parse<T: DeserializeOwned>(text: &str) -> Option<T> {
    let value = js_sys::JSON::parse(text).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}

/// `value` as JSON text: objects for structs and maps, `null` for `None`.
pub fn stringify<T: Serialize>(value: &T) -> Option<String> {
    let value = value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .ok()?;
    js_sys::JSON::stringify(&value).ok()?.as_string()
}
