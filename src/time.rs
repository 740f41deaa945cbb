//! Dates as Vietnamese newsrooms print them, and "5 phút trước".

use crate::i18n::Texts;

/// Formats an RFC 3339 time as the newsroom wrote it, `HH:MM DD-MM-YYYY`, in the offset it
/// carries (`2020-05-17T15:40:00+07:00` → `15:40 17-05-2020`). `None` if it is not RFC 3339.
pub fn newsroom_time(rfc3339: &str) -> Option<String> {
    let date = rfc3339.get(..10)?;
    let time = rfc3339.get(11..16)?;
    let mut parts = date.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let (hour, minute) = time.split_once(':')?;
    let valid = digits(year, 4)
        && digits(month, 2)
        && digits(day, 2)
        && digits(hour, 2)
        && digits(minute, 2)
        && matches!(rfc3339.as_bytes().get(10), Some(b'T' | b't' | b' '));
    valid.then(|| format!("{hour}:{minute} {day}-{month}-{year}"))
}

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
    use super::{newsroom_time, time_ago};
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

    #[test]
    fn prints_the_newsrooms_local_time() {
        assert_eq!(
            newsroom_time("2020-05-17T15:40:00+07:00").as_deref(),
            Some("15:40 17-05-2020")
        );
        assert_eq!(
            newsroom_time("2024-01-02T03:04:05Z").as_deref(),
            Some("03:04 02-01-2024")
        );
    }

    #[test]
    fn refuses_what_is_not_a_time() {
        assert_eq!(newsroom_time(""), None);
        assert_eq!(newsroom_time("17-05-2020 15:40"), None);
        assert_eq!(newsroom_time("2020-05-17X15:40:00"), None);
    }
}
