//! Dates as the moderator reads them, in the browser's time zone.

use wasm_bindgen::JsValue;

use crate::i18n::Lang;

/// An RFC 3339 time as a short local date and time ("14/3/2025 09:05"); the text itself when
/// it is no date.
pub fn format(rfc3339: &str, lang: Lang) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(rfc3339));
    if date.get_time().is_nan() {
        return rfc3339.to_owned();
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"short".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    let locale = match lang {
        Lang::Vi => "vi-VN",
        Lang::En => "en-GB",
    };
    date.to_locale_string(locale, &options).into()
}
