//! Article views, counted in memory and written in batches, so that reading an article never
//! takes the database's write lock and one machine cannot inflate a count.
//!
//! A reader's view of an article counts once an hour (the reader is their `X-Reader-Id`, or
//! without one, their client key). One client key adds the views of at most
//! [`READERS_PER_CLIENT`] readers of one article an hour, so fresh reader ids from one
//! machine add little. What counted is written by [`flush`] at most once a second per
//! process, one statement an article in one transaction.
//!
//! In memory, per process: with several processes a reader may count once in each; a crash
//! loses at most the last second's views (a clean shutdown writes them).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::db::Db;

/// How long a reader's view of an article counts for.
const WINDOW: Duration = Duration::from_secs(60 * 60);
/// Readers whose views of one article one client key may add in a [`WINDOW`]: readers behind
/// one carrier-grade NAT share a key, so it is well above one, and far below a script's rate.
pub const READERS_PER_CLIENT: u32 = 30;
/// How often counted views are written.
pub const FLUSH_EVERY: Duration = Duration::from_secs(1);
/// (Reader, article) and (client, article) pairs remembered at most; past it, expired ones
/// are forgotten, and while it is still full new readers' views are not counted (an attack
/// may stop counting for an hour, never inflate it).
const MAX_REMEMBERED: usize = 500_000;

/// The views counted and not yet written, and who counted recently.
#[derive(Debug, Default)]
pub struct ViewCounter {
    inner: Mutex<Counted>,
}

#[derive(Debug, Default)]
struct Counted {
    /// When each (reader, article) view was counted.
    readers: HashMap<(String, String), Instant>,
    /// Each (client, article)'s window: when it started and the readers it counted.
    clients: HashMap<(String, String), (Instant, u32)>,
    /// Views counted and not yet written, by article.
    pending: HashMap<String, u64>,
}

impl ViewCounter {
    /// Counts a view of `slug` by `reader` (or, without one, by the client itself) from
    /// `client`, unless it was counted within the hour or the client has reached its
    /// readers for the article. Whether it counted.
    pub fn record(&self, slug: &str, reader: Option<&str>, client: &str, now: Instant) -> bool {
        let mut counted = self.lock();
        let reader_key = match reader {
            Some(reader) => format!("r:{reader}"),
            None => format!("c:{client}"),
        };
        let reader_key = (reader_key, slug.to_owned());
        if counted
            .readers
            .get(&reader_key)
            .is_some_and(|at| now < *at + WINDOW)
        {
            return false;
        }
        let client_key = (client.to_owned(), slug.to_owned());
        let window = match counted.clients.get(&client_key) {
            Some(&(start, readers)) if now < start + WINDOW => (start, readers),
            _ => (now, 0),
        };
        if window.1 >= READERS_PER_CLIENT || !counted.make_room(now) {
            return false;
        }
        counted.readers.insert(reader_key, now);
        counted.clients.insert(client_key, (window.0, window.1 + 1));
        *counted.pending.entry(slug.to_owned()).or_default() += 1;
        true
    }

    /// Views of `slug` counted and not yet written.
    pub fn pending(&self, slug: &str) -> u64 {
        self.lock().pending.get(slug).copied().unwrap_or(0)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Counted> {
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Writes the views counted since the last write; kept for the next one if the database
    /// fails.
    pub async fn flush(&self, db: &Db) {
        let batch = std::mem::take(&mut self.lock().pending);
        if batch.is_empty() {
            return;
        }
        let (articles, views) = (batch.len(), batch.values().sum::<u64>());
        if let Err(error) = db.add_views(&batch).await {
            tracing::warn!(%error, articles = batch.len(), "cannot write views; kept for the next write");
            let mut counted = self.lock();
            for (slug, views) in batch {
                *counted.pending.entry(slug).or_default() += views;
            }
        } else {
            crate::measure::view_batch(articles, views);
        }
    }
}

impl Counted {
    /// Whether one more (reader, article) and (client, article) pair fits, after forgetting
    /// the expired ones if needed.
    fn make_room(&mut self, now: Instant) -> bool {
        if self.readers.len() < MAX_REMEMBERED && self.clients.len() < MAX_REMEMBERED {
            return true;
        }
        self.readers.retain(|_, at| now < *at + WINDOW);
        self.clients.retain(|_, (start, _)| now < *start + WINDOW);
        self.readers.len() < MAX_REMEMBERED && self.clients.len() < MAX_REMEMBERED
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_counts_once_an_hour() {
        let views = ViewCounter::default();
        let start = Instant::now();
        assert!(views.record("bai", Some("a"), "1.2.3.4", start));
        for _ in 0..200 {
            assert!(!views.record("bai", Some("a"), "1.2.3.4", start));
        }
        assert!(views.record("bai-khac", Some("a"), "1.2.3.4", start));
        assert_eq!(views.pending("bai"), 1);
        assert!(views.record("bai", Some("a"), "1.2.3.4", start + WINDOW));
        assert_eq!(views.pending("bai"), 2);
    }

    #[test]
    fn one_client_adds_a_bounded_number_of_readers() {
        let views = ViewCounter::default();
        let start = Instant::now();
        let counted = (0..300)
            .filter(|n| views.record("bai", Some(&format!("reader-{n}")), "1.2.3.4", start))
            .count();
        assert_eq!(counted, READERS_PER_CLIENT as usize);
        // Another client (another address behind no shared NAT) still counts.
        assert!(views.record("bai", Some("reader-new"), "5.6.7.8", start));
        // Without a reader id, the client itself is the reader.
        assert!(views.record("bai-khac", None, "1.2.3.4", start));
        assert!(!views.record("bai-khac", None, "1.2.3.4", start));
    }
}
