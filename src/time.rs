//! Dates as Vietnamese newsrooms print them, and "5 phút trước".

use crate::i18n::Texts;

/// How long ago something happened, in the reader's words: "Vừa xong", "5 phút trước",
/// "3 giờ trước", "2 ngày trước"; `None` past 30 days, when the date itself says more.
pub fn time_ago(texts: &Texts, elapsed_seconds: i64) -> Option<String> {
    const MINUTE: i64 = 60;
    const HOUR: i64 = 60 * MINUTE;
    const DAY: i64 = 24 * HOUR;
    let elapsed = elapsed_seconds.max(0);
    let count = |unit: i64| (elapsed / unit) as u64;
    Some(match elapsed {
        e if e < MINUTE => texts.just_now.to_owned(),
        e if e < HOUR => (texts.minutes_ago)(count(MINUTE)),
        e if e < DAY => (texts.hours_ago)(count(HOUR)),
        e if e < 30 * DAY => (texts.days_ago)(count(DAY)),
        _ => return None,
    })
}

/// Milliseconds since 1970 of an RFC 3339 time, by the browser's clock parser.
pub fn epoch_millis(rfc3339: &str) -> Option<f64> {
    let millis = js_sys::Date::parse(rfc3339);
    (!millis.is_nan()).then_some(millis)
}

/// An instant as `HH:MM DD-MM-YYYY` in the reader's own time zone.
pub fn local_time(epoch_millis: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(epoch_millis));
    format!(
        "{:02}:{:02} {:02}-{:02}-{}",
        date.get_hours(),
        date.get_minutes(),
        date.get_date(),
        date.get_month() + 1,
        date.get_full_year()
    )
}

#[cfg(test)]
mod tests {
    use super::time_ago;
    use crate::i18n::{Lang, Translated};

    #[test]
    fn says_how_long_ago_in_vietnamese() {
        let vi = Lang::Vi.texts();
        assert_eq!(time_ago(vi, 0).as_deref(), Some("Vừa xong"));
        assert_eq!(time_ago(vi, -5).as_deref(), Some("Vừa xong"));
        assert_eq!(time_ago(vi, 59).as_deref(), Some("Vừa xong"));
        assert_eq!(time_ago(vi, 5 * 60 + 59).as_deref(), Some("5 phút trước"));
        assert_eq!(time_ago(vi, 3 * 3600).as_deref(), Some("3 giờ trước"));
        assert_eq!(
            time_ago(vi, 2 * 86400 + 10).as_deref(),
            Some("2 ngày trước")
        );
        assert_eq!(time_ago(vi, 30 * 86400), None);
    }

    #[test]
    fn says_how_long_ago_in_english() {
        let en = Lang::En.texts();
        assert_eq!(time_ago(en, 60).as_deref(), Some("1 minute ago"));
        assert_eq!(time_ago(en, 7200).as_deref(), Some("2 hours ago"));
    }
}
