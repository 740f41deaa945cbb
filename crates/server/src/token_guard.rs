//! Wrong bearer tokens, counted per client in this process: after `LIMIT` in `WINDOW`, the
//! client's bearer requests are refused before the token is compared, so a token cannot be
//! guessed by volume. In memory (a correct token costs no database write); with several
//! processes, each counts its own share.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Wrong tokens allowed per client in one window.
const LIMIT: u32 = 10;
/// The window: 15 minutes, as for desk logins.
const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Clients remembered at most; past it, windows that have ended are forgotten first.
const MAX_CLIENTS: usize = 100_000;

/// The wrong-token windows of the clients that sent one.
#[derive(Debug, Default)]
pub struct TokenGuard {
    windows: Mutex<HashMap<String, Window>>,
}

#[derive(Clone, Copy, Debug)]
struct Window {
    start: Instant,
    failures: u32,
}

impl TokenGuard {
    /// Seconds until `client` may present a token again, if it has sent too many wrong ones.
    pub fn refused(&self, client: &str, now: Instant) -> Option<u64> {
        let windows = self
            .windows
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let window = windows.get(client)?;
        let ends = window.start + WINDOW;
        (window.failures >= LIMIT && now < ends).then(|| (ends - now).as_secs().max(1))
    }

    /// Counts a wrong token from `client`.
    pub fn record_failure(&self, client: &str, now: Instant) {
        let mut windows = self
            .windows
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if windows.len() >= MAX_CLIENTS && !windows.contains_key(client) {
            windows.retain(|_, window| now < window.start + WINDOW);
            if windows.len() >= MAX_CLIENTS {
                // Still full of live windows: make room with the oldest one.
                if let Some(oldest) = windows
                    .iter()
                    .min_by_key(|(_, window)| window.start)
                    .map(|(client, _)| client.clone())
                {
                    windows.remove(&oldest);
                }
            }
        }
        let window = windows.entry(client.to_owned()).or_insert(Window {
            start: now,
            failures: 0,
        });
        if now >= window.start + WINDOW {
            *window = Window {
                start: now,
                failures: 0,
            };
        }
        window.failures += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_is_refused_after_ten_wrong_tokens_until_the_window_ends() {
        let guard = TokenGuard::default();
        let start = Instant::now();
        for _ in 0..LIMIT {
            assert_eq!(guard.refused("a", start), None);
            guard.record_failure("a", start);
        }
        assert_eq!(guard.refused("a", start), Some(WINDOW.as_secs()));
        assert_eq!(guard.refused("b", start), None, "other clients go on");
        let later = start + WINDOW;
        assert_eq!(guard.refused("a", later), None);
        guard.record_failure("a", later);
        assert_eq!(guard.refused("a", later), None, "a new window");
    }
}
