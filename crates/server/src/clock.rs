//! Timestamps: stored as microseconds since the Unix epoch, shown as RFC 3339 in UTC; and the
//! [`Clock`] requests are judged by.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Microseconds in a day.
pub const MICROS_PER_DAY: i64 = 24 * 60 * 60 * 1_000_000;

/// Microseconds since the Unix epoch, now.
pub fn now_micros() -> i64 {
    let since_epoch = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    i64::try_from(since_epoch.as_micros()).unwrap_or(i64::MAX)
}

/// What the server takes for now when it judges a request (rate-limit windows, bans, likes,
/// open threads): the system clock, or a clock that stands still until it is moved, which
/// tests set instead of waiting for the wall clock. Clones share one time.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// `None`: the system clock; otherwise the time it stands at, in microseconds since the
    /// Unix epoch.
    stopped: Option<Arc<AtomicI64>>,
}

impl Clock {
    /// The system clock, as the server runs in production.
    pub fn system() -> Self {
        Self::default()
    }

    /// A clock standing at `micros` (since the Unix epoch) until [`Clock::advance`] moves it.
    pub fn stopped_at(micros: i64) -> Self {
        Self {
            stopped: Some(Arc::new(AtomicI64::new(micros))),
        }
    }

    /// A clock standing at the start of the current hour (by the system clock), for tests that
    /// count rate limits: every window (a minute, 15 minutes, an hour) begins there and lasts
    /// until the test moves the clock.
    pub fn stopped_at_the_hour() -> Self {
        let now = now_micros();
        Self::stopped_at(now - now % 3_600_000_000)
    }

    /// Microseconds since the Unix epoch, now by this clock.
    pub fn now_micros(&self) -> i64 {
        self.stopped
            .as_ref()
            .map_or_else(now_micros, |at| at.load(Ordering::SeqCst))
    }

    /// Moves a stopped clock (and every clone of it) forward by `by`.
    ///
    /// # Panics
    ///
    /// On the system clock, which no one moves.
    pub fn advance(&self, by: Duration) {
        let at = self
            .stopped
            .as_ref()
            .expect("only a stopped clock is moved, never the system clock");
        let by = i64::try_from(by.as_micros()).unwrap_or(i64::MAX);
        at.fetch_add(by, Ordering::SeqCst);
    }
}

/// `micros` (since the Unix epoch) as RFC 3339 in UTC, e.g. `2026-11-26T09:43:02.123456Z`.
pub fn rfc3339(micros: i64) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(micros) * 1000)
        .ok()
        .and_then(|moment| moment.format(&Rfc3339).ok())
        .unwrap_or_default()
}

/// Microseconds since the Unix epoch of an RFC 3339 time such as `2020-05-17T15:40:00+07:00`;
/// `None` if `text` is not one.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let moment = OffsetDateTime::parse(text, &Rfc3339).ok()?;
    i64::try_from(moment.unix_timestamp_nanos() / 1000).ok()
}

/// `micros` (since the Unix epoch) as a reader reads a moment in a message, in UTC:
/// `20/05/2026 14:05 UTC`.
pub fn day_and_time(micros: i64) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(micros) * 1000)
        .map(|at| {
            format!(
                "{:02}/{:02}/{} {:02}:{:02} UTC",
                at.day(),
                u8::from(at.month()),
                at.year(),
                at.hour(),
                at.minute()
            )
        })
        .unwrap_or_default()
}

/// `micros` (since the Unix epoch) to the second, as RFC 3339 in UTC, e.g.
/// `2026-12-03T19:51:21Z`: how the server dates an article no one dated.
pub fn rfc3339_seconds(micros: i64) -> String {
    rfc3339(micros - micros.rem_euclid(1_000_000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stopped_clock_stands_until_moved_and_its_clones_move_with_it() {
        let clock = Clock::stopped_at(1_589_704_800_000_000);
        let clone = clock.clone();
        assert_eq!(clock.now_micros(), 1_589_704_800_000_000);
        clone.advance(Duration::from_secs(60));
        assert_eq!(clock.now_micros(), 1_589_704_860_000_000);
        let before = now_micros();
        let system = Clock::system().now_micros();
        assert!(system >= before && system <= now_micros());
    }

    #[test]
    fn formats_micros_as_utc_rfc3339() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_589_704_800_250_000), "2020-05-17T08:40:00.25Z");
        assert_eq!(
            rfc3339_seconds(1_589_704_800_250_000),
            "2020-05-17T08:40:00Z"
        );
        assert_eq!(day_and_time(1_589_704_800_250_000), "17/05/2020 08:40 UTC");
    }

    #[test]
    fn reads_rfc3339_with_any_offset_and_nothing_else() {
        assert_eq!(
            parse_rfc3339("2020-05-17T15:40:00+07:00"),
            Some(1_589_704_800_000_000)
        );
        assert_eq!(
            parse_rfc3339("2020-05-17T08:40:00.25Z"),
            Some(1_589_704_800_250_000)
        );
        for odd in [
            "17/05/2020",
            "2020-05-17",
            "2020-05-17 15:40",
            "Sun, 17 May 2020 15:40:00 +0700",
            "",
        ] {
            assert_eq!(parse_rfc3339(odd), None, "{odd}");
        }
    }
}
