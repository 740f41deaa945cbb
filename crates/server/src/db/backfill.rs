//! What the migrations leave for the server to fill in, the same way on both engines: the
//! publication time of articles stored before it had a column (read from their documents),
//! and the lower-cased search text of comments posted before the desk could search.

use binhluan_api::Article;

use super::Db;
use crate::clock::parse_rfc3339;

/// Rows filled per statement batch.
const BATCH: i64 = 500;

impl Db {
    /// Fills what earlier versions did not store. Idempotent; quick once done.
    pub(super) async fn backfill(&self) -> Result<(), sqlx::Error> {
        let undated: Vec<(String, String)> =
            sqlx::query_as("SELECT slug, document FROM articles WHERE published_at = 0")
                .fetch_all(&self.pool)
                .await?;
        for (slug, document) in undated {
            let published_at = serde_json::from_str::<Article>(&document)
                .ok()
                .and_then(|article| parse_rfc3339(&article.published_at));
            if let Some(published_at) = published_at {
                sqlx::query("UPDATE articles SET published_at = $1 WHERE slug = $2")
                    .bind(published_at)
                    .bind(&slug)
                    .execute(&self.pool)
                    .await?;
            }
        }
        loop {
            let unsearchable: Vec<(i64, String, String)> = sqlx::query_as(
                "SELECT id, author_name, content FROM comments WHERE search_text IS NULL LIMIT $1",
            )
            .bind(BATCH)
            .fetch_all(&self.pool)
            .await?;
            if unsearchable.is_empty() {
                return Ok(());
            }
            let mut transaction = self.pool.begin().await?;
            for (id, author_name, content) in unsearchable {
                sqlx::query("UPDATE comments SET search_text = $1 WHERE id = $2")
                    .bind(search_text(&author_name, &content))
                    .bind(id)
                    .execute(&mut *transaction)
                    .await?;
            }
            transaction.commit().await?;
        }
    }
}

/// What the desk's search looks in: the author and the text, lower-cased in every script.
pub fn search_text(author_name: &str, content: &str) -> String {
    format!("{author_name} {content}").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::search_text;

    #[test]
    fn search_text_is_lower_cased_in_every_script() {
        assert_eq!(search_text("TRẦN Bình", "ĐẸP QUÁ"), "trần bình đẹp quá");
    }
}
