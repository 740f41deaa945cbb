//! How many reader ids one client gets: counted in the database, so every process shares the
//! bound.

use super::Db;
use super::rate_limit::{Bucket, count_client_hit};

/// Reader ids one client key may get an hour (IPv6: 4 and 16 times as many per /56 and /48).
/// A browser asks once and keeps its id, so this is new readers an hour behind one address:
/// far above a household or an office, enough for a carrier-grade NAT's share of one
/// article's new readers, and all one machine can mint.
pub const READER_IDS_PER_CLIENT_HOUR: u32 = 100;

impl Db {
    /// Counts one reader id issued to `client`; `Some(seconds to wait)` past the bound (the
    /// id is then not issued).
    pub async fn count_reader_id(
        &self,
        client: &str,
        now_micros: i64,
    ) -> Result<Option<u64>, sqlx::Error> {
        let _turn = self.write_turn().await;
        let mut transaction = self.pool.begin().await?;
        let wait = count_client_hit(
            &mut transaction,
            Bucket::ReaderId,
            client,
            READER_IDS_PER_CLIENT_HOUR,
            now_micros,
        )
        .await?;
        transaction.commit().await?;
        Ok(wait)
    }
}
