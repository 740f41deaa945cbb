//! How long idempotency keys are remembered: 7 days, after which they are purged and a retry
//! with the same key posts again.

use std::sync::atomic::Ordering;

use super::Db;

/// How long an `Idempotency-Key` replays its post, in microseconds: 7 days.
const KEY_RETENTION_MICROS: i64 = 7 * 24 * 60 * 60 * 1_000_000;
/// How often one process purges expired keys, in microseconds: hourly.
const PURGE_INTERVAL_MICROS: i64 = 60 * 60 * 1_000_000;

impl Db {
    /// Deletes the idempotency keys older than 7 days at `now`, if this process has not done
    /// so in the last hour. Every process purges on its own schedule: a
    /// delete by age is harmless to repeat, in one statement of its own on either engine.
    pub(super) async fn purge_expired_keys_if_due(&self, now: i64) -> Result<(), sqlx::Error> {
        let due = self.next_key_purge.load(Ordering::Relaxed);
        let claimed = now >= due
            && self
                .next_key_purge
                .compare_exchange(
                    due,
                    now + PURGE_INTERVAL_MICROS,
                    Ordering::Relaxed,
                    Ordering::Relaxed,
                )
                .is_ok();
        if !claimed {
            return Ok(());
        }
        let purged = sqlx::query("DELETE FROM idempotency_keys WHERE created_at < $1")
            .bind(now - KEY_RETENTION_MICROS)
            .execute(&self.pool)
            .await?
            .rows_affected();
        if purged > 0 {
            tracing::info!(purged, "expired idempotency keys purged");
        }
        Ok(())
    }
}
